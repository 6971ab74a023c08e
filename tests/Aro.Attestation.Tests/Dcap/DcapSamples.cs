using System.Text.Json;
using Aro.Attestation.Dcap;
using Aro.Testing;

namespace Aro.Attestation.Tests.Dcap;

/// <summary>The SGX and TDX samples of shared/testdata/attestation/manifest.json, loaded as the tests need them.</summary>
internal sealed class DcapSample
{
    public required string Id { get; init; }

    public required JsonElement Entry { get; init; }

    public required byte[] Quote { get; init; }

    public required string CollateralJson { get; init; }

    public required byte[] RootDer { get; init; }

    public required DateTimeOffset VerifyAt { get; init; }

    public JsonElement Expected => Entry.GetProperty("expected");

    /// <summary>
    /// Checks the unmodified sample fails by design: the manifest says "TcbNotSupported (no matching TCB level)"
    /// for a quote whose signatures all hold, which is the <c>tcb_level_found</c> check.
    /// </summary>
    public IReadOnlySet<string> ExpectedBaselineFailures =>
        Expected.GetProperty("platform_tcb_status").GetString()!.StartsWith("TcbNotSupported", StringComparison.Ordinal)
            ? new HashSet<string> { "tcb_level_found" }
            : new HashSet<string>();

    public DcapCollateral Collateral => DcapCollateral.FromJson(CollateralJson);

    public static IReadOnlyList<DcapSample> All()
    {
        var manifest = JsonDocument.Parse(TestData.ReadText("attestation", "manifest.json")).RootElement;
        var samples = new List<DcapSample>();
        foreach (var entry in manifest.GetProperty("samples").EnumerateArray())
        {
            var kind = entry.GetProperty("kind").GetString();
            if (kind is not ("sgx" or "tdx"))
            {
                continue;
            }

            var files = entry.GetProperty("files");
            samples.Add(new DcapSample
            {
                Id = entry.GetProperty("id").GetString()!,
                Entry = entry.Clone(),
                Quote = TestData.ReadBytes("attestation", files.GetProperty("quote").GetString()!),
                CollateralJson = TestData.ReadText("attestation", files.GetProperty("collateral").GetString()!),
                RootDer = TestData.ReadBytes("attestation", files.GetProperty("trusted_root").GetString()!),
                VerifyAt = DateTimeOffset.Parse(entry.GetProperty("verify_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        return samples;
    }

    public static DcapSample Get(string id) => All().Single(s => s.Id == id);

    public static ISet<string> Failed(AttestationVerdict verdict) =>
        verdict.Checks.Where(c => !c.Passed).Select(c => c.Name).ToHashSet();
}
