using System.Text.Json;
using Aro.Core;
using Aro.Modules.Gpow;
using Aro.Node.Tests.Rpc;
using Aro.State.World;

namespace Aro.Node.Tests.Edge;

/// <summary>
/// Issue 7's end-to-end scenario read back over the aro_ RPC of the real node (see <see cref="EdgeDevnet"/>):
/// edges that answer their challenges are scored, the one that does not loses its score and part of its bond.
/// </summary>
public sealed class EdgeDevnetTests(EdgeDevnet20 devnet) : IClassFixture<EdgeDevnet20>
{
    [Fact]
    public Task Edges_that_answer_their_challenges_are_scored_in_every_judged_epoch() => EdgeScenario.AnsweringEdgesAreScored(devnet);

    [Fact]
    public Task The_edge_that_ignores_its_challenge_scores_zero_and_loses_its_slash_share_of_bond() => EdgeScenario.SilentEdgeIsPunished(devnet);

    [Fact]
    public Task Keepers_that_vouched_for_the_silent_edge_are_slashed_by_GPoS_for_a_false_vouch() => EdgeScenario.FalseVouchersAreSlashed(devnet);

    [Fact]
    public Task Every_reporting_edge_gets_storage_and_compute_challenges_and_only_the_silent_one_leaves_them_unanswered() => EdgeScenario.ChallengesAreRecorded(devnet);

    [Fact]
    public Task Judged_epochs_are_settled_with_a_result_per_reporter() => EdgeScenario.EpochsAreSettled(devnet);

    [Fact]
    public Task Reports_carry_the_verdicts_of_their_assigned_keepers() => EdgeScenario.VerdictsComeFromAssignedKeepers(devnet);

    [Fact]
    public Task The_settlement_record_matches_a_recomputation_from_the_score_and_reward_events() => EdgeScenario.SettlementMatchesEvents(devnet);

