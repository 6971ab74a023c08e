using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;

namespace Aro.Node.Tests.Process;

/// <summary>
/// Makes every validator of a testnet genesis a GPoS keeper (consensus key = validator key, equal self-stake,
/// the GPoS account funded with the stakes), as <c>testnet init</c> does once it writes one keeper per validator;
/// a genesis that already has them is left as it is. Written to every home, before any node runs.
/// </summary>
internal static class KeeperGenesis
{
    private const string GposAccount = "0x000000000000000000000000000000000000a120";
    private static readonly BigInteger SelfStake = BigInteger.Parse("10000000000000000000000", CultureInfo.InvariantCulture);

    public static void MakeValidatorsKeepers(IReadOnlyList<string> homes, ulong maxEvidenceAgeBlocks)
    {
        var genesis = JsonNode.Parse(File.ReadAllText(Path.Combine(homes[0], "genesis.json")))!.AsObject();
        var validators = genesis["validators"]!.AsArray();
        var gpos = genesis["modules"]!["gpos"]!.AsObject();
        var keepers = gpos["keepers"]!.AsArray();
        var keeperAddresses = keepers.Select(k => k!["address"]!.GetValue<string>().ToLowerInvariant()).ToHashSet();
        if (!validators.All(v => keeperAddresses.Contains(v!["address"]!.GetValue<string>().ToLowerInvariant())))
        {
            keepers.Clear();
            var i = 0;
            // GPoS wants keepers in ascending address order.
            foreach (var validator in validators.OrderBy(v => v!["address"]!.GetValue<string>().ToLowerInvariant(), StringComparer.Ordinal))
            {
                keepers.Add(new JsonObject
                {
                    ["address"] = validator!["address"]!.GetValue<string>(),
                    ["commissionBps"] = 500,
                    ["consensusKey"] = validator["publicKey"]!.GetValue<string>(),
                    ["moniker"] = $"testnet-validator-{i++}",
                    ["region"] = "local",
                    ["selfStake"] = SelfStake.ToString(CultureInfo.InvariantCulture),
                });
            }

            genesis["alloc"]![GposAccount] = new JsonObject { ["balance"] = (SelfStake * validators.Count).ToString(CultureInfo.InvariantCulture) };
        }

        // GPoS requires the evidence age below the unbonding period (stake must still be there to slash).
        var epochBlocks = gpos["params"]!["epochBlocks"]!.GetValue<ulong>();
        gpos["params"]!["unbondingEpochs"] = Math.Max(gpos["params"]!["unbondingEpochs"]!.GetValue<ulong>(), (maxEvidenceAgeBlocks / epochBlocks) + 1);
        gpos["params"]!["maxEvidenceAgeBlocks"] = maxEvidenceAgeBlocks;
        var text = genesis.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        foreach (var home in homes)
        {
            File.WriteAllText(Path.Combine(home, "genesis.json"), text);
        }
    }

    public static IReadOnlyList<Aro.Core.Address> Validators(string home) =>
        [.. JsonNode.Parse(File.ReadAllText(Path.Combine(home, "genesis.json")))!["validators"]!.AsArray()
            .Select(v => Aro.Core.Address.Parse(v!["address"]!.GetValue<string>()))];
}
