using System.Text.Json;

namespace Aro.Attestation.Dcap;

/// <summary>
/// Intel TCB Info (PCS API v4, tcbInfo version 2 or 3; SGX or TDX): the TCB levels of one FMSPC.
/// Parsed from the exact bytes whose signature is checked separately.
/// </summary>
internal sealed class TcbInfo
{
    private const string Path = "tcb_info";

    public required string Id { get; init; }

    public required int Version { get; init; }

    public required DateTimeOffset IssueDate { get; init; }

    public required DateTimeOffset NextUpdate { get; init; }

    public required byte[] Fmspc { get; init; }

    public required byte[] PceId { get; init; }

    /// <summary>In Intel's order (highest TCB first); matching takes the first level that fits.</summary>
    public required IReadOnlyList<TcbLevel> Levels { get; init; }

    /// <summary>TDX only: the module identity used when TEE_TCB_SVN[1] is 0.</summary>
    public TdxModuleIdentity? TdxModule { get; init; }

    public IReadOnlyList<TdxModuleIdentity> TdxModuleIdentities { get; init; } = [];

    public bool IsTdx => Id == "TDX";

    public static TcbInfo Parse(ReadOnlyMemory<byte> utf8)
    {
        using var document = JsonFields.Parse(utf8, Path);
        var root = document.RootElement;
        var id = JsonFields.TryProperty(root, "id", out _) ? JsonFields.String(root, "id", Path) : "SGX";
        if (id is not ("SGX" or "TDX"))
        {
            throw new AttestationFormatException(Path + ".id", 0, $"unknown TCB info id '{id}'");
        }

        var version = JsonFields.Int(root, "version", Path, 2, 3);
        var isTdx = id == "TDX";
        var levels = new List<TcbLevel>();
        var index = 0;
        foreach (var level in JsonFields.Array(root, "tcbLevels", Path).EnumerateArray())
        {
            levels.Add(ReadLevel(level, $"{Path}.tcbLevels[{index++}]", version, isTdx));
        }

        TdxModuleIdentity? module = null;
        var identities = new List<TdxModuleIdentity>();
        if (isTdx)
        {
            var moduleElement = JsonFields.Property(root, "tdxModule", Path);
            module = ReadModule(moduleElement, Path + ".tdxModule", "", hasLevels: false);
            if (JsonFields.TryProperty(root, "tdxModuleIdentities", out _))
            {
                index = 0;
                foreach (var identity in JsonFields.Array(root, "tdxModuleIdentities", Path).EnumerateArray())
                {
                    var path = $"{Path}.tdxModuleIdentities[{index++}]";
                    identities.Add(ReadModule(identity, path, JsonFields.String(identity, "id", path), hasLevels: true));
                }
            }
        }

        return new TcbInfo
        {
            Id = id,
            Version = version,
            IssueDate = JsonFields.Time(root, "issueDate", Path),
            NextUpdate = JsonFields.Time(root, "nextUpdate", Path),
            Fmspc = JsonFields.Hex(root, "fmspc", Path, 6),
            PceId = JsonFields.Hex(root, "pceId", Path, 2),
            Levels = levels,
            TdxModule = module,
            TdxModuleIdentities = identities,
        };
    }

    private static TcbLevel ReadLevel(JsonElement level, string path, int version, bool isTdx)
    {
        var tcb = JsonFields.Property(level, "tcb", path);
        var tcbPath = path + ".tcb";
        var sgx = new byte[16];
        byte[]? tdx = null;
        if (version == 2)
        {
            for (var i = 0; i < 16; i++)
            {
                sgx[i] = (byte)JsonFields.Int(tcb, $"sgxtcbcomp{i + 1:D2}svn", tcbPath, 0, 255);
            }
        }
        else
        {
            ReadComponents(JsonFields.Array(tcb, "sgxtcbcomponents", tcbPath), sgx, tcbPath + ".sgxtcbcomponents");
            if (isTdx)
            {
                tdx = new byte[16];
                ReadComponents(JsonFields.Array(tcb, "tdxtcbcomponents", tcbPath), tdx, tcbPath + ".tdxtcbcomponents");
            }
        }

        return new TcbLevel(
            sgx,
            JsonFields.Int(tcb, "pcesvn", tcbPath, 0, 65535),
            tdx,
            JsonFields.Status(level, "tcbStatus", path),
            JsonFields.Advisories(level, path));
    }

    private static void ReadComponents(JsonElement array, byte[] into, string path)
    {
        if (array.GetArrayLength() != 16)
        {
            throw new AttestationFormatException(path, 0, "expected 16 components");
        }

        var i = 0;
        foreach (var component in array.EnumerateArray())
        {
            into[i] = (byte)JsonFields.Int(component, "svn", $"{path}[{i}]", 0, 255);
            i++;
        }
    }

    private static TdxModuleIdentity ReadModule(JsonElement module, string path, string id, bool hasLevels)
    {
        var levels = new List<IsvTcbLevel>();
        if (hasLevels)
        {
            var index = 0;
            foreach (var level in JsonFields.Array(module, "tcbLevels", path).EnumerateArray())
            {
                levels.Add(IsvTcbLevel.Read(level, $"{path}.tcbLevels[{index++}]"));
            }
        }

        return new TdxModuleIdentity(
            id,
            JsonFields.Hex(module, "mrsigner", path, 48),
            JsonFields.Hex(module, "attributes", path, 8),
            JsonFields.Hex(module, "attributesMask", path, 8),
            levels);
    }
}

/// <summary>One platform TCB level: minimum SGX (and TDX) component SVNs and PCESVN, and the status it earns.</summary>
internal sealed record TcbLevel(byte[] SgxComponents, int PceSvn, byte[]? TdxComponents, TcbStatus Status, string[] AdvisoryIds);

/// <summary>An ISVSVN-keyed TCB level (QE identity, TDX module identity).</summary>
internal sealed record IsvTcbLevel(int IsvSvn, TcbStatus Status, string[] AdvisoryIds)
{
    public static IsvTcbLevel Read(JsonElement level, string path) => new(
        JsonFields.Int(JsonFields.Property(level, "tcb", path), "isvsvn", path + ".tcb", 0, 65535),
        JsonFields.Status(level, "tcbStatus", path),
        JsonFields.Advisories(level, path));

    /// <summary>First level (Intel orders them by ISVSVN, highest first) whose ISVSVN the given SVN reaches.</summary>
    public static IsvTcbLevel? Match(IReadOnlyList<IsvTcbLevel> levels, int isvSvn)
    {
        foreach (var level in levels)
        {
            if (isvSvn >= level.IsvSvn)
            {
                return level;
            }
        }

        return null;
    }
}

/// <summary>A TDX module identity from TCB info: expected MRSIGNERSEAM and SEAMATTRIBUTES, and its own TCB levels.</summary>
internal sealed record TdxModuleIdentity(string Id, byte[] MrSigner, byte[] Attributes, byte[] AttributesMask, IReadOnlyList<IsvTcbLevel> Levels);
