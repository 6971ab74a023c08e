using System.Buffers.Binary;
using Aro.Attestation.Snp;
using Aro.Attestation.Tests.Manifest;

namespace Aro.Attestation.Tests.Snp;

public class SnpReportTests
{
    private static readonly ManifestSample Sample = AttestationManifest.OfKind("sev-snp").First(s => s.Id == "sev-snp/virtee_milan_v2");

    [Fact]
    public void Rejects_a_report_one_byte_short()
    {
        var report = Sample.Read("report");
        var error = Assert.Throws<AttestationFormatException>(() => SnpReport.Parse(report.AsSpan(0, report.Length - 1)));
        Assert.Equal("snp.report", error.Field);
    }

    [Fact]
    public void Rejects_trailing_bytes_after_the_report()
    {
        var report = Sample.Read("report").Append((byte)0).ToArray();
        var error = Assert.Throws<AttestationFormatException>(() => SnpReport.Parse(report));
        Assert.Equal("snp.report", error.Field);
    }

    [Theory]
    [InlineData(1u)]
    [InlineData(6u)]
    public void Rejects_an_unsupported_version(uint version)
    {
        var error = ParseWith(r => BinaryPrimitives.WriteUInt32LittleEndian(r.AsSpan(0x000), version));
        Assert.Equal(("snp.report.version", 0x000L), (error.Field, error.Offset));
    }

    [Fact]
    public void Rejects_a_signature_algorithm_other_than_ecdsa_p384()
    {
        var error = ParseWith(r => r[0x034] = 2);
        Assert.Equal(("snp.report.signature_algo", 0x034L), (error.Field, error.Offset));
    }

    [Fact]
    public void Rejects_a_policy_without_the_reserved_bit_17()
    {
        var error = ParseWith(r => r[0x00A] &= 0xFD);
        Assert.Equal(("snp.report.policy", 0x008L), (error.Field, error.Offset));
    }

    [Fact]
    public void Rejects_a_vmpl_above_3()
    {
        var error = ParseWith(r => r[0x030] = 4);
        Assert.Equal(("snp.report.vmpl", 0x030L), (error.Field, error.Offset));
    }

    [Fact]
    public void Rejects_a_reserved_signing_key_value()
    {
        var error = ParseWith(r => r[0x048] = 2 << 2);
        Assert.Equal(("snp.report.signing_key", 0x048L), (error.Field, error.Offset));
    }

    [Theory]
    [InlineData(0x04C, "snp.report.reserved_04c")]
    [InlineData(0x190, "snp.report.reserved_188")]
    [InlineData(0x1EB, "snp.report.current_version.reserved")]
    [InlineData(0x1F8, "snp.report.reserved_1f8")]
    [InlineData(0x29F, "snp.report.reserved_208")]
    public void Rejects_a_nonzero_reserved_byte_in_the_signed_region(int offset, string field)
    {
        var error = ParseWith(r => r[offset] = 1);
        Assert.Equal((field, (long)offset), (error.Field, error.Offset));
    }

    [Fact]
    public void Rejects_nonzero_high_bytes_of_signature_r()
    {
        var error = ParseWith(r => r[0x2A0 + 48] = 1);
        Assert.Equal(("snp.report.signature.r", 0x2A0L + 48), (error.Field, error.Offset));
    }

    [Fact]
    public void Rejects_nonzero_bytes_in_the_unsigned_tail()
    {
        // Outside the signature: accepting them would let anyone make distinct byte strings of one report.
        var error = ParseWith(r => r[0x49F] = 1);
        Assert.Equal(("snp.report.signature.reserved", 0x49FL), (error.Field, error.Offset));
    }

    [Fact]
    public void Converts_the_little_endian_signature_to_big_endian_r_and_s()
    {
        var bytes = Sample.Read("report");
        var report = SnpReport.Parse(bytes);
        Assert.Equal(bytes[0x2A0], report.SignatureP1363.Span[47]);
        Assert.Equal(bytes[0x2A0 + 47], report.SignatureP1363.Span[0]);
        Assert.Equal(bytes[0x2E8], report.SignatureP1363.Span[95]);
    }

