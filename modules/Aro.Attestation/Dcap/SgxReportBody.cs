using System.Buffers.Binary;

namespace Aro.Attestation.Dcap;

/// <summary>An SGX REPORT_BODY (384 bytes): the enclave body of an SGX quote, and the QE report.</summary>
internal readonly struct SgxReportBody(ReadOnlyMemory<byte> bytes)
{
    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    public ReadOnlyMemory<byte> CpuSvn => Bytes.Slice(0, 16);

    public uint MiscSelect => BinaryPrimitives.ReadUInt32LittleEndian(Bytes.Span[16..]);

    public ReadOnlyMemory<byte> Attributes => Bytes.Slice(48, 16);

    /// <summary>ATTRIBUTES.FLAGS bit 1.</summary>
    public bool Debug => (Bytes.Span[48] & 0x02) != 0;

    public ReadOnlyMemory<byte> MrEnclave => Bytes.Slice(64, 32);

    public ReadOnlyMemory<byte> MrSigner => Bytes.Slice(128, 32);

    public ReadOnlyMemory<byte> ConfigId => Bytes.Slice(192, 64);

    public ushort IsvProdId => BinaryPrimitives.ReadUInt16LittleEndian(Bytes.Span[256..]);

    public ushort IsvSvn => BinaryPrimitives.ReadUInt16LittleEndian(Bytes.Span[258..]);

    public ushort ConfigSvn => BinaryPrimitives.ReadUInt16LittleEndian(Bytes.Span[260..]);

    public ReadOnlyMemory<byte> IsvFamilyId => Bytes.Slice(304, 16);

    public ReadOnlyMemory<byte> ReportData => Bytes.Slice(320, 64);
}