    [Fact]
    public async Task A_missing_work_report_is_a_named_rpc_error()
    {
        var response = await devnet.CallAsync("aro_getWorkReport", devnet.Edges[0].ToLowerHex(), "0xffff");

        Assert.Equal(-32000, response.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("no work report of", response.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_edge_address_is_invalid_params()
    {
        var response = await devnet.CallAsync("aro_getEdgeNode", "0x1234");

        Assert.Equal(-32602, response.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task An_answering_edge_claims_its_rewards_from_the_slashed_bonds_pool()
    {
        var edge = devnet.Edges[3].ToLowerHex();
        var claimable = UInt256.ParseHexQuantity((await devnet.ResultAsync("aro_getEdgeNode", edge)).GetProperty("claimable").GetString()!);

        var claim = await EdgeResult.RunAsync(["claim", "--key-file", devnet.EdgeKeys[3], "--rpc", devnet.Rpc]);

        Assert.True(claimable > UInt256.Zero, "the silent edge's slashed bond is carried into the next pool");
        Assert.True(claim.ExitCode == 0, claim.ToString());
        Assert.Equal("0x0", (await devnet.ResultAsync("aro_getEdgeNode", edge)).GetProperty("claimable").GetString());
    }

    [Fact]
    public async Task Claim_with_nothing_claimable_fails_with_the_module_error_name()
    {
        var claim = await EdgeResult.RunAsync(["claim", "--key-file", devnet.EdgeKeys[^1], "--rpc", devnet.Rpc]);

        Assert.Equal(Aro.Edge.EdgeCli.Refused, claim.ExitCode);
        Assert.Contains("NothingToClaim()", claim.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_twice_fails_with_EdgeExists_and_sends_nothing()
    {
        var evidence = Path.Combine(Path.GetDirectoryName(devnet.EdgeKeys[1])!, "edge1.evidence.json");
        var again = await EdgeResult.RunAsync(["register", "--key-file", devnet.EdgeKeys[1], "--evidence", evidence, "--storage-gib", "1", "--rpc", devnet.Rpc]);

        Assert.Equal(Aro.Edge.EdgeCli.Refused, again.ExitCode);
        Assert.Contains("nothing sent", again.Error, StringComparison.Ordinal);
        Assert.Contains("EdgeExists(", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_without_declared_resources_is_a_usage_error_naming_the_flags()
    {
        var evidence = Path.Combine(Path.GetDirectoryName(devnet.EdgeKeys[1])!, "edge1.evidence.json");
        var again = await EdgeResult.RunAsync(["register", "--key-file", devnet.EdgeKeys[1], "--evidence", evidence, "--rpc", devnet.Rpc]);

        Assert.Equal(Aro.Edge.EdgeCli.Usage, again.ExitCode);
        Assert.Contains("declared resources: nothing declared (declare --bandwidth-mbps, --storage-gib and/or --compute-units", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edge_node_rpc_and_status_show_the_resources_declared_at_registration()
    {
        var edge = await devnet.ResultAsync("aro_getEdgeNode", devnet.Edges[2].ToLowerHex());
        var declared = edge.GetProperty("declared");
        Assert.Equal(100UL, Convert.ToUInt64(declared.GetProperty("bandwidthMbps").ToString().Replace("0x", "", StringComparison.Ordinal), 16));
        Assert.Equal(1UL, Convert.ToUInt64(declared.GetProperty("storageGiB").ToString().Replace("0x", "", StringComparison.Ordinal), 16));

        var status = await EdgeResult.RunAsync(["status", "--address", devnet.Edges[2].ToString(), "--rpc", devnet.Rpc]);

        Assert.Contains("100 Mbps, 1 GiB, 1000 compute units per epoch", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_prints_the_edge_record_and_its_scored_epochs()
    {
        var status = await EdgeResult.RunAsync(["status", "--key-file", devnet.EdgeKeys[2], "--rpc", devnet.Rpc]);

        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("kind                  dev", status.Output, StringComparison.Ordinal);
        Assert.Contains("challenge failed false", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_edge_is_a_named_rpc_error()
    {
        var response = await devnet.CallAsync("aro_getEdgeNode", "0x00000000000000000000000000000000000000e1");

        Assert.Equal(-32000, response.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("is not registered", response.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_edge_registry_page_lists_every_edge_in_registration_order()
    {
        var page = await devnet.ResultAsync("aro_getEdgeNodes");

        Assert.Equal((ulong)devnet.Edges.Count, EdgeScenario.Number(page.GetProperty("total")));
        var listed = page.GetProperty("edgeNodes").EnumerateArray().Select(e => Address.Parse(e.GetProperty("address").GetString()!)).ToHashSet();
        Assert.True(devnet.Edges.All(listed.Contains));
    }

    [Fact]
    public async Task An_edge_record_proof_verifies_with_StateProofVerifier_against_its_block_state_root()
    {
        byte[] key = [0x10, .. devnet.Edges[0].Bytes]; // GpowKeys.Edge ‖ address
        var proof = await devnet.ResultAsync("aro_getEdgeRecordProof", Hex.Encode(key));

        var block = await devnet.ResultAsync("eth_getBlockByHash", proof.GetProperty("blockHash").GetString()!, false);
        var stateRoot = Wire.Hash(block.GetProperty("stateRoot"));
        Assert.Equal(stateRoot, Wire.Hash(proof.GetProperty("stateRoot")));
        Assert.Equal(GpowModule.Address, Address.Parse(proof.GetProperty("address").GetString()!));
        var account = StateProofVerifier.VerifyAccount(stateRoot, GpowModule.Address, Nodes(proof.GetProperty("accountProof")));
        var record = StateProofVerifier.VerifyStorage(account!.Value.StorageRoot, key, Nodes(proof.GetProperty("storageProof")));
        Assert.NotNull(record);
        Assert.NotEmpty(record);
        Assert.Equal(Wire.Data(proof.GetProperty("value")), record);
    }

    [Fact]
    public async Task Edge_rewards_list_each_settled_epoch_as_the_settlement_record_does()
    {
        var edge = devnet.Edges[1];
        var rewards = await devnet.ResultAsync("aro_getEdgeRewards", edge.ToLowerHex(), "0x0");

        var epochs = rewards.GetProperty("epochs").EnumerateArray().ToList();
        Assert.NotEmpty(epochs);
        foreach (var entry in epochs)
        {
            var report = await devnet.ResultAsync("aro_getWorkReport", edge.ToLowerHex(), entry.GetProperty("epoch"));
            Assert.Equal(report.GetProperty("result").GetProperty("reward").GetString(), entry.GetProperty("reward").GetString());
        }

        var record = await devnet.ResultAsync("aro_getEdgeNode", edge.ToLowerHex(), rewards.GetProperty("blockNumber"));
        Assert.Equal(record.GetProperty("claimable").GetString(), rewards.GetProperty("claimable").GetString());
    }

    [Fact]
    public void The_node_says_at_start_up_that_dev_attestation_is_enabled() =>
        Assert.Contains("GPoW dev attestation is ENABLED", devnet.Node.Output + devnet.Node.Errors, StringComparison.Ordinal);

    private static byte[][] Nodes(JsonElement array) => [.. array.EnumerateArray().Select(Wire.Data)];
}

/// <summary>The long variant: more edges, more epochs.</summary>
[Trait("Category", "Soak")]
public sealed class EdgeDevnetSoakTests(EdgeDevnetSoak devnet) : IClassFixture<EdgeDevnetSoak>
{
    [Fact]
    public async Task Many_edges_over_many_epochs_keep_every_rule()
    {
        await EdgeScenario.AnsweringEdgesAreScored(devnet);
        await EdgeScenario.SilentEdgeIsPunished(devnet);
        await EdgeScenario.ChallengesAreRecorded(devnet);
        await EdgeScenario.EpochsAreSettled(devnet);
        await EdgeScenario.VerdictsComeFromAssignedKeepers(devnet);
    }
}

/// <summary>The checks both scenario sizes run.</summary>
internal static class EdgeScenario
{
    public static async Task AnsweringEdgesAreScored(EdgeDevnet devnet)
    {
        for (var e = devnet.Judged; e <= devnet.LastJudged; e++)
        {
            foreach (var edge in devnet.Edges.Take(devnet.Edges.Count - 1))
            {
                var result = (await devnet.ResultAsync("aro_getWorkReport", edge.ToLowerHex(), Q(e))).GetProperty("result");
                Assert.True(result.ValueKind == JsonValueKind.Object, $"{edge} epoch {e} not scored\n{devnet.AgentLog}");
                Assert.False(result.GetProperty("challengeFailed").GetBoolean());
                Assert.True(Number(result.GetProperty("score")) > 0, $"{edge} epoch {e}: {result}\n{devnet.AgentLog}");
            }
        }
    }

    public static async Task SilentEdgeIsPunished(EdgeDevnet devnet)
    {
        for (var e = devnet.Judged; e <= devnet.LastJudged; e++)
        {
            var result = (await devnet.ResultAsync("aro_getWorkReport", devnet.Silent.ToLowerHex(), Q(e))).GetProperty("result");
            Assert.True(result.GetProperty("challengeFailed").GetBoolean(), result.ToString());
            Assert.Equal(0UL, Number(result.GetProperty("score")));
        }

        // 10 % of the remaining bond per failed challenge (challengeSlashPpm), from 1 ARO.
        var bond = UInt256.ParseHexQuantity((await devnet.ResultAsync("aro_getEdgeNode", devnet.Silent.ToLowerHex())).GetProperty("bond").GetString()!);
        var expected = UInt256.Parse("1000000000000000000");
        for (var e = devnet.Judged; e <= devnet.LastJudged; e++)
        {
            expected -= expected / 10;
        }

        Assert.Equal(expected, bond);
        var honest = UInt256.ParseHexQuantity((await devnet.ResultAsync("aro_getEdgeNode", devnet.Edges[0].ToLowerHex())).GetProperty("bond").GetString()!);
        Assert.Equal(UInt256.Parse("1000000000000000000"), honest);
    }

    public static async Task FalseVouchersAreSlashed(EdgeDevnet devnet)
    {
        var vouchers = new HashSet<Address>();
        for (var e = devnet.Judged; e <= devnet.LastJudged; e++)
        {
            var report = await devnet.ResultAsync("aro_getWorkReport", devnet.Silent.ToLowerHex(), Q(e));
            foreach (var verdict in report.GetProperty("verdicts").EnumerateArray())
            {
                if (Number(verdict.GetProperty("uptimePpm")) > 0)
                {
                    vouchers.Add(Address.Parse(verdict.GetProperty("keeper").GetString()!));
                }
            }
        }

        Assert.NotEmpty(vouchers);
        var current = Number((await devnet.ResultAsync("aro_getEpoch")).GetProperty("epoch"));
        var slashed = new HashSet<Address>();
        for (var e = devnet.Judged; e <= current; e++)
        {
            foreach (var slash in (await devnet.ResultAsync("aro_getSlashes", Q(e))).EnumerateArray())
            {
                if (slash.GetProperty("reason").GetString() != "falseVouch")
                {
                    continue; // keepers that run no node may also be slashed for downtime
                }

                Assert.True(UInt256.ParseHexQuantity(slash.GetProperty("amount").GetString()!) > UInt256.Zero, slash.ToString());
                slashed.Add(Address.Parse(slash.GetProperty("keeper").GetString()!));
            }
        }

        Assert.Equal(vouchers, slashed);
    }

    public static async Task ChallengesAreRecorded(EdgeDevnet devnet)
    {
        for (var e = devnet.Judged; e <= devnet.LastJudged; e++)
        {
            var page = await devnet.ResultAsync("aro_getChallenges", Q(e));
            foreach (var kind in new[] { "storage", "compute" })
            {
                var challenges = page.GetProperty("challenges").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == kind)
                    .ToDictionary(c => Address.Parse(c.GetProperty("edge").GetString()!), c => c.GetProperty("answered").GetBoolean());
                Assert.Equal(devnet.Edges.Count, challenges.Count);
                Assert.False(challenges[devnet.Silent]);
                Assert.True(devnet.Edges.Take(devnet.Edges.Count - 1).All(edge => challenges[edge]), $"{kind}, epoch {e}: {page}\n{devnet.AgentLog}");
            }
        }
    }

    public static async Task EpochsAreSettled(EdgeDevnet devnet)
    {
        for (var e = devnet.Judged; e <= devnet.LastJudged; e++)
        {
            var settlement = await devnet.ResultAsync("aro_getEdgeSettlement", Q(e));
            Assert.True(settlement.GetProperty("scored").GetBoolean(), settlement.ToString());
            Assert.True(settlement.GetProperty("settled").GetBoolean(), settlement.ToString());
            var edges = settlement.GetProperty("edges").EnumerateArray().ToList();
            Assert.Equal(devnet.Edges.Count, edges.Count);
            var total = edges.Aggregate(UInt256.Zero, (sum, entry) => sum + UInt256.ParseHexQuantity(entry.GetProperty("score").GetString()!));
            Assert.Equal(total, UInt256.ParseHexQuantity(settlement.GetProperty("totalScore").GetString()!));
        }
    }

    public static async Task VerdictsComeFromAssignedKeepers(EdgeDevnet devnet)
    {
        var report = await devnet.ResultAsync("aro_getWorkReport", devnet.Edges[0].ToLowerHex(), Q(devnet.Judged));
        var assigned = report.GetProperty("assignedKeepers").EnumerateArray().Select(a => Address.Parse(a.GetString()!)).ToList();
        var verdicts = report.GetProperty("verdicts").EnumerateArray().Select(v => Address.Parse(v.GetProperty("keeper").GetString()!)).ToList();

        Assert.Equal(3, assigned.Count);
        Assert.True(verdicts.Count >= 2, report.ToString());
        Assert.All(verdicts, keeper => Assert.Contains(keeper, assigned));
        Assert.All(verdicts, keeper => Assert.Contains(keeper, devnet.Keepers));
    }

    /// <summary>Per edge: score from EdgeScored and reward from EdgeRewarded (eth_getLogs over the hook logs) equal the settlement record.</summary>
    public static async Task SettlementMatchesEvents(EdgeDevnet devnet)
    {
        for (var e = devnet.Judged; e <= devnet.LastJudged; e++)
        {
            var scored = await EventAmountsAsync(devnet, Aro.Modules.Gpow.Abi.WorkProofAbi.EdgeScored.Topic0, e);
            var rewarded = await EventAmountsAsync(devnet, Aro.Modules.Gpow.Abi.WorkProofAbi.EdgeRewarded.Topic0, e);
            var settlement = await devnet.ResultAsync("aro_getEdgeSettlement", Q(e));
            var distributed = UInt256.Zero;
            foreach (var entry in settlement.GetProperty("edges").EnumerateArray())
            {
                var edge = Address.Parse(entry.GetProperty("edge").GetString()!);
                var reward = UInt256.ParseHexQuantity(entry.GetProperty("reward").GetString()!);
                Assert.Equal(scored[edge], UInt256.ParseHexQuantity(entry.GetProperty("score").GetString()!));
                Assert.Equal(rewarded.GetValueOrDefault(edge, UInt256.Zero), reward);
                distributed += reward;
            }

            Assert.Equal(settlement.GetProperty("edges").GetArrayLength(), scored.Count);
            Assert.True(distributed <= UInt256.ParseHexQuantity(settlement.GetProperty("pool").GetString()!));
        }
    }

    // The first word of the data (score, reward) by the edge in topic 1, for the epoch in topic 2.
    private static async Task<Dictionary<Address, UInt256>> EventAmountsAsync(EdgeDevnet devnet, Hash256 topic0, ulong epoch)
    {
        var epochTopic = "0x" + epoch.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);
        var filter = new Dictionary<string, object>
        {
            ["address"] = Aro.Modules.Gpow.GpowModule.Address.ToLowerHex(),
            ["fromBlock"] = Q(epoch * EdgeDevnet.EpochBlocks),
            ["toBlock"] = "latest",
            ["topics"] = new object?[] { topic0.ToString(), null, epochTopic },
        };
        var logs = await devnet.ResultAsync("eth_getLogs", filter);
        var amounts = new Dictionary<Address, UInt256>();
        foreach (var log in logs.EnumerateArray())
        {
            var edge = new Address(Hex.Decode(log.GetProperty("topics")[1].GetString()!).AsSpan(12).ToArray());
            amounts.Add(edge, UInt256.FromBigEndian(Hex.Decode(log.GetProperty("data").GetString()!).AsSpan(0, 32)));
        }

        return amounts;
    }

    public static string Q(ulong value) => "0x" + value.ToString("x", System.Globalization.CultureInfo.InvariantCulture);

    public static ulong Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetUInt64() : (ulong)UInt256.ParseHexQuantity(value.GetString()!);
}
