using System.Buffers.Binary;

namespace Aro.Attestation.Dcap;

/// <summary>Intel Enclave Identity v2 (the QE for SGX, TD_QE for TDX): what the quoting enclave must be.</summary>
internal sealed class EnclaveIdentity
{
    private const string Path = "qe_identity";

    public required string Id { get; init; }

    public required DateTimeOffset IssueDate { get; init; }

    public required DateTimeOffset NextUpdate { get; init; }

    public required uint MiscSelect { get; init; }

    public required uint MiscSelectMask { get; init; }

    public required byte[] Attributes { get; init; }

    public required byte[] AttributesMask { get; init; }

    public required byte[] MrSigner { get; init; }

    public required int IsvProdId { get; init; }

    public required IReadOnlyList<IsvTcbLevel> Levels { get; init; }

    public static EnclaveIdentity Parse(ReadOnlyMemory<byte> utf8)
    {
        using var document = JsonFields.Parse(utf8, Path);
        var root = document.RootElement;
        JsonFields.Int(root, "version", Path, 2, 2);
        var levels = new List<IsvTcbLevel>();
        var index = 0;
        foreach (var level in JsonFields.Array(root, "tcbLevels", Path).EnumerateArray())
        {
            levels.Add(IsvTcbLevel.Read(level, $"{Path}.tcbLevels[{index++}]"));
        }

        return new EnclaveIdentity
        {
            Id = JsonFields.String(root, "id", Path),
            IssueDate = JsonFields.Time(root, "issueDate", Path),
            NextUpdate = JsonFields.Time(root, "nextUpdate", Path),
            // Intel writes MISCSELECT as a big-endian hex number; the report holds it as a u32.
            MiscSelect = BinaryPrimitives.ReadUInt32BigEndian(JsonFields.Hex(root, "miscselect", Path, 4)),
            MiscSelectMask = BinaryPrimitives.ReadUInt32BigEndian(JsonFields.Hex(root, "miscselectMask", Path, 4)),
            Attributes = JsonFields.Hex(root, "attributes", Path, 16),
            AttributesMask = JsonFields.Hex(root, "attributesMask", Path, 16),
            MrSigner = JsonFields.Hex(root, "mrsigner", Path, 32),
            IsvProdId = JsonFields.Int(root, "isvprodid", Path, 0, 65535),
            Levels = levels,
        };
    }
}
