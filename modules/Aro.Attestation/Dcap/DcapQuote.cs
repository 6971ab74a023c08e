using System.Buffers.Binary;

namespace Aro.Attestation.Dcap;

/// <summary>What the quote's body is (header TEE type, and for v5 the body descriptor).</summary>
internal enum DcapBodyType : ushort
{
    SgxEnclaveReport = 1,
    TdReport10 = 2,
    TdReport15 = 3,
}

/// <summary>
/// An Intel DCAP quote split into its parts (Intel SGX ECDSA QuoteLib / TDX DCAP QuoteLib, "Quote Format"):
/// v3 (SGX), v4 (SGX or TDX, TD report 1.0), v5 (body descriptor; SGX, TD report 1.0 or 1.5).
/// Only ECDSA-256-with-P-256 attestation keys, Intel's QE vendor ID and a PCK certificate chain as
/// certification data (type 5, or type 6 wrapping type 5) are accepted; anything else is a
/// <see cref="AttestationFormatException"/>. Bytes after the signature data (buffer padding seen in
/// real quotes) are tolerated and counted in <see cref="TrailingBytes"/>; they are outside everything signed.
/// </summary>
internal sealed class DcapQuote
{
    public const int HeaderSize = 48;
    public const int SgxReportSize = 384;
    public const int TdReport10Size = 584;
    public const int TdReport15Size = 648;
    public const uint TeeTypeSgx = 0x00;
    public const uint TeeTypeTdx = 0x81;
    private const ushort AttestationKeyTypeP256 = 2;
    private const ushort CertificationDataPckChain = 5;
    private const ushort CertificationDataQeReport = 6;

    private static ReadOnlySpan<byte> IntelQeVendorId =>
        [0x93, 0x9a, 0x72, 0x33, 0xf7, 0x9c, 0x4c, 0xa9, 0x94, 0x0a, 0x0d, 0xb3, 0x95, 0x7f, 0x06, 0x07];

    private DcapQuote(byte[] raw) => Raw = raw;

    /// <summary>The whole input, copied once; every other member slices it.</summary>
    public byte[] Raw { get; }

    public ushort Version { get; private set; }

    public ushort AttestationKeyType { get; private set; }

    public uint TeeType { get; private set; }

    public DcapBodyType BodyType { get; private set; }

    public AttestationKind Kind => BodyType == DcapBodyType.SgxEnclaveReport ? AttestationKind.Sgx : AttestationKind.Tdx;

    /// <summary>Header ‖ (v5 body descriptor) ‖ body: what the attestation key signed.</summary>
    public ReadOnlyMemory<byte> SignedRegion { get; private set; }

    public ReadOnlyMemory<byte> Body { get; private set; }

    public int BodyOffset { get; private set; }

    public ReadOnlyMemory<byte> QuoteSignature { get; private set; }

    /// <summary>Raw P-256 point X‖Y (64 bytes).</summary>
    public ReadOnlyMemory<byte> AttestationKey { get; private set; }

    public ReadOnlyMemory<byte> QeReport { get; private set; }

    public int QeReportOffset { get; private set; }

    public ReadOnlyMemory<byte> QeReportSignature { get; private set; }

    public ReadOnlyMemory<byte> QeAuthData { get; private set; }

    /// <summary>Type-5 certification data: the PEM PCK chain (leaf, CA, root), possibly NUL-terminated.</summary>
    public ReadOnlyMemory<byte> PckChainPem { get; private set; }

    public int PckChainOffset { get; private set; }

    public int TrailingBytes { get; private set; }

    public SgxReportBody SgxBody => new(Body);

    public TdReportBody TdBody => new(Body, BodyType == DcapBodyType.TdReport15);

    public SgxReportBody QeReportBody => new(QeReport);

    public static DcapQuote Parse(ReadOnlySpan<byte> input)
    {
        var quote = new DcapQuote(input.ToArray());
        quote.ParseLayout();
        return quote;
    }

