using Aro.Attestation.Cbor;

namespace Aro.Attestation.Nitro;

/// <summary>
/// An AWS Nitro Enclaves attestation document: the COSE_Sign1 envelope and the payload map, checked
/// against the NSM's syntactic rules (aws-nitro-enclaves-nsm-api, attestation_process.md).
/// </summary>
/// <remarks>
/// The payload must hold exactly the known keys, each once: module_id, digest ("SHA384"), timestamp,
/// pcrs, certificate and cabundle are required; public_key, user_data and nonce are optional and, as the
/// NSM really sends them, may be present with CBOR null, which means absent. Sizes follow the NSM limits.
/// Certificates stay DER here; <see cref="NitroVerifier"/> parses and checks them.
/// </remarks>
public sealed class NitroDocument
{
    public const int MaxPcrCount = 32;
    public const int Sha384Length = 48;
    public const int MaxCertificateLength = 1024;
    public const int MaxPublicKeyLength = 1024;
    public const int MaxUserDataLength = 512;
    public const int MaxNonceLength = 512;

    /// <summary>9999-12-31T23:59:59.999Z, the last instant a <see cref="DateTimeOffset"/> can hold.</summary>
    private const ulong MaxTimestampMs = 253_402_300_799_999;

    private readonly CoseSign1 _cose;

    private NitroDocument(
        CoseSign1 cose,
        string moduleId,
        ulong timestampMs,
        IReadOnlyList<NitroPcr> pcrs,
        ReadOnlyMemory<byte> certificate,
        IReadOnlyList<ReadOnlyMemory<byte>> caBundle,
        ReadOnlyMemory<byte>? publicKey,
        ReadOnlyMemory<byte>? userData,
        ReadOnlyMemory<byte>? nonce)
    {
        _cose = cose;
        ModuleId = moduleId;
        TimestampMs = timestampMs;
        Pcrs = pcrs;
        Certificate = certificate;
        CaBundle = caBundle;
        PublicKey = publicKey;
        UserData = userData;
        Nonce = nonce;
    }

    public string ModuleId { get; }

    /// <summary>The PCR hash algorithm; only SHA384 is defined.</summary>
    public string Digest => "SHA384";

    /// <summary>Milliseconds since the Unix epoch when the NSM produced the document.</summary>
    public ulong TimestampMs { get; }

    public DateTimeOffset Timestamp => DateTimeOffset.FromUnixTimeMilliseconds((long)TimestampMs);

    /// <summary>PCRs in ascending index order.</summary>
    public IReadOnlyList<NitroPcr> Pcrs { get; }

    /// <summary>DER of the leaf certificate whose key signed the document.</summary>
    public ReadOnlyMemory<byte> Certificate { get; }

    /// <summary>DER certificates, root first, ending with the leaf's issuer.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> CaBundle { get; }

    public ReadOnlyMemory<byte>? PublicKey { get; }

    public ReadOnlyMemory<byte>? UserData { get; }

    public ReadOnlyMemory<byte>? Nonce { get; }

    /// <summary>Whether the COSE_Sign1 carried tag 18.</summary>
    public bool CoseTagged => _cose.Tagged;

    internal CoseSign1 Cose => _cose;

    /// <summary>Parses the COSE_Sign1 and its payload; every defect throws <see cref="AttestationFormatException"/>.</summary>
    public static NitroDocument Parse(ReadOnlySpan<byte> document)
    {
        var cose = CoseSign1.Parse(document);
        var memory = new ReadOnlyMemory<byte>(cose.Message);
        var baseOffset = cose.PayloadOffset;
        var reader = new CborReader(cose.Payload.Span, baseOffset);

        string? moduleId = null;
        string? digest = null;
        ulong? timestamp = null;
        List<NitroPcr>? pcrs = null;
        ReadOnlyMemory<byte>? certificate = null;
        List<ReadOnlyMemory<byte>>? caBundle = null;
        ReadOnlyMemory<byte>? publicKey = null;
        ReadOnlyMemory<byte>? userData = null;
        ReadOnlyMemory<byte>? nonce = null;
        var seen = 0;

        var entries = reader.ReadMapHeader("nitro.payload");
        for (var i = 0; i < entries; i++)
        {
            var keyOffset = reader.Offset;
            var key = reader.ReadTextString("nitro.payload.key");
            var bit = KeyBit(key, keyOffset);
            if ((seen & bit) != 0)
            {
                throw new AttestationFormatException("nitro.payload." + key, keyOffset, "duplicate key");
            }

            seen |= bit;
            var field = "nitro." + key;
            var valueOffset = reader.Offset;
            switch (key)
            {
                case "module_id":
                    moduleId = reader.ReadTextString(field);
                    if (moduleId.Length == 0)
                    {
                        throw new AttestationFormatException(field, valueOffset, "must not be empty");
                    }

                    break;
                case "digest":
                    digest = reader.ReadTextString(field);
                    if (digest != "SHA384")
                    {
                        throw new AttestationFormatException(field, valueOffset, $"digest '{digest}' is not SHA384");
                    }

                    break;
                case "timestamp":
                    timestamp = reader.ReadUInt64(field);
                    if (timestamp is 0 or > MaxTimestampMs)
                    {
                        throw new AttestationFormatException(field, valueOffset, $"timestamp {timestamp} out of range");
                    }

                    break;
                case "pcrs":
                    pcrs = ReadPcrs(ref reader, memory, baseOffset);
                    break;
                case "certificate":
                    certificate = ReadBytes(ref reader, memory, baseOffset, field, 1, MaxCertificateLength);
                    break;
                case "cabundle":
                    caBundle = ReadCaBundle(ref reader, memory, baseOffset);
                    break;
                case "public_key":
                    publicKey = ReadOptionalBytes(ref reader, memory, baseOffset, field, 1, MaxPublicKeyLength);
                    break;
                case "user_data":
                    userData = ReadOptionalBytes(ref reader, memory, baseOffset, field, 0, MaxUserDataLength);
                    break;
                default:
                    nonce = ReadOptionalBytes(ref reader, memory, baseOffset, field, 0, MaxNonceLength);
                    break;
            }
        }

        reader.ExpectEnd("nitro.payload");
        var end = baseOffset + cose.Payload.Length;
        if (digest is null)
        {
            throw Missing("digest", end);
        }

        return new NitroDocument(
            cose,
            moduleId ?? throw Missing("module_id", end),
            timestamp ?? throw Missing("timestamp", end),
            pcrs ?? throw Missing("pcrs", end),
            certificate ?? throw Missing("certificate", end),
            caBundle ?? throw Missing("cabundle", end),
            publicKey,
            userData,
            nonce);
    }

