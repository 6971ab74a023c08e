using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Aro.Attestation.Snp;
using Aro.Attestation.Tests.Manifest;

namespace Aro.Attestation.Tests.Snp;

/// <summary>
/// No real Turin report exists in the test data, so a Turin-shaped VCEK is issued here (own P-384 key, own RSA
/// issuer) and a Milan report is re-signed with it: everything but the AMD chain can then be checked, in
/// particular the Turin TCB_VERSION layout (FMC, BL, TEE, SNP bytes 0-3, microcode byte 7) and the 8-byte hwID.
/// </summary>
public class SnpTurinBindingTests
{
    private static readonly ManifestSample Sample = AttestationManifest.OfKind("sev-snp").First(s => s.Id == "sev-snp/virtee_milan_v2");

    [Fact]
    public void A_turin_vcek_binds_the_first_8_chip_id_bytes_and_the_turin_tcb_layout()
    {
        var (report, vcek) = TurinReport(fmc: 1, bl: 2, tee: 3, snp: 4, ucode: 5, reportedTcb: 0x0500000004030201UL, hwidFromChip: true);

        var verdict = SnpVerifier.Verify(report, vcek, Sample.Read("ask_ark_chain"), Sample.VerifyAt);

        var failed = verdict.Checks.Where(c => !c.Passed).Select(c => c.Name);
        Assert.Equal([SnpVerifier.VcekSignedByAsk], failed);
        Assert.Equal("Turin-B0", verdict.Details["product"]);
        Assert.Equal("1", verdict.Details["reported_tcb_fmc"]);
        Assert.Equal("2", verdict.Details["reported_tcb_bl"]);
        Assert.Equal("5", verdict.Details["reported_tcb_ucode"]);
    }

    [Fact]
    public void A_turin_vcek_for_other_spls_fails_the_tcb_binding()
    {
        // Milan's layout of the same SPLs would put SNP in byte 6: a Turin VCEK must not match it.
        var (report, vcek) = TurinReport(fmc: 1, bl: 2, tee: 3, snp: 4, ucode: 5, reportedTcb: 0x0504000000000302UL, hwidFromChip: true);
        var verdict = SnpVerifier.Verify(report, vcek, Sample.Read("ask_ark_chain"), Sample.VerifyAt);
        Assert.False(verdict.FindCheck(SnpVerifier.VcekTcbEqReportedTcb)!.Passed);
        Assert.True(verdict.FindCheck(SnpVerifier.ReportSig)!.Passed);
    }

    [Fact]
    public void A_turin_vcek_for_another_chip_fails_the_hwid_binding()
    {
        var (report, vcek) = TurinReport(fmc: 1, bl: 2, tee: 3, snp: 4, ucode: 5, reportedTcb: 0x0500000004030201UL, hwidFromChip: false);
        var verdict = SnpVerifier.Verify(report, vcek, Sample.Read("ask_ark_chain"), Sample.VerifyAt);
        Assert.False(verdict.FindCheck(SnpVerifier.VcekHwidEqChipId)!.Passed);
    }

    private static (byte[] Report, byte[] Vcek) TurinReport(byte fmc, byte bl, byte tee, byte snp, byte ucode, ulong reportedTcb, bool hwidFromChip)
    {
        var report = Sample.Read("report");
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(report.AsSpan(0x180), reportedTcb);

        using var vcekKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var issuerKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=SEV-VCEK", vcekKey, HashAlgorithmName.SHA384);
        request.CertificateExtensions.Add(new X509Extension("1.3.6.1.4.1.3704.1.2", Ia5("Turin-B0"), false));
        request.CertificateExtensions.Add(new X509Extension("1.3.6.1.4.1.3704.1.3.1", Integer(bl), false));
        request.CertificateExtensions.Add(new X509Extension("1.3.6.1.4.1.3704.1.3.2", Integer(tee), false));
        request.CertificateExtensions.Add(new X509Extension("1.3.6.1.4.1.3704.1.3.3", Integer(snp), false));
        request.CertificateExtensions.Add(new X509Extension("1.3.6.1.4.1.3704.1.3.8", Integer(ucode), false));
        request.CertificateExtensions.Add(new X509Extension("1.3.6.1.4.1.3704.1.3.9", Integer(fmc), false));
        var hwid = report.AsSpan(0x1A0, 8).ToArray();
        if (!hwidFromChip)
        {
            hwid[0] ^= 1;
        }

        request.CertificateExtensions.Add(new X509Extension("1.3.6.1.4.1.3704.1.4", hwid, false));
        using var vcek = request.Create(
            new X500DistinguishedName("CN=SEV-Turin"),
            X509SignatureGenerator.CreateForRSA(issuerKey, RSASignaturePadding.Pss),
            Sample.VerifyAt.AddDays(-1),
            Sample.VerifyAt.AddDays(1),
            [0]);

        // Sign bytes 0x000..0x29F and store R and S little-endian, as the firmware does.
        var signature = vcekKey.SignData(report.AsSpan(0, SnpReport.SignedLength), HashAlgorithmName.SHA384, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        signature.AsSpan(0, 48).Reverse();
        signature.AsSpan(48, 48).Reverse();
        signature.AsSpan(0, 48).CopyTo(report.AsSpan(0x2A0));
        signature.AsSpan(48, 48).CopyTo(report.AsSpan(0x2A0 + 72));
        return (report, vcek.RawData);
    }

    private static byte[] Integer(byte value)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteInteger(value);
        return writer.Encode();
    }

    private static byte[] Ia5(string value)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteCharacterString(UniversalTagNumber.IA5String, value);
        return writer.Encode();
    }
}
