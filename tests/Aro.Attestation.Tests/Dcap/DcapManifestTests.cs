using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aro.Attestation.Dcap;
using Aro.Testing;

namespace Aro.Attestation.Tests.Dcap;

/// <summary>Every SGX/TDX sample of the test-data manifest: verdict, expected fields and derived negative variants.</summary>
public partial class DcapManifestTests
{
    [Fact]
    public void Every_sample_verifies_at_its_pinned_time_with_only_the_failures_the_manifest_expects()
    {
        var run = new VectorRun("dcap samples");
        foreach (var sample in DcapSample.All())
        {
            run.Case(sample.Id, () =>
            {
                var verdict = DcapVerifier.Verify(sample.Quote, sample.Collateral, sample.RootDer, sample.VerifyAt);

                Assert.Equal("all pass", sample.Expected.GetProperty("crypto_checks").GetString());
                Assert.Equal(sample.ExpectedBaselineFailures.Order(), DcapSample.Failed(verdict).Order());
                Assert.Equal(sample.ExpectedBaselineFailures.Count == 0, verdict.IsValid);
                Assert.Equal(sample.VerifyAt, verdict.VerifiedAt);
                Assert.Equal(sample.Entry.GetProperty("kind").GetString() == "sgx" ? AttestationKind.Sgx : AttestationKind.Tdx, verdict.Kind);
            });
        }

        run.AssertAll(atLeast: 3);
    }

    [Fact]
    public void Every_expected_field_of_every_sample_matches_the_verdict()
    {
        var run = new VectorRun("dcap expected fields");
        foreach (var sample in DcapSample.All())
        {
            var verdict = DcapVerifier.Verify(sample.Quote, sample.Collateral, sample.RootDer, sample.VerifyAt);
            Assert.Equal(sample.Entry.GetProperty("quote_version").GetInt32().ToString(CultureInfo.InvariantCulture), verdict.Details["quote_version"]);
            Assert.Equal(sample.Entry.GetProperty("tee_type").GetString(), verdict.Details["tee_type"]);
            Assert.Equal(sample.Entry.GetProperty("att_key_type").GetInt32().ToString(CultureInfo.InvariantCulture), verdict.Details["att_key_type"]);
            Assert.Equal(sample.Entry.GetProperty("trailing_bytes_after_sig_data").GetInt32().ToString(CultureInfo.InvariantCulture), verdict.Details["trailing_bytes"]);

            foreach (var field in sample.Expected.EnumerateObject())
            {
                run.Case($"{sample.Id} {field.Name}", () => AssertField(verdict, field.Name, field.Value));
            }
        }

        run.AssertAll(atLeast: 78);
    }

    [Fact]
    public void Every_negative_variant_fails_exactly_its_listed_checks()
    {
        var run = new VectorRun("dcap negative variants");
        foreach (var sample in DcapSample.All())
        {
            foreach (var variant in sample.Entry.GetProperty("negative_variants").EnumerateArray())
            {
                var text = variant.GetProperty("variant").GetString()!;
                var listed = variant.GetProperty("fails").EnumerateArray().Select(f => f.GetString()!).ToHashSet();
                run.Case($"{sample.Id}: {text}", () =>
                {
                    var verdict = ApplyAndVerify(sample, text);
                    var expected = listed.Union(sample.ExpectedBaselineFailures).Order();
                    Assert.Equal(expected, DcapSample.Failed(verdict).Order());
                    Assert.False(verdict.IsValid);
                });
            }
        }

        run.AssertAll(atLeast: 21);
    }

