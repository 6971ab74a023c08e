using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aro.Attestation.Tests.Manifest;
using Aro.Testing;

namespace Aro.Node.Tests.Cli;

public class AttestVerifyCommandTests
{
    [Fact]
    public void Every_manifest_sample_prints_json_matching_its_expected_fields()
    {
        var run = new VectorRun("aro-node attest verify samples");
        foreach (var sample in AttestationManifest.Samples)
        {
            run.Case(sample.Id, () =>
            {
                var result = CliResult.Run([.. ArgsFor(sample, Files(sample), sample.VerifyAt), "--json"]);
                Assert.True(ExpectedExitCode(sample) == result.ExitCode, result.ToString());
                using var json = JsonDocument.Parse(result.Output);
                var root = json.RootElement;
                Assert.Equal(sample.Kind, root.GetProperty("kind").GetString());
                Assert.Equal(result.ExitCode == 0, root.GetProperty("valid").GetBoolean());
                Assert.Equal(sample.VerifyAt, root.GetProperty("verifiedAt").GetDateTimeOffset());
                var compared = CompareExpectedFields(sample, root);
                Assert.True(compared >= 8, $"only {compared} expected fields were found in the JSON");
            });
        }

        run.AssertAll(atLeast: 9);
    }

    [Fact]
    public void Every_negative_variant_exits_1_and_fails_exactly_its_listed_checks()
    {
        using var temp = new TempFolder();
        var run = new VectorRun("aro-node attest verify negative variants");
        foreach (var sample in AttestationManifest.Samples)
        {
            foreach (var variant in sample.Variants)
            {
                run.Case($"{sample.Id}: {variant.Text}", () =>
                {
                    var files = Files(sample);
                    var at = sample.VerifyAt;
                    var evidenceKey = EvidenceKey(sample);
                    switch (variant.Mutation)
                    {
                        case VariantMutation.FlipEvidenceByte flip:
                            files[evidenceKey] = temp.Write(AttestationManifest.Flip(sample.Read(evidenceKey), flip.Offset));
                            break;
                        case VariantMutation.FlipVcekByteFromEnd flip:
                            var der = AttestationManifest.ToDer(sample.Read("vcek"));
                            files["vcek"] = temp.Write(AttestationManifest.Flip(der, der.Length - flip.FromEnd));
                            break;
                        case VariantMutation.UseChain use:
                            files["ask_ark_chain"] = AttestationManifest.PathOf(use.ChainFile);
                            break;
                        case VariantMutation.VerifyAt time:
                            at = time.Time;
                            break;
                        case VariantMutation.InsertSpaceIntoTcbInfo:
                            files["collateral"] = temp.Write(InsertSpaceIntoTcbInfo(sample.Read("collateral")));
                            break;
                        default:
                            Assert.Fail($"variant {variant.Mutation} not handled");
                            break;
                    }

                    var result = CliResult.Run([.. ArgsFor(sample, files, at), "--json"]);
                    Assert.True(result.ExitCode == 1, result.ToString());
                    using var json = JsonDocument.Parse(result.Output);
                    Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
                    var failed = json.RootElement.GetProperty("checks").EnumerateArray()
                        .Where(c => !c.GetProperty("passed").GetBoolean())
                        .Select(c => c.GetProperty("name").GetString()!)
                        // That sample's baseline already fails tcb_level_found (no TCB level matches); variants list what they add.
                        .Where(name => !(sample.Id.EndsWith("tcb_not_supported", StringComparison.Ordinal) && name == "tcb_level_found"))
                        .Order(StringComparer.Ordinal);
                    Assert.Equal(variant.Fails.Order(StringComparer.Ordinal), failed);
                });
            }
        }

        run.AssertAll(atLeast: 40);
    }

    [Fact]
    public void Garbage_evidence_of_every_kind_exits_2_naming_field_and_offset()
    {
        using var temp = new TempFolder();
        var run = new VectorRun("aro-node attest verify garbage");
        foreach (var sample in AttestationManifest.Samples)
        {
            run.Case(sample.Id, () =>
            {
                var files = Files(sample);
                var evidence = sample.Read(EvidenceKey(sample));
                files[EvidenceKey(sample)] = temp.Write(evidence[..(evidence.Length / 3)]);
                var result = CliResult.Run(ArgsFor(sample, files, sample.VerifyAt));
                Assert.True(result.ExitCode == 2, result.ToString());
                Assert.Matches(@"error: malformed input: \S+ at offset \d+: ", result.Error);
                Assert.Equal(string.Empty, result.Output);
            });
        }

        run.AssertAll(atLeast: 9);
    }