    private static int KeyBit(string key, long offset) => key switch
    {
        "module_id" => 1,
        "digest" => 2,
        "timestamp" => 4,
        "pcrs" => 8,
        "certificate" => 16,
        "cabundle" => 32,
        "public_key" => 64,
        "user_data" => 128,
        "nonce" => 256,
        _ => throw new AttestationFormatException("nitro.payload.key", offset, $"unknown key '{key}'"),
    };

    private static List<NitroPcr> ReadPcrs(ref CborReader reader, ReadOnlyMemory<byte> message, int baseOffset)
    {
        var mapOffset = reader.Offset;
        var count = reader.ReadMapHeader("nitro.pcrs");
        if (count is < 1 or > MaxPcrCount)
        {
            throw new AttestationFormatException("nitro.pcrs", mapOffset, $"{count} PCRs, expected 1..{MaxPcrCount}");
        }

        var pcrs = new List<NitroPcr>(count);
        var seen = 0u;
        for (var i = 0; i < count; i++)
        {
            var indexOffset = reader.Offset;
            var index = reader.ReadUInt64("nitro.pcrs.index");
            if (index >= MaxPcrCount)
            {
                throw new AttestationFormatException("nitro.pcrs.index", indexOffset, $"PCR index {index} out of range 0..{MaxPcrCount - 1}");
            }

            if ((seen & (1u << (int)index)) != 0)
            {
                throw new AttestationFormatException("nitro.pcrs.index", indexOffset, $"duplicate PCR {index}");
            }

            seen |= 1u << (int)index;
            var value = ReadBytes(ref reader, message, baseOffset, $"nitro.pcrs[{index}]", Sha384Length, Sha384Length);
            pcrs.Add(new NitroPcr((int)index, value));
        }

        // Deterministic order regardless of how the map was written.
        pcrs.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        return pcrs;
    }

    private static List<ReadOnlyMemory<byte>> ReadCaBundle(ref CborReader reader, ReadOnlyMemory<byte> message, int baseOffset)
    {
        var arrayOffset = reader.Offset;
        var count = reader.ReadArrayHeader("nitro.cabundle");
        if (count < 1)
        {
            throw new AttestationFormatException("nitro.cabundle", arrayOffset, "cabundle is empty");
        }

        var bundle = new List<ReadOnlyMemory<byte>>(count);
        for (var i = 0; i < count; i++)
        {
            bundle.Add(ReadBytes(ref reader, message, baseOffset, $"nitro.cabundle[{i}]", 1, MaxCertificateLength));
        }

        return bundle;
    }

    private static ReadOnlyMemory<byte>? ReadOptionalBytes(
        ref CborReader reader, ReadOnlyMemory<byte> message, int baseOffset, string field, int minLength, int maxLength) =>
        reader.TryReadNull() ? (ReadOnlyMemory<byte>?)null : ReadBytes(ref reader, message, baseOffset, field, minLength, maxLength);

    private static ReadOnlyMemory<byte> ReadBytes(
        ref CborReader reader, ReadOnlyMemory<byte> message, int baseOffset, string field, int minLength, int maxLength)
    {
        var offset = reader.Offset;
        var range = reader.ReadByteStringRange(field);
        var length = range.End.Value - range.Start.Value;
        if (length < minLength || length > maxLength)
        {
            var expected = minLength == maxLength ? $"{minLength}" : $"{minLength}..{maxLength}";
            throw new AttestationFormatException(field, offset, $"{length} bytes, expected {expected}");
        }

        return message.Slice(baseOffset + range.Start.Value, length);
    }

    private static AttestationFormatException Missing(string key, long offset) =>
        new("nitro." + key, offset, "required key is missing");
}

/// <summary>One platform configuration register of an enclave.</summary>
public readonly record struct NitroPcr(int Index, ReadOnlyMemory<byte> Value);
