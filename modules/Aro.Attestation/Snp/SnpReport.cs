using System.Buffers.Binary;

namespace Aro.Attestation.Snp;

/// <summary>
/// An AMD SEV-SNP ATTESTATION_REPORT (SEV-SNP firmware ABI, pub. 56860), layouts of versions 2 to 5.
/// Parsing checks structure only; the signature and certificate chain are <see cref="SnpVerifier"/>'s job.
/// </summary>
/// <remarks>
/// Strict on purpose: the report is exactly 0x4A0 bytes, reserved (must-be-zero) fields are zero and the
/// unsigned tail after the signature is zero, so two byte strings that verify are the same report.
/// Versions 3+ fill the CPUID bytes at 0x188; version 5 adds the mitigation vectors at 0x1F8.
/// </remarks>
public sealed class SnpReport
{
    public const int Size = 0x4A0;

    /// <summary>The signature covers bytes 0x000..0x29F.</summary>
    public const int SignedLength = 0x2A0;

    public const int MinVersion = 2;
    public const int MaxVersion = 5;

    /// <summary>SIGNATURE_ALGO value for ECDSA P-384 with SHA-384, the only one defined.</summary>
    public const uint EcdsaP384Sha384 = 1;

    private const int SignatureOffset = 0x2A0;
    private const int SignatureComponentLength = 72;
    private const int P384ScalarLength = 48;

    private readonly byte[] _bytes;
    private readonly byte[] _signature;

    private SnpReport(byte[] bytes)
    {
        _bytes = bytes;
        var span = bytes.AsSpan();
        Version = U32(span, 0x000);
        GuestSvn = U32(span, 0x004);
        Policy = new SnpGuestPolicy(U64(span, 0x008));
        Vmpl = U32(span, 0x030);
        SignatureAlgorithm = U32(span, 0x034);
        CurrentTcb = new SnpTcbVersion(U64(span, 0x038));
        PlatformInfo = U64(span, 0x040);
        var keyInfo = U32(span, 0x048);
        AuthorKeyEnabled = (keyInfo & 1) != 0;
        MaskChipKey = (keyInfo & 2) != 0;
        SigningKey = (SnpSigningKey)((keyInfo >> 2) & 7);
        ReportedTcb = new SnpTcbVersion(U64(span, 0x180));
        CommittedTcb = new SnpTcbVersion(U64(span, 0x1E0));
        CurrentFirmware = new SnpFirmwareVersion(span[0x1EA], span[0x1E9], span[0x1E8]);
        CommittedFirmware = new SnpFirmwareVersion(span[0x1EE], span[0x1ED], span[0x1EC]);
        LaunchTcb = new SnpTcbVersion(U64(span, 0x1F0));
        if (Version >= 3)
        {
            Cpuid = new SnpCpuid(span[0x188], span[0x189], span[0x18A]);
        }

        if (Version >= 5)
        {
            LaunchMitigationVector = U64(span, 0x1F8);
            CurrentMitigationVector = U64(span, 0x200);
        }

        _signature = new byte[2 * P384ScalarLength];
        ReverseInto(span.Slice(SignatureOffset, P384ScalarLength), _signature.AsSpan(0, P384ScalarLength));
        ReverseInto(
            span.Slice(SignatureOffset + SignatureComponentLength, P384ScalarLength),
            _signature.AsSpan(P384ScalarLength, P384ScalarLength));
    }

    public uint Version { get; }

    public uint GuestSvn { get; }

    public SnpGuestPolicy Policy { get; }

    public ReadOnlyMemory<byte> FamilyId => Field(0x010, 16);

    public ReadOnlyMemory<byte> ImageId => Field(0x020, 16);

    /// <summary>The VM privilege level (0 most privileged) that requested the report.</summary>
    public uint Vmpl { get; }

    public uint SignatureAlgorithm { get; }

    public SnpTcbVersion CurrentTcb { get; }

    /// <summary>PLATFORM_INFO: bit 0 SMT enabled, 1 TSME enabled, 2 ECC, 3 RAPL disabled, ...</summary>
    public ulong PlatformInfo { get; }

    public bool AuthorKeyEnabled { get; }

    /// <summary>The guest asked for CHIP_ID to be zeroed, so the report does not name its chip.</summary>
    public bool MaskChipKey { get; }

    public SnpSigningKey SigningKey { get; }

    public ReadOnlyMemory<byte> ReportData => Field(0x050, 64);

    /// <summary>The launch digest of the guest's initial memory and state.</summary>
    public ReadOnlyMemory<byte> Measurement => Field(0x090, 48);

    public ReadOnlyMemory<byte> HostData => Field(0x0C0, 32);

    public ReadOnlyMemory<byte> IdKeyDigest => Field(0x0E0, 48);

    public ReadOnlyMemory<byte> AuthorKeyDigest => Field(0x110, 48);

    public ReadOnlyMemory<byte> ReportId => Field(0x140, 32);

    public ReadOnlyMemory<byte> ReportIdMa => Field(0x160, 32);

    /// <summary>The TCB the VCEK that signs this report was derived for.</summary>
    public SnpTcbVersion ReportedTcb { get; }

    /// <summary>CPUID family/model/stepping (version 3 and later), null before.</summary>
    public SnpCpuid? Cpuid { get; }

    public ReadOnlyMemory<byte> ChipId => Field(0x1A0, 64);

