using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Aro.Attestation.X509;
using Aro.Testing;

namespace Aro.Attestation.Tests.X509;

public class CertificateTests
{
    private static readonly string[] DcapSamples = ["sgx/dcapqvl_v3", "tdx/dcapqvl_v4", "tdx/dcapqvl_v5_tcb_not_supported"];

    private static byte[] IntelRootDer => TestData.ReadBytes("attestation", "sgx", "intel_sgx_root_ca.der");

    private static JsonElement Collateral(string sample) =>
        JsonDocument.Parse(TestData.ReadText(["attestation", .. sample.Split('/'), "collateral.json"])).RootElement;

    [Fact]
    public void Parses_the_pinned_Intel_root_as_a_self_signed_CA_with_its_published_validity()
    {
        var root = Certificate.FromDer(IntelRootDer);

        Assert.Equal("44a0196b2b99f889b8e149e95b807a350e7424964399e885a7cbb8ccfab674d3", Convert.ToHexStringLower(SHA256.HashData(root.Der.Span)));
        Assert.Equal(DateTimeOffset.Parse("2018-05-21T10:45:10Z"), root.NotBefore);
        Assert.Equal(DateTimeOffset.Parse("2049-12-31T23:59:59Z"), root.NotAfter);
        Assert.True(root.IsCertificateAuthority);
        Assert.True(root.IsSignedBy(root));
        Assert.Contains("Intel SGX Root CA", root.SubjectName, StringComparison.Ordinal);
    }

    [Fact]
    public void Validity_window_is_inclusive_at_both_ends()
    {
        var root = Certificate.FromDer(IntelRootDer);

        Assert.True(root.IsValidAt(root.NotBefore));
        Assert.True(root.IsValidAt(root.NotAfter));
        Assert.False(root.IsValidAt(root.NotBefore.AddSeconds(-1)));
        Assert.False(root.IsValidAt(root.NotAfter.AddSeconds(1)));
    }

    [Fact]
    public void Every_collateral_issuer_chain_links_to_the_pinned_Intel_root()
    {
        var run = new VectorRun("dcap issuer chains");
        var root = Certificate.FromDer(IntelRootDer);
        foreach (var sample in DcapSamples)
        {
            var collateral = Collateral(sample);
            foreach (var key in new[] { "tcb_info_issuer_chain", "qe_identity_issuer_chain", "pck_crl_issuer_chain" })
            {
                run.Case($"{sample} {key}", () =>
                {
                    var chain = Pem.DecodeCertificates(collateral.GetProperty(key).GetString());
                    Assert.Equal(2, chain.Count);
                    Assert.True(chain[0].IsSignedBy(chain[1]));
                    Assert.True(chain[1].Der.Span.SequenceEqual(root.Der.Span));
                    Assert.False(chain[0].IsSignedBy(chain[0]));
                });
            }
        }

        run.AssertAll(atLeast: 9);
    }

    [Fact]
    public void Verifies_AMD_RSA_PSS_SHA384_links_and_rejects_the_wrong_product_chain()
    {
        var milan = Pem.DecodeCertificates(TestData.ReadText("attestation", "sev-snp", "amd_milan_ask_ark.pem"));
        var genoa = Pem.DecodeCertificates(TestData.ReadText("attestation", "sev-snp", "amd_genoa_ask_ark.pem"));
        var vcek = Certificate.FromDer(TestData.ReadBytes("attestation", "sev-snp", "gosev_milan_v2", "vcek.der"));

        Assert.True(milan[0].IsSignedBy(milan[1]));
        Assert.True(milan[1].IsSignedBy(milan[1]));
        Assert.True(vcek.IsSignedBy(milan[0]));
        Assert.False(vcek.IsSignedBy(genoa[0]));
        Assert.Equal("00", Convert.ToHexStringLower(vcek.SerialNumber.Span));
    }

    [Fact]
    public void Every_sample_VCEK_is_signed_by_the_Milan_ASK()
    {
        var milan = Pem.DecodeCertificates(TestData.ReadText("attestation", "sev-snp", "amd_milan_ask_ark.pem"));
        var run = new VectorRun("vceks");
        run.Case("gosev", () => Assert.True(Certificate.FromDer(TestData.ReadBytes("attestation", "sev-snp", "gosev_milan_v2", "vcek.der")).IsSignedBy(milan[0])));
        run.Case("virtee", () => Assert.True(Certificate.FromDer(TestData.ReadBytes("attestation", "sev-snp", "virtee_milan_v2", "vcek.der")).IsSignedBy(milan[0])));
        run.Case("teekit", () => Assert.True(Pem.DecodeCertificates(TestData.ReadText("attestation", "sev-snp", "teekit_gcp_milan_v5", "vcek.pem"))[0].IsSignedBy(milan[0])));
        run.AssertAll(atLeast: 3);
    }