    /// <summary>
    /// Applies one manifest variant. Understood forms: "flip byte N ..." (XOR 0x01 on quote byte N, as the README
    /// defines "flip"), "collateral: insert one space into the tcb_info JSON text ..." (after its first '{'),
    /// and "verify at TIME ...". Anything else fails the case so no variant is silently skipped.
    /// </summary>
    private static AttestationVerdict ApplyAndVerify(DcapSample sample, string variant)
    {
        var flip = FlipPattern().Match(variant);
        if (flip.Success)
        {
            var quote = (byte[])sample.Quote.Clone();
            quote[int.Parse(flip.Groups[1].Value, CultureInfo.InvariantCulture)] ^= 0x01;
            return DcapVerifier.Verify(quote, sample.Collateral, sample.RootDer, sample.VerifyAt);
        }

        if (variant.StartsWith("collateral: insert one space into the tcb_info JSON text", StringComparison.Ordinal))
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(sample.CollateralJson)!.AsObject();
            var tcbInfo = node["tcb_info"]!.GetValue<string>();
            var brace = tcbInfo.IndexOf('{', StringComparison.Ordinal);
            node["tcb_info"] = tcbInfo.Insert(brace + 1, " ");
            return DcapVerifier.Verify(sample.Quote, DcapCollateral.FromJson(node.ToJsonString()), sample.RootDer, sample.VerifyAt);
        }

        var time = TimePattern().Match(variant);
        if (time.Success)
        {
            var at = DateTimeOffset.Parse(time.Groups[1].Value, CultureInfo.InvariantCulture);
            return DcapVerifier.Verify(sample.Quote, sample.Collateral, sample.RootDer, at);
        }

        throw new InvalidOperationException($"variant not understood: {variant}");
    }

    private static void AssertField(AttestationVerdict verdict, string name, JsonElement expected)
    {
        switch (name)
        {
            case "crypto_checks":
                // Asserted by Every_sample_verifies_at_its_pinned_time_with_only_the_failures_the_manifest_expects.
                Assert.Equal("all pass", expected.GetString());
                return;
            case "platform_tcb_status":
                // The text may carry a reason after the status name: "TcbNotSupported (no matching TCB level)".
                Assert.Equal(expected.GetString()!.Split(' ')[0], verdict.TcbStatus.ToString());
                return;
            case "advisory_ids":
                Assert.Equal(expected.EnumerateArray().Select(e => e.GetString()!), verdict.AdvisoryIds);
                return;
            case "report_data" or "reportdata":
                Assert.Equal(expected.GetString(), Convert.ToHexStringLower(verdict.ReportData.Span));
                return;
            case "tdx_module":
                // "TDX_01 isvsvn=6 -> UpToDate; mrsigner match=True"
                var module = ModulePattern().Match(expected.GetString()!);
                Assert.True(module.Success, $"tdx_module text not understood: {expected.GetString()}");
                Assert.Equal(module.Groups["id"].Value, verdict.Details["td_module_id"]);
                Assert.Equal(module.Groups["svn"].Value, Convert.FromHexString(verdict.Details["tee_tcb_svn"])[0].ToString(CultureInfo.InvariantCulture));
                Assert.Equal(module.Groups["status"].Value, verdict.Details["td_module_tcb_status"]);
                Assert.Equal(module.Groups["match"].Value == "True", verdict.FindCheck("td_module_identity")!.Passed);
                return;
        }

        var measurement = verdict.FindMeasurement(name);
        if (measurement is not null)
        {
            Assert.Equal(expected.GetString(), Convert.ToHexStringLower(measurement.Value.Span));
            return;
        }

        Assert.True(verdict.Details.TryGetValue(name, out var actual), $"verdict exposes no '{name}'");
        var text = expected.ValueKind switch
        {
            JsonValueKind.String => expected.GetString(),
            JsonValueKind.Number => expected.GetInt64().ToString(CultureInfo.InvariantCulture),
            JsonValueKind.Array => string.Join(',', expected.EnumerateArray().Select(e => e.GetInt64().ToString(CultureInfo.InvariantCulture))),
            _ => throw new InvalidOperationException($"unexpected JSON kind for {name}"),
        };
        Assert.Equal(text, actual);
    }

    [GeneratedRegex(@"^flip byte (\d+)\b")]
    private static partial Regex FlipPattern();

    [GeneratedRegex(@"^verify at (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)\b")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^(?<id>TDX_[0-9A-Fa-f]{2}) isvsvn=(?<svn>\d+) -> (?<status>\w+); mrsigner match=(?<match>True|False)$")]
    private static partial Regex ModulePattern();
}
