using System.Globalization;
using System.Text.Json;
using Aro.Attestation.Snp;
using Aro.Attestation.Tests.Manifest;
using Aro.Testing;

namespace Aro.Attestation.Tests.Snp;

public class SnpManifestTests
{
    [Fact]
    public void Every_sample_verifies_at_its_pinned_time_with_the_expected_fields()
    {
        var run = new VectorRun("sev-snp samples");
        foreach (var sample in AttestationManifest.OfKind("sev-snp"))
        {
            run.Case(sample.Id, () =>
            {
                var verdict = Verify(sample, sample.Read("report"), sample.Read("vcek"), sample.Read("ask_ark_chain"), sample.VerifyAt);
                Assert.All(verdict.Checks, c => Assert.True(c.Passed, $"{c.Name} failed: {c.Detail}"));
                Assert.True(verdict.IsValid);
                Assert.Equal(AttestationKind.SevSnp, verdict.Kind);
                Assert.Equal(sample.VerifyAt, verdict.VerifiedAt);
                foreach (var field in sample.Expected.EnumerateObject())
                {
                    AssertExpectedField(verdict, field);
                }
            });
        }

        run.AssertAll(atLeast: 3);
    }

    [Fact]
    public void Every_negative_variant_fails_exactly_its_listed_checks()
    {
        var run = new VectorRun("sev-snp negative variants");
        foreach (var sample in AttestationManifest.OfKind("sev-snp"))
        {
            foreach (var variant in sample.Variants)
            {
                run.Case($"{sample.Id}: {variant.Text}", () =>
                {
                    var report = sample.Read("report");
                    var vcek = sample.Read("vcek");
                    var chain = sample.Read("ask_ark_chain");
                    var at = sample.VerifyAt;
                    switch (variant.Mutation)
                    {
                        case VariantMutation.FlipEvidenceByte flip:
                            report = AttestationManifest.Flip(report, flip.Offset);
                            break;
                        case VariantMutation.FlipVcekByteFromEnd flip:
                            // The variant is defined on DER bytes; a PEM VCEK is decoded first.
                            var der = AttestationManifest.ToDer(vcek);
                            vcek = AttestationManifest.Flip(der, der.Length - flip.FromEnd);
                            break;
                        case VariantMutation.UseChain use:
                            chain = AttestationManifest.ReadFile(use.ChainFile);
                            break;
                        case VariantMutation.VerifyAt time:
                            at = time.Time;
                            break;
                        default:
                            Assert.Fail($"variant kind {variant.Mutation} does not apply to SEV-SNP");
                            break;
                    }

                    var verdict = Verify(sample, report, vcek, chain, at);
                    var failed = verdict.Checks.Where(c => !c.Passed).Select(c => c.Name).Order(StringComparer.Ordinal);
                    Assert.Equal(variant.Fails.Order(StringComparer.Ordinal), failed);
                    Assert.False(verdict.IsValid);
                });
            }
        }

        run.AssertAll(atLeast: 21);
    }

    private static AttestationVerdict Verify(ManifestSample sample, byte[] report, byte[] vcek, byte[] chain, DateTimeOffset at)
    {
        Assert.Equal("sev-snp", sample.Kind);
        return SnpVerifier.Verify(report, vcek, chain, at);
    }

    /// <summary>Compares one "expected" entry; an entry this test does not know fails, so none is skipped silently.</summary>
    private static void AssertExpectedField(AttestationVerdict verdict, JsonProperty field)
    {
        var name = field.Name;
        var value = field.Value;
        switch (name)
        {
            case "checks":
                Assert.Equal("all pass", value.GetString());
                Assert.All(verdict.Checks, c => Assert.True(c.Passed, c.Name));
                break;
            case "measurement" or "host_data" or "id_key_digest" or "author_key_digest":
                Assert.Equal(value.GetString(), Convert.ToHexStringLower(verdict.FindMeasurement(name)!.Value.Span));
                break;
            case "report_data":
                Assert.Equal(value.GetString(), Convert.ToHexStringLower(verdict.ReportData.Span));
                break;
            case "vmpl":
                Assert.Equal(value.GetInt32(), verdict.Vmpl);
                Assert.Equal(value.GetInt32().ToString(CultureInfo.InvariantCulture), verdict.Details[name]);
                break;
            case "policy_debug_allowed":
                Assert.Equal(value.GetBoolean(), verdict.DebugMode);
                Assert.Equal(value.GetBoolean() ? "true" : "false", verdict.Details[name]);
                break;
            case "policy_smt_allowed":
                Assert.Equal(value.GetBoolean() ? "true" : "false", verdict.Details[name]);
                break;
            case "guest_svn" or "signature_algo":
                Assert.Equal(value.GetInt32().ToString(CultureInfo.InvariantCulture), verdict.Details[name]);
                break;
            case "reported_tcb_fields":
                foreach (var component in value.EnumerateObject())
                {
                    Assert.Equal(
                        component.Value.GetInt32().ToString(CultureInfo.InvariantCulture),
                        verdict.Details["reported_tcb_" + component.Name]);
                }

                break;
            case "cpuid_fms":
                if (value.ValueKind == JsonValueKind.Null)
                {
                    Assert.False(verdict.Details.ContainsKey(name), "a v2 report has no CPUID bytes");
                }
                else
                {
                    Assert.Equal(string.Join(',', value.EnumerateArray().Select(e => e.GetInt32())), verdict.Details[name]);
                }

                break;
            case "product" or "policy" or "signing_key" or "chip_id" or "reported_tcb" or "current_tcb" or "committed_tcb"
                or "launch_tcb" or "platform_info" or "family_id" or "image_id" or "report_id" or "firmware":
                Assert.Equal(value.GetString(), verdict.Details[name]);
                break;
            default:
                Assert.Fail($"expected field '{name}' is not compared by this test");
                break;
        }
    }
}
