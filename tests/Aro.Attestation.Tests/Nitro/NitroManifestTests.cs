using System.Text.Json;
using Aro.Attestation.Nitro;
using Aro.Attestation.Tests.Manifest;
using Aro.Testing;

namespace Aro.Attestation.Tests.Nitro;

public class NitroManifestTests
{
    [Fact]
    public void Every_sample_verifies_at_its_pinned_time_with_the_expected_fields()
    {
        var run = new VectorRun("nitro samples");
        foreach (var sample in AttestationManifest.OfKind("nitro"))
        {
            run.Case(sample.Id, () =>
            {
                var verdict = NitroVerifier.Verify(sample.Read("document"), sample.Read("trusted_root"), sample.VerifyAt);
                Assert.All(verdict.Checks, c => Assert.True(c.Passed, $"{c.Name} failed: {c.Detail}"));
                Assert.True(verdict.IsValid);
                Assert.Equal(AttestationKind.Nitro, verdict.Kind);
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
        var run = new VectorRun("nitro negative variants");
        foreach (var sample in AttestationManifest.OfKind("nitro"))
        {
            foreach (var variant in sample.Variants)
            {
                run.Case($"{sample.Id}: {variant.Text}", () =>
                {
                    var document = sample.Read("document");
                    var at = sample.VerifyAt;
                    switch (variant.Mutation)
                    {
                        case VariantMutation.FlipEvidenceByte flip:
                            document = AttestationManifest.Flip(document, flip.Offset);
                            break;
                        case VariantMutation.VerifyAt time:
                            at = time.Time;
                            break;
                        default:
                            Assert.Fail($"variant kind {variant.Mutation} does not apply to Nitro");
                            break;
                    }

                    var verdict = NitroVerifier.Verify(document, sample.Read("trusted_root"), at);
                    var failed = verdict.Checks.Where(c => !c.Passed).Select(c => c.Name).Order(StringComparer.Ordinal);
                    Assert.Equal(variant.Fails.Order(StringComparer.Ordinal), failed);
                    Assert.False(verdict.IsValid);
                });
            }
        }

        run.AssertAll(atLeast: 9);
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
                break;
            case "module_id" or "digest" or "timestamp" or "leaf_subject":
                Assert.Equal(value.GetString(), verdict.Details[name]);
                break;
            case "timestamp_ms":
                Assert.Equal(value.GetInt64(), verdict.ProducedAt!.Value.ToUnixTimeMilliseconds());
                Assert.Equal(value.GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), verdict.Details[name]);
                break;
            case "cabundle_len":
                Assert.Equal(value.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), verdict.Details[name]);
                break;
            case "cose_tagged":
                Assert.Equal(value.GetBoolean() ? "true" : "false", verdict.Details[name]);
                break;
            case "debug_mode_pcr0_2_zero":
                Assert.Equal(value.GetBoolean(), verdict.DebugMode);
                break;
            case "pcrs":
                var expected = value.EnumerateObject().Select(p => ("pcr" + p.Name, p.Value.GetString())).ToList();
                var actual = verdict.Measurements.Select(m => (m.Name, (string?)Convert.ToHexStringLower(m.Value.Span))).ToList();
                Assert.Equal(expected, actual);
                break;
            case "public_key":
                AssertOptional(value, verdict.PublicKey);
                break;
            case "user_data":
                AssertOptional(value, verdict.ReportData);
                break;
            case "nonce":
                AssertOptional(value, verdict.Nonce);
                break;
            default:
                Assert.Fail($"expected field '{name}' is not compared by this test");
                break;
        }
    }

    private static void AssertOptional(JsonElement expected, ReadOnlyMemory<byte> actual)
    {
        // A CBOR null in the document means absent; the verdict exposes that as empty.
        var hex = expected.ValueKind == JsonValueKind.Null ? string.Empty : expected.GetString();
        Assert.Equal(hex, Convert.ToHexStringLower(actual.Span));
    }
}