    [Fact]
    public void The_default_output_is_a_table_with_one_line_per_check()
    {
        var sample = AttestationManifest.Samples.First(s => s.Id == "sev-snp/gosev_milan_v2");
        var result = CliResult.Run(ArgsFor(sample, Files(sample), sample.VerifyAt));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("verdict      VALID", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^report_sig\s+PASS\s*$", result.Output);
        Assert.Matches(@"(?m)^time_ok\s+PASS\s*$", result.Output);
        Assert.Matches(@"(?m)^measurement\s+b07af9620f3b839b", result.Output);
        Assert.Matches(@"(?m)^product\s+Milan-B0$", result.Output);
    }

    [Fact]
    public void A_failed_check_shows_as_FAIL_with_its_detail()
    {
        var sample = AttestationManifest.Samples.First(s => s.Id == "sev-snp/gosev_milan_v2");
        var result = CliResult.Run(ArgsFor(sample, Files(sample), DateTimeOffset.Parse("2029-09-24T00:55:29Z", CultureInfo.InvariantCulture)));
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"(?m)^time_ok\s+FAIL\s+at 2029-09-24T00:55:29Z: VCEK valid", result.Output);
    }

    [Fact]
    public void Accepts_unix_seconds_for_at()
    {
        var sample = AttestationManifest.Samples.First(s => s.Kind == "nitro");
        var args = ArgsFor(sample, Files(sample), sample.VerifyAt);
        args[^1] = sample.VerifyAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(0, CliResult.Run(args).ExitCode);
    }