    [Fact]
    public void Reads_the_v5_cpuid_and_mitigation_vectors()
    {
        var v5 = AttestationManifest.OfKind("sev-snp").First(s => s.Id == "sev-snp/teekit_gcp_milan_v5");
        var report = SnpReport.Parse(v5.Read("report"));
        Assert.Equal(5u, report.Version);
        Assert.Equal(new SnpCpuid(0x19, 0x01, 0x01), report.Cpuid);
        Assert.Equal(0x0bUL, report.LaunchMitigationVector);
        Assert.Equal(0x0bUL, report.CurrentMitigationVector);
    }

    [Fact]
    public void A_v2_report_has_no_cpuid_or_mitigation_vectors()
    {
        var report = SnpReport.Parse(Sample.Read("report"));
        Assert.Null(report.Cpuid);
        Assert.Null(report.LaunchMitigationVector);
    }

    [Fact]
    public void A_vlek_signed_report_fails_the_signing_key_check()
    {
        var report = Sample.Read("report");
        report[0x048] = 1 << 2;
        var verdict = SnpVerifier.Verify(report, Sample.Read("vcek"), Sample.Read("ask_ark_chain"), Sample.VerifyAt);
        var failed = verdict.Checks.Where(c => !c.Passed).Select(c => c.Name).Order(StringComparer.Ordinal);
        Assert.Equal([SnpVerifier.ReportSig, SnpVerifier.SigningKeyIsVcek], failed);
    }

    [Fact]
    public void A_masked_chip_id_is_not_compared_with_the_vcek_hwid()
    {
        var report = Sample.Read("report");
        report[0x048] = 0x02;
        report.AsSpan(0x1A0, 64).Clear();
        var verdict = SnpVerifier.Verify(report, Sample.Read("vcek"), Sample.Read("ask_ark_chain"), Sample.VerifyAt);
        Assert.True(verdict.FindCheck(SnpVerifier.VcekHwidEqChipId)!.Passed);
        Assert.False(verdict.FindCheck(SnpVerifier.ReportSig)!.Passed);
    }

    [Fact]
    public void Rejects_a_chain_whose_root_holds_no_rsa_key()
    {
        var milan = System.Text.Encoding.ASCII.GetString(Sample.Read("ask_ark_chain"));
        var nitroRoot = System.Text.Encoding.ASCII.GetString(AttestationManifest.ReadFile("nitro/aws_nitro_root_g1.pem"));
        var chain = System.Text.Encoding.ASCII.GetBytes(FirstPemBlock(milan) + "\n" + nitroRoot);
        var error = Assert.Throws<AttestationFormatException>(() => SnpVerifier.Verify(Sample.Read("report"), Sample.Read("vcek"), chain, Sample.VerifyAt));
        Assert.Equal("snp.chain", error.Field);
    }

    [Fact]
    public void A_look_alike_ark_fails_the_pinned_root_and_the_ask_link()
    {
        // Same subject as AMD's ARK-Milan, self-signed with RSA-PSS SHA-384, valid at the sample time: only the key differs.
        var milan = System.Text.Encoding.ASCII.GetString(Sample.Read("ask_ark_chain"));
        var arkSubject = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(
            milan[FirstPemBlock(milan).Length..].Trim()).SubjectName;
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            arkSubject, key, System.Security.Cryptography.HashAlgorithmName.SHA384, System.Security.Cryptography.RSASignaturePadding.Pss);
        using var fake = request.CreateSelfSigned(Sample.VerifyAt.AddYears(-1), Sample.VerifyAt.AddYears(1));
        var chain = System.Text.Encoding.ASCII.GetBytes(FirstPemBlock(milan) + "\n" + fake.ExportCertificatePem());

        var verdict = SnpVerifier.Verify(Sample.Read("report"), Sample.Read("vcek"), chain, Sample.VerifyAt);

        var failed = verdict.Checks.Where(c => !c.Passed).Select(c => c.Name).Order(StringComparer.Ordinal);
        Assert.Equal([SnpVerifier.ArkMatchesPinnedRoot, SnpVerifier.AskSignedByArk], failed);
    }

    private static string FirstPemBlock(string pem)
    {
        const string end = "-----END CERTIFICATE-----";
        return pem[..(pem.IndexOf(end, StringComparison.Ordinal) + end.Length)];
    }

    private static AttestationFormatException ParseWith(Action<byte[]> mutate)
    {
        var report = Sample.Read("report");
        mutate(report);
        return Assert.Throws<AttestationFormatException>(() => SnpReport.Parse(report));
    }
}
