using System.Globalization;
using System.Security.Cryptography;
using Aro.Attestation.X509;

namespace Aro.Attestation.Snp;

/// <summary>
/// Verifies an SEV-SNP attestation report offline at an explicit time: the report signature by the VCEK,
/// the VCEK → ASK → ARK chain (RSASSA-PSS SHA-384), the ARK against AMD's pinned roots, the VCEK's
/// binding to the report (hwID = CHIP_ID, SPLs = REPORTED_TCB) and every certificate's validity window.
/// </summary>
/// <remarks>
/// Checks are independent so a verdict says exactly what is wrong: signatures never depend on time, and
/// every validity comparison (VCEK, ASK and ARK) lives in the single <c>time_ok</c> check.
/// Revocation is not checked: AMD publishes an ARK-signed CRL per product, but none is supplied offline.
/// </remarks>
public static class SnpVerifier
{
    public const string ReportSig = "report_sig";
    public const string SigningKeyIsVcek = "signing_key_is_vcek";
    public const string VcekHwidEqChipId = "vcek_hwid_eq_chip_id";
    public const string VcekTcbEqReportedTcb = "vcek_tcb_eq_reported_tcb";
    public const string VcekSignedByAsk = "vcek_signed_by_ask";
    public const string AskSignedByArk = "ask_signed_by_ark";
    public const string ArkSelfSigned = "ark_self_signed";
    public const string ArkMatchesPinnedRoot = "ark_matches_pinned_root";
    public const string TimeOk = "time_ok";

    /// <summary>
    /// Parses and verifies. Malformed report, VCEK or chain bytes throw <see cref="AttestationFormatException"/>;
    /// anything that parses yields a verdict.
    /// </summary>
    /// <param name="report">The 1184-byte ATTESTATION_REPORT.</param>
    /// <param name="vcekDerOrPem">The VCEK for the report's chip and REPORTED_TCB, DER or PEM.</param>
    /// <param name="askArkPem">AMD's cert_chain for the product: ASK then ARK, PEM.</param>
    /// <param name="at">The verification time (block time on chain); never the wall clock.</param>
    public static AttestationVerdict Verify(
        ReadOnlySpan<byte> report, ReadOnlySpan<byte> vcekDerOrPem, ReadOnlySpan<byte> askArkPem, DateTimeOffset at) =>
        Verify(SnpReport.Parse(report), VcekCertificate.Parse(vcekDerOrPem), AmdCertificateChain.Parse(askArkPem), at);

    /// <summary>Verifies already-parsed inputs, so a caller can cache the VCEK and chain between reports.</summary>
    internal static AttestationVerdict Verify(SnpReport report, VcekCertificate vcek, AmdCertificateChain chain, DateTimeOffset at)
    {
        var product = vcek.Product != SnpProduct.Unknown ? vcek.Product : ProductFromCpuid(report.Cpuid);
        var checks = new List<VerificationCheck>(9)
        {
            new(ReportSig, VerifyReportSignature(report, vcek.Certificate.PublicKey)),
            new(SigningKeyIsVcek, report.SigningKey == SnpSigningKey.Vcek, report.SigningKey.ToString().ToUpperInvariant()),
            CheckHardwareId(report, vcek),
            CheckTcb(report, vcek, product),
            new(VcekSignedByAsk, vcek.Certificate.IsSignedBy(chain.Ask)),
            new(AskSignedByArk, chain.Ask.IsSignedBy(chain.Ark)),
            new(ArkSelfSigned, chain.Ark.IsSignedBy(chain.Ark)),
            CheckPinnedRoot(chain),
            CheckValidity(at, ("VCEK", vcek.Certificate), ("ASK", chain.Ask), ("ARK", chain.Ark)),
        };

        var measurements = new List<Measurement>(4)
        {
            new("measurement", report.Measurement),
            new("host_data", report.HostData),
            new("id_key_digest", report.IdKeyDigest),
            new("author_key_digest", report.AuthorKeyDigest),
        };

        return new AttestationVerdict(AttestationKind.SevSnp, at, checks, measurements, report.ReportData)
        {
            DebugMode = report.Policy.DebugAllowed,
            Vmpl = (int)report.Vmpl,
            Details = Describe(report, vcek, product),
        };
    }