    [Theory]
    [InlineData("2024-09-17T20:48:11")]
    [InlineData("2024-09-17T22:48:11+02:00")]
    [InlineData("yesterday")]
    [InlineData("-5")]
    public void Rejects_an_at_that_is_not_utc_iso_or_unix_seconds(string at)
    {
        var sample = AttestationManifest.Samples.First(s => s.Kind == "nitro");
        var args = ArgsFor(sample, Files(sample), sample.VerifyAt);
        args[^1] = at;
        var result = CliResult.Run(args);
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Requires_at()
    {
        var sample = AttestationManifest.Samples.First(s => s.Kind == "nitro");
        var result = CliResult.Run(ArgsFor(sample, Files(sample), sample.VerifyAt)[..^2]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--at", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_an_unknown_kind()
    {
        var result = CliResult.Run("attest", "verify", "--kind", "sev", "--evidence", "x", "--at", "0");
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Rejects_an_option_the_kind_does_not_use()
    {
        var sample = AttestationManifest.Samples.First(s => s.Kind == "sev-snp");
        var result = CliResult.Run([.. ArgsFor(sample, Files(sample), sample.VerifyAt), "--root", AttestationManifest.PathOf("nitro/aws_nitro_root_g1.pem")]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--root is not used for sev-snp", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_missing_input_the_kind_needs()
    {
        var sample = AttestationManifest.Samples.First(s => s.Kind == "sev-snp");
        var files = Files(sample);
        files.Remove("vcek");
        var result = CliResult.Run(ArgsFor(sample, files, sample.VerifyAt));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("needs --vcek", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_exits_2()
    {
        var sample = AttestationManifest.Samples.First(s => s.Kind == "nitro");
        var files = Files(sample);
        files["document"] = Path.Combine(Path.GetTempPath(), "does-not-exist-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(2, CliResult.Run(ArgsFor(sample, files, sample.VerifyAt)).ExitCode);
    }

    [Fact]
    public void A_quote_of_the_other_dcap_kind_exits_2()
    {
        var sample = AttestationManifest.Samples.First(s => s.Kind == "tdx");
        var args = ArgsFor(sample, Files(sample), sample.VerifyAt);
        args[Array.IndexOf(args, "tdx")] = "sgx";
        var result = CliResult.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("quote.header.tee_type", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Prints_the_version()
    {
        var result = CliResult.Run("version");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("aro-node ", result.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Valid unless the manifest says no TCB level matches (the README: "a verifier must reject").
    /// </summary>
    private static int ExpectedExitCode(ManifestSample sample) =>
        sample.Expected.TryGetProperty("platform_tcb_status", out var status)
        && status.GetString()!.StartsWith("TcbNotSupported", StringComparison.Ordinal) ? 1 : 0;

    /// <summary>
    /// Compares every expected field the JSON exposes (measurements, report data, TCB status, advisories,
    /// details); the attestation tests compare the verdicts themselves field by field.
    /// </summary>
    private static int CompareExpectedFields(ManifestSample sample, JsonElement root)
    {
        var measurements = root.GetProperty("measurements");
        var details = root.GetProperty("details");
        var compared = 0;
        foreach (var field in sample.Expected.EnumerateObject())
        {
            var name = field.Name;
            var value = field.Value;
            if (name is "report_data" or "reportdata" or "user_data")
            {
                Assert.Equal(value.ValueKind == JsonValueKind.Null ? string.Empty : value.GetString(), root.GetProperty("reportData").GetString());
            }
            else if (name is "public_key" or "nonce")
            {
                var property = name == "nonce" ? "nonce" : "publicKey";
                Assert.Equal(value.ValueKind == JsonValueKind.Null ? string.Empty : value.GetString(), root.GetProperty(property).GetString());
            }
            else if (name == "platform_tcb_status")
            {
                Assert.Equal(value.GetString()!.Split(' ')[0], root.GetProperty("tcbStatus").GetString());
            }
            else if (name == "advisory_ids")
            {
                Assert.Equal(value.EnumerateArray().Select(a => a.GetString()), root.GetProperty("advisoryIds").EnumerateArray().Select(a => a.GetString()));
            }
            else if (name == "pcrs")
            {
                foreach (var pcr in value.EnumerateObject())
                {
                    Assert.Equal(pcr.Value.GetString(), measurements.GetProperty("pcr" + pcr.Name).GetString());
                }
            }
            else if (name == "vmpl")
            {
                Assert.Equal(value.GetInt32(), root.GetProperty("vmpl").GetInt32());
            }
            else if (measurements.TryGetProperty(name, out var measurement))
            {
                Assert.Equal(value.GetString(), measurement.GetString());
            }
            else if (details.TryGetProperty(name, out var detail) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            {
                var expected = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => value.GetRawText(),
                };
                Assert.Equal(expected, detail.GetString());
            }
            else
            {
                continue;
            }

            compared++;
        }

        return compared;
    }

    private static string EvidenceKey(ManifestSample sample) => sample.Kind switch
    {
        "sgx" or "tdx" => "quote",
        "sev-snp" => "report",
        _ => "document",
    };

    private static Dictionary<string, string> Files(ManifestSample sample) =>
        sample.Files.ToDictionary(f => f.Key, f => AttestationManifest.PathOf(f.Value), StringComparer.Ordinal);

    private static string[] ArgsFor(ManifestSample sample, Dictionary<string, string> files, DateTimeOffset at)
    {
        var args = new List<string> { "attest", "verify", "--kind", sample.Kind, "--evidence", files[EvidenceKey(sample)] };
        switch (sample.Kind)
        {
            case "sgx" or "tdx":
                args.AddRange(["--collateral", files["collateral"], "--root", files["trusted_root"]]);
                break;
            case "sev-snp":
                if (files.TryGetValue("vcek", out var vcek))
                {
                    args.AddRange(["--vcek", vcek]);
                }

                args.AddRange(["--chain", files["ask_ark_chain"]]);
                break;
            default:
                args.AddRange(["--root", files["trusted_root"]]);
                break;
        }

        args.AddRange(["--at", at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)]);
        return [.. args];
    }

    private static byte[] InsertSpaceIntoTcbInfo(byte[] collateralJson)
    {
        var collateral = JsonNode.Parse(collateralJson)!.AsObject();
        var tcbInfo = collateral["tcb_info"]!.GetValue<string>();
        collateral["tcb_info"] = tcbInfo.Insert(1, " ");
        return JsonSerializer.SerializeToUtf8Bytes(collateral);
    }
}
