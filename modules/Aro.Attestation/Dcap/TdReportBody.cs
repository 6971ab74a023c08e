namespace Aro.Attestation.Dcap;

/// <summary>A TD report body: 1.0 (584 bytes) or 1.5 (648 bytes, adds TEE_TCB_SVN2 and MRSERVICETD).</summary>
internal readonly struct TdReportBody(ReadOnlyMemory<byte> bytes, bool isVersion15)
{
    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    public bool IsVersion15 { get; } = isVersion15;

    /// <summary>Byte 0: TDX module ISVSVN; byte 1: module major version; the rest: further SVNs.</summary>
    public ReadOnlyMemory<byte> TeeTcbSvn => Bytes.Slice(0, 16);

    public ReadOnlyMemory<byte> MrSeam => Bytes.Slice(16, 48);

    public ReadOnlyMemory<byte> MrSignerSeam => Bytes.Slice(64, 48);

    public ReadOnlyMemory<byte> SeamAttributes => Bytes.Slice(112, 8);

    public ReadOnlyMemory<byte> TdAttributes => Bytes.Slice(120, 8);

    /// <summary>TDATTRIBUTES bit 0.</summary>
    public bool Debug => (Bytes.Span[120] & 0x01) != 0;

    public ReadOnlyMemory<byte> Xfam => Bytes.Slice(128, 8);

    public ReadOnlyMemory<byte> MrTd => Bytes.Slice(136, 48);

    public ReadOnlyMemory<byte> MrConfigId => Bytes.Slice(184, 48);

    public ReadOnlyMemory<byte> MrOwner => Bytes.Slice(232, 48);

    public ReadOnlyMemory<byte> MrOwnerConfig => Bytes.Slice(280, 48);

    public ReadOnlyMemory<byte> Rtmr(int index) => Bytes.Slice(328 + (48 * index), 48);

    public ReadOnlyMemory<byte> ReportData => Bytes.Slice(520, 64);

    public ReadOnlyMemory<byte> TeeTcbSvn2 => IsVersion15 ? Bytes.Slice(584, 16) : ReadOnlyMemory<byte>.Empty;

    public ReadOnlyMemory<byte> MrServiceTd => IsVersion15 ? Bytes.Slice(600, 48) : ReadOnlyMemory<byte>.Empty;
}