    public SnpTcbVersion CommittedTcb { get; }

    public SnpFirmwareVersion CurrentFirmware { get; }

    public SnpFirmwareVersion CommittedFirmware { get; }

    public SnpTcbVersion LaunchTcb { get; }

    /// <summary>Version 5 and later; null before.</summary>
    public ulong? LaunchMitigationVector { get; }

    /// <summary>Version 5 and later; null before.</summary>
    public ulong? CurrentMitigationVector { get; }

    /// <summary>The bytes the signature covers (0x000..0x29F).</summary>
    public ReadOnlyMemory<byte> SignedBytes => Field(0, SignedLength);

    /// <summary>The signature as big-endian r‖s (48 + 48 bytes), the form ECDSA verifiers take.</summary>
    public ReadOnlyMemory<byte> SignatureP1363 => _signature;

    /// <summary>The whole report as parsed.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <summary>Parses a report, throwing <see cref="AttestationFormatException"/> naming the field and offset of a defect.</summary>
    public static SnpReport Parse(ReadOnlySpan<byte> report)
    {
        if (report.Length != Size)
        {
            throw new AttestationFormatException(
                "snp.report", Math.Min(report.Length, Size), $"expected {Size} bytes, got {report.Length}");
        }

        var version = U32(report, 0x000);
        if (version is < MinVersion or > MaxVersion)
        {
            throw new AttestationFormatException(
                "snp.report.version", 0x000, $"unsupported version {version} (supported {MinVersion}..{MaxVersion})");
        }

        var policy = new SnpGuestPolicy(U64(report, 0x008));
        if (!policy.ReservedBitSet)
        {
            throw new AttestationFormatException("snp.report.policy", 0x008, "reserved policy bit 17 must be 1");
        }

        var vmpl = U32(report, 0x030);
        if (vmpl > 3)
        {
            throw new AttestationFormatException("snp.report.vmpl", 0x030, $"VMPL {vmpl} out of range 0..3");
        }

        var algorithm = U32(report, 0x034);
        if (algorithm != EcdsaP384Sha384)
        {
            throw new AttestationFormatException(
                "snp.report.signature_algo", 0x034, $"unsupported signature algorithm {algorithm}");
        }

        var keyInfo = U32(report, 0x048);
        if ((keyInfo & ~0x1Fu) != 0)
        {
            throw new AttestationFormatException("snp.report.key_info", 0x048, $"reserved bits set in 0x{keyInfo:x8}");
        }

        var signingKey = (keyInfo >> 2) & 7;
        if (signingKey is not ((uint)SnpSigningKey.Vcek or (uint)SnpSigningKey.Vlek or (uint)SnpSigningKey.None))
        {
            throw new AttestationFormatException("snp.report.signing_key", 0x048, $"reserved signing key {signingKey}");
        }

        RequireZero(report, 0x04C, 4, "snp.report.reserved_04c");
        if (version >= 3)
        {
            RequireZero(report, 0x18B, 0x1A0 - 0x18B, "snp.report.reserved_18b");
        }
        else
        {
            RequireZero(report, 0x188, 0x1A0 - 0x188, "snp.report.reserved_188");
        }

        RequireZero(report, 0x1EB, 1, "snp.report.current_version.reserved");
        RequireZero(report, 0x1EF, 1, "snp.report.committed_version.reserved");
        if (version < 5)
        {
            RequireZero(report, 0x1F8, 0x208 - 0x1F8, "snp.report.reserved_1f8");
        }

        RequireZero(report, 0x208, SignatureOffset - 0x208, "snp.report.reserved_208");

        // R and S are 72-byte little-endian fields holding 48-byte P-384 scalars: the top 24 bytes are zero.
        RequireZero(report, SignatureOffset + P384ScalarLength, SignatureComponentLength - P384ScalarLength, "snp.report.signature.r");
        RequireZero(
            report,
            SignatureOffset + SignatureComponentLength + P384ScalarLength,
            SignatureComponentLength - P384ScalarLength,
            "snp.report.signature.s");
        var tail = SignatureOffset + (2 * SignatureComponentLength);
        RequireZero(report, tail, Size - tail, "snp.report.signature.reserved");

        return new SnpReport(report.ToArray());
    }

    private ReadOnlyMemory<byte> Field(int offset, int length) => new(_bytes, offset, length);

    private static uint U32(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(data[offset..]);

    private static ulong U64(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt64LittleEndian(data[offset..]);

    private static void RequireZero(ReadOnlySpan<byte> data, int offset, int length, string field)
    {
        var index = data.Slice(offset, length).IndexOfAnyExcept((byte)0);
        if (index >= 0)
        {
            throw new AttestationFormatException(field, offset + index, "reserved byte must be zero");
        }
    }

    private static void ReverseInto(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        source.CopyTo(destination);
        destination.Reverse();
    }
}

/// <summary>SEV firmware version major.minor.build, as AMD writes it (e.g. 1.55.35).</summary>
public readonly record struct SnpFirmwareVersion(byte Major, byte Minor, byte Build)
{
    public override string ToString() => $"{Major}.{Minor}.{Build}";
}

/// <summary>CPUID family, model and stepping of the chip (report version 3 and later).</summary>
public readonly record struct SnpCpuid(byte Family, byte Model, byte Stepping);