    /// <summary>ECDSA P-384/SHA-384 over bytes 0x000..0x29F; the raw check benchmarks measure.</summary>
    internal static bool VerifyReportSignature(SnpReport report, VerificationKey vcekKey) =>
        vcekKey.VerifyEcdsa(
            report.SignedBytes.Span,
            report.SignatureP1363.Span,
            HashAlgorithmName.SHA384,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    private static VerificationCheck CheckHardwareId(SnpReport report, VcekCertificate vcek)
    {
        if (report.MaskChipKey)
        {
            // The guest zeroed CHIP_ID; the VCEK signature still proves an AMD chip, just not which one.
            return new(VcekHwidEqChipId, true, "CHIP_ID masked by the guest (MASK_CHIP_KEY)");
        }

        if (vcek.HardwareId is not { } hwid)
        {
            return new(VcekHwidEqChipId, false, "VCEK has no hwID extension");
        }

        // Turin VCEKs name the chip by the first 8 bytes of CHIP_ID only.
        var expected = hwid.Length == VcekCertificate.TurinHardwareIdLength
            ? report.ChipId.Span[..VcekCertificate.TurinHardwareIdLength]
            : report.ChipId.Span;
        return hwid.Span.SequenceEqual(expected)
            ? new(VcekHwidEqChipId, true)
            : new(VcekHwidEqChipId, false, $"VCEK hwID {Convert.ToHexStringLower(hwid.Span)} differs from CHIP_ID");
    }

    private static VerificationCheck CheckTcb(SnpReport report, VcekCertificate vcek, SnpProduct product)
    {
        if (vcek.TcbVersion(product) is not { } vcekTcb)
        {
            return new(VcekTcbEqReportedTcb, false, "VCEK lacks an SPL extension");
        }

        return vcekTcb == report.ReportedTcb
            ? new(VcekTcbEqReportedTcb, true)
            : new(VcekTcbEqReportedTcb, false, $"VCEK SPLs encode {vcekTcb}, REPORTED_TCB is {report.ReportedTcb}");
    }

    private static VerificationCheck CheckPinnedRoot(AmdCertificateChain chain)
    {
        var product = AmdRootKeys.Identify(chain.ArkSha256);
        return product == SnpProduct.Unknown
            ? new(ArkMatchesPinnedRoot, false, $"ARK SHA-256 {Convert.ToHexStringLower(chain.ArkSha256)} is not a pinned AMD root")
            : new(ArkMatchesPinnedRoot, true, $"ARK-{product}");
    }

    private static VerificationCheck CheckValidity(DateTimeOffset at, params ReadOnlySpan<(string Role, Certificate Certificate)> certificates)
    {
        string? problem = null;
        foreach (var (role, certificate) in certificates)
        {
            if (!certificate.IsValidAt(at))
            {
                problem = (problem is null ? string.Empty : problem + "; ")
                    + $"{role} valid {Iso(certificate.NotBefore)}..{Iso(certificate.NotAfter)}";
            }
        }

        return new VerificationCheck(TimeOk, problem is null, problem is null ? null : $"at {Iso(at)}: {problem}");
    }

    /// <summary>Fallback when the VCEK names no product: CPUID family/model of report v3+ (Zen 3 / Zen 4 / Zen 5).</summary>
    private static SnpProduct ProductFromCpuid(SnpCpuid? cpuid) => cpuid switch
    {
        { Family: 0x19, Model: < 0x10 } => SnpProduct.Milan,
        { Family: 0x19, Model: >= 0x10 and < 0x20 } => SnpProduct.Genoa,
        { Family: 0x1A } => SnpProduct.Turin,
        _ => SnpProduct.Unknown,
    };

    private static SortedDictionary<string, string> Describe(SnpReport report, VcekCertificate vcek, SnpProduct product)
    {
        var tcb = report.ReportedTcb.Components(product);
        var details = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["version"] = Int(report.Version),
            ["product"] = vcek.ProductName ?? product.ToString(),
            ["policy"] = report.Policy.ToString(),
            ["policy_debug_allowed"] = Bool(report.Policy.DebugAllowed),
            ["policy_smt_allowed"] = Bool(report.Policy.SmtAllowed),
            ["policy_abi"] = $"{report.Policy.AbiMajor}.{report.Policy.AbiMinor}",
            ["vmpl"] = Int(report.Vmpl),
            ["guest_svn"] = Int(report.GuestSvn),
            ["signature_algo"] = Int(report.SignatureAlgorithm),
            ["signing_key"] = report.SigningKey.ToString().ToUpperInvariant(),
            ["chip_id"] = Hex(report.ChipId),
            ["reported_tcb"] = report.ReportedTcb.ToString(),
            ["reported_tcb_bl"] = Int(tcb.BootLoader),
            ["reported_tcb_tee"] = Int(tcb.Tee),
            ["reported_tcb_snp"] = Int(tcb.Snp),
            ["reported_tcb_ucode"] = Int(tcb.Microcode),
            ["current_tcb"] = report.CurrentTcb.ToString(),
            ["committed_tcb"] = report.CommittedTcb.ToString(),
            ["launch_tcb"] = report.LaunchTcb.ToString(),
            ["platform_info"] = $"0x{report.PlatformInfo:x}",
            ["family_id"] = Hex(report.FamilyId),
            ["image_id"] = Hex(report.ImageId),
            ["report_id"] = Hex(report.ReportId),
            ["report_id_ma"] = Hex(report.ReportIdMa),
            ["firmware"] = report.CurrentFirmware.ToString(),
            ["committed_firmware"] = report.CommittedFirmware.ToString(),
            ["author_key_en"] = Bool(report.AuthorKeyEnabled),
            ["mask_chip_key"] = Bool(report.MaskChipKey),
        };

        if (tcb.Fmc is { } fmc)
        {
            details["reported_tcb_fmc"] = Int(fmc);
        }

        if (report.Cpuid is { } cpuid)
        {
            details["cpuid_fms"] = $"{cpuid.Family},{cpuid.Model},{cpuid.Stepping}";
        }

        if (report.LaunchMitigationVector is { } launchMit && report.CurrentMitigationVector is { } currentMit)
        {
            details["launch_mit_vector"] = $"0x{launchMit:x}";
            details["current_mit_vector"] = $"0x{currentMit:x}";
        }

        return details;
    }

    private static string Hex(ReadOnlyMemory<byte> value) => Convert.ToHexStringLower(value.Span);

    private static string Int(uint value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