    [Fact]
    public void A_flipped_signature_byte_fails_the_link()
    {
        var milan = Pem.DecodeCertificates(TestData.ReadText("attestation", "sev-snp", "amd_milan_ask_ark.pem"));
        var der = TestData.ReadBytes("attestation", "sev-snp", "gosev_milan_v2", "vcek.der");
        der[^10] ^= 0x01;

        Assert.False(Certificate.FromDer(der).IsSignedBy(milan[0]));
    }

    [Fact]
    public void Pem_tolerates_a_trailing_NUL_but_rejects_text_after_the_last_block()
    {
        var pem = TestData.ReadText("attestation", "sev-snp", "amd_milan_ask_ark.pem");

        Assert.Equal(2, Pem.DecodeCertificates([.. Encoding.ASCII.GetBytes(pem), 0]).Count);
        var error = Assert.Throws<AttestationFormatException>(() => Pem.DecodeCertificates(Encoding.ASCII.GetBytes(pem + "junk")));
        Assert.Equal("pem", error.Field);
        Assert.Throws<AttestationFormatException>(() => Pem.DecodeCertificates(Encoding.ASCII.GetBytes("\n\n")));
    }

    [Fact]
    public void Every_truncation_of_a_certificate_is_a_format_error()
    {
        var der = IntelRootDer;
        var run = new VectorRun("certificate truncations");
        for (var length = 0; length < der.Length; length++)
        {
            var cut = der[..length];
            run.Case($"length {length}", () => Assert.Throws<AttestationFormatException>(() => Certificate.FromDer(cut)));
        }

        run.AssertAll(atLeast: der.Length);
    }

    [Fact]
    public void Every_collateral_CRL_is_signed_by_its_issuer_and_current_at_the_pinned_time()
    {
        var run = new VectorRun("dcap crls");
        var root = Certificate.FromDer(IntelRootDer);
        var manifest = JsonDocument.Parse(TestData.ReadText("attestation", "manifest.json")).RootElement.GetProperty("samples");
        foreach (var sample in manifest.EnumerateArray())
        {
            var id = sample.GetProperty("id").GetString()!;
            if (!DcapSamples.Contains(id))
            {
                continue;
            }

            var at = DateTimeOffset.Parse(sample.GetProperty("verify_at").GetString()!);
            var collateral = Collateral(id);
            run.Case($"{id} root_ca_crl", () =>
            {
                var crl = CertificateRevocationList.FromDer(Convert.FromHexString(collateral.GetProperty("root_ca_crl").GetString()!));
                Assert.True(crl.IsSignedBy(root));
                Assert.True(crl.IsCurrentAt(at));
            });
            run.Case($"{id} pck_crl", () =>
            {
                var issuer = Pem.DecodeCertificates(collateral.GetProperty("pck_crl_issuer_chain").GetString())[0];
                var crl = CertificateRevocationList.FromDer(Convert.FromHexString(collateral.GetProperty("pck_crl").GetString()!));
                Assert.True(crl.IsSignedBy(issuer));
                Assert.False(crl.IsSignedBy(root));
                Assert.True(crl.IsCurrentAt(at));
                Assert.False(crl.IsCurrentAt(crl.NextUpdate!.Value.AddSeconds(1)));
                Assert.False(crl.IsCurrentAt(crl.ThisUpdate.AddSeconds(-1)));
            });
        }

        run.AssertAll(atLeast: 6);
    }

    [Fact]
    public void A_tampered_CRL_fails_its_signature()
    {
        var root = Certificate.FromDer(IntelRootDer);
        var der = Convert.FromHexString(Collateral("sgx/dcapqvl_v3").GetProperty("root_ca_crl").GetString()!);
        der[^5] ^= 0x01;

        Assert.False(CertificateRevocationList.FromDer(der).IsSignedBy(root));
    }

    [Fact]
    public void Finds_a_certificate_whose_serial_the_CRL_lists()
    {
        var crl = CertificateRevocationList.FromDer(Convert.FromHexString(Collateral("tdx/dcapqvl_v4").GetProperty("pck_crl").GetString()!));
        Assert.True(crl.RevokedCount > 0);

        // A throwaway certificate carrying a serial the Intel PCK CRL revokes (EFAE... has its top bit set, so DER adds 00).
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=test", key, HashAlgorithmName.SHA256);
        var revokedSerial = Convert.FromHexString("00EFAE6E9715FCA13B87E333E8261ED6D990A926AD");
        var notRevokedSerial = Convert.FromHexString("00EFAE6E9715FCA13B87E333E8261ED6D990A926AE");
        var generator = System.Security.Cryptography.X509Certificates.X509SignatureGenerator.CreateForECDsa(key);
        var at = DateTimeOffset.UnixEpoch;
        using var revoked = request.Create(request.SubjectName, generator, at, at.AddDays(1), revokedSerial);
        using var fine = request.Create(request.SubjectName, generator, at, at.AddDays(1), notRevokedSerial);

        Assert.True(crl.IsRevoked(Certificate.FromDer(revoked.RawData)));
        Assert.False(crl.IsRevoked(Certificate.FromDer(fine.RawData)));
    }
}