    private void ParseLayout()
    {
        var data = Raw;
        Require(data.Length >= HeaderSize, "quote.header", 0, $"needs {HeaderSize} bytes, has {data.Length}");
        Version = BinaryPrimitives.ReadUInt16LittleEndian(data);
        Require(Version is 3 or 4 or 5, "quote.header.version", 0, $"unsupported version {Version}");
        AttestationKeyType = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(2));
        Require(AttestationKeyType == AttestationKeyTypeP256, "quote.header.att_key_type", 2, $"unsupported attestation key type {AttestationKeyType}");
        TeeType = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(4));
        Require(TeeType is TeeTypeSgx or TeeTypeTdx && (Version != 3 || TeeType == TeeTypeSgx), "quote.header.tee_type", 4, $"unsupported TEE type 0x{TeeType:x} for version {Version}");
        Require(data.AsSpan(12, 16).SequenceEqual(IntelQeVendorId), "quote.header.qe_vendor_id", 12, "not Intel's quoting enclave");

        var offset = HeaderSize;
        int bodySize;
        if (Version == 5)
        {
            Require(data.Length >= offset + 6, "quote.body_descriptor", offset, "truncated");
            var type = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(offset));
            var size = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset + 2));
            (BodyType, bodySize) = type switch
            {
                1 when TeeType == TeeTypeSgx => (DcapBodyType.SgxEnclaveReport, SgxReportSize),
                2 when TeeType == TeeTypeTdx => (DcapBodyType.TdReport10, TdReport10Size),
                3 when TeeType == TeeTypeTdx => (DcapBodyType.TdReport15, TdReport15Size),
                _ => throw new AttestationFormatException("quote.body_descriptor.type", offset, $"body type {type} does not fit TEE type 0x{TeeType:x}"),
            };
            Require(size == (uint)bodySize, "quote.body_descriptor.size", offset + 2, $"body size {size}, expected {bodySize}");
            offset += 6;
        }
        else
        {
            (BodyType, bodySize) = TeeType == TeeTypeSgx ? (DcapBodyType.SgxEnclaveReport, SgxReportSize) : (DcapBodyType.TdReport10, TdReport10Size);
        }

        Require(data.Length >= offset + bodySize, "quote.body", offset, $"needs {bodySize} bytes, has {data.Length - offset}");
        BodyOffset = offset;
        Body = new ReadOnlyMemory<byte>(data, offset, bodySize);
        offset += bodySize;
        SignedRegion = new ReadOnlyMemory<byte>(data, 0, offset);

        Require(data.Length >= offset + 4, "quote.signature_data_len", offset, "truncated");
        var signatureDataLength = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset));
        offset += 4;
        Require(signatureDataLength <= (uint)(data.Length - offset), "quote.signature_data_len", offset - 4, $"{signatureDataLength} exceeds the {data.Length - offset} bytes left");
        var end = offset + (int)signatureDataLength;
        TrailingBytes = data.Length - end;

        var reader = new Cursor(data, offset, end, "quote.signature_data");
        QuoteSignature = reader.Take(64, "quote.signature_data.quote_signature");
        AttestationKey = reader.Take(64, "quote.signature_data.attestation_key");
        if (Version == 3)
        {
            ReadQeReportSection(ref reader);
            ReadPckChain(ref reader, "quote.signature_data.certification_data");
        }
        else
        {
            var type = reader.U16("quote.signature_data.certification_data.type");
            Require(type == CertificationDataQeReport, "quote.signature_data.certification_data.type", reader.Offset - 2, $"certification data type {type}, expected 6 (QE report)");
            var size = reader.U32("quote.signature_data.certification_data.size");
            var outerStart = reader.Offset;
            var inner = new Cursor(data, outerStart, outerStart + reader.Remaining(size, "quote.signature_data.certification_data.size"), "quote.qe_report_certification_data");
            ReadQeReportSection(ref inner);
            ReadPckChain(ref inner, "quote.qe_report_certification_data.certification_data");
            inner.RequireEnd("quote.qe_report_certification_data");
            reader.Skip((int)size);
        }

        reader.RequireEnd("quote.signature_data");
    }

    private void ReadQeReportSection(ref Cursor reader)
    {
        QeReportOffset = reader.Offset;
        QeReport = reader.Take(SgxReportSize, "qe_report");
        QeReportSignature = reader.Take(64, "qe_report_signature");
        var authLength = reader.U16("qe_auth_data.size");
        QeAuthData = reader.Take(authLength, "qe_auth_data");
    }

    private void ReadPckChain(ref Cursor reader, string field)
    {
        var type = reader.U16(field + ".type");
        Require(type == CertificationDataPckChain, field + ".type", reader.Offset - 2, $"certification data type {type}, expected 5 (PCK certificate chain)");
        var size = reader.U32(field + ".size");
        PckChainOffset = reader.Offset;
        PckChainPem = reader.Take(reader.Remaining(size, field + ".size"), field + ".data");
    }

    private static void Require(bool condition, string field, long offset, string reason)
    {
        if (!condition)
        {
            throw new AttestationFormatException(field, offset, reason);
        }
    }

    /// <summary>Bounds-checked reader over <c>[offset, end)</c> of the quote.</summary>
    private ref struct Cursor(byte[] data, int offset, int end, string scope)
    {
        private readonly byte[] _data = data;
        private readonly int _end = end;
        private readonly string _scope = scope;

        public int Offset { get; private set; } = offset;

        public ReadOnlyMemory<byte> Take(int count, string field)
        {
            Require(count <= _end - Offset, field, Offset, $"needs {count} bytes, {_end - Offset} left in {_scope}");
            var slice = new ReadOnlyMemory<byte>(_data, Offset, count);
            Offset += count;
            return slice;
        }

        public void Skip(int count) => Take(count, _scope);

        public ushort U16(string field) => BinaryPrimitives.ReadUInt16LittleEndian(Take(2, field).Span);

        public uint U32(string field) => BinaryPrimitives.ReadUInt32LittleEndian(Take(4, field).Span);

        /// <summary>A declared length as int, when it fits in what is left.</summary>
        public readonly int Remaining(uint declared, string field)
        {
            Require(declared <= (uint)(_end - Offset), field, Offset - 4, $"{declared} exceeds the {_end - Offset} bytes left in {_scope}");
            return (int)declared;
        }

        public readonly void RequireEnd(string field) =>
            Require(Offset == _end, field, Offset, $"{_end - Offset} unexplained bytes at the end");
    }
}
