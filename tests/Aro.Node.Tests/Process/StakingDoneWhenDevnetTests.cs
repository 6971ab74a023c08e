using System.Text.Json;
using Aro.Core;
using Aro.Modules.Gpos;
using Aro.Modules.Gpos.Settlement;
using Aro.Node.Tests.Chain;
using Aro.Node.Tests.Cli;
using Aro.Node.Tests.Staking;
using Aro.State.World;

namespace Aro.Node.Tests.Process;

/// <summary>
/// Issue 5's "done when" on one real <c>aro-node devnet</c> process (100 ms blocks, 10-block epochs), driven
/// only through the CLI and JSON-RPC: a second keeper that runs no node is registered and delegated to, joins
/// the validator set, is jailed for downtime because it never signs, and drops out of the set consensus uses;
/// a delegator of the signing validator accrues rewards and claims them; the settlement record is read back
/// with a proof against the state root.
/// </summary>
/// <remarks>
/// Consensus runs GPoS's sets, so the keeper without a node must hold less than 1/3 of the power (1,300 of
/// 11,400 here): with more, no block could be committed without its votes and the devnet would halt — correct
/// BFT behaviour, not something a test can wait through.
/// </remarks>
public sealed class StakingDoneWhenDevnetTests : IDisposable
{
    // Keeper 2 is jailed after its 100-block window fills; heights it should propose wait out the propose timeout, so on a loaded machine this takes a while.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly string Keeper2 = Devnet.AccountAddress(1).ToLowerHex();
    private static readonly string Delegator = Devnet.AccountAddress(3).ToLowerHex();
    private static readonly string Validator = Devnet.Validator.Address.ToLowerHex();

    private readonly StakingDevnetFixture _devnet = new();

    [Fact]
    public async Task A_second_keeper_joins_the_set_is_jailed_for_downtime_while_a_delegator_claims_rewards_and_the_settlement_is_provable()
    {
        Succeeds(Tx("register", "--consensus-key", Hex.Encode(DevnetKeeperKey.OrderedAfterTheValidator("aro-devnet-done-when")), "--commission", "500",
            "--moniker", "keeper-2", "--region", "eu-west", "--self-stake", "1000aro", "--private-key-file", _devnet.KeyFile(1)));
        Succeeds(Tx("delegate", Keeper2, "300aro", "--private-key-file", _devnet.KeyFile(2)));
        Succeeds(Tx("delegate", Validator, "100aro", "--private-key-file", _devnet.KeyFile(3)));

        await EventuallyAsync("keeper 2 joins the validator set", async () => Keepers(await _devnet.ResultAsync("aro_getValidatorSet")).Contains(Keeper2));

        await EventuallyAsync("the delegator's rewards accrue", async () => Quantity(Rewards(Query("rewards", Delegator, "--keeper", Validator))) > UInt256.Zero);
        await ClaimAndCheckBalanceAsync();

        // Keeper 2 signs nothing: once its liveness window (signedBlocksWindow 100 on the devnet) is full it is jailed and slashed.
        await EventuallyAsync("keeper 2 is jailed for downtime", async () => (await _devnet.ResultAsync("aro_getKeeper", Keeper2)).GetProperty("jailed").GetBoolean());
        var epoch = Quantity64((await _devnet.ResultAsync("aro_getEpoch")).GetProperty("epoch"));
        var slash = await FindSlashAsync(epoch);
        Assert.Equal("downtime", slash.GetProperty("reason").GetString());
        await AssertLeavesTheSetConsensusUsesAsync();

        await VerifySettlementProofAsync(1);
    }

    public void Dispose() => _devnet.Dispose();

    private async Task ClaimAndCheckBalanceAsync()
    {
        var claim = Succeeds(Tx("claim", "--keeper", Validator, "--private-key-file", _devnet.KeyFile(3)));
        Assert.Contains("event      RewardsClaimed(", claim.Output, StringComparison.Ordinal);
        var hash = claim.Output.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var receipt = await _devnet.ResultAsync("eth_getTransactionReceipt", hash);
        var block = Quantity64(receipt.GetProperty("blockNumber"));
        var topic = Aro.Modules.Gpos.Abi.SettlementAbi.RewardsClaimed.Topic0.ToString();
        var log = receipt.GetProperty("logs").EnumerateArray().Single(l => string.Equals(l.GetProperty("topics")[0].GetString(), topic, StringComparison.OrdinalIgnoreCase));
        var claimed = UInt256.Parse(log.GetProperty("data").GetString()!);
        var fee = Quantity(receipt.GetProperty("gasUsed")) * Quantity(receipt.GetProperty("effectiveGasPrice"));
        var before = Quantity(await _devnet.ResultAsync("eth_getBalance", Delegator, Tag(block - 1)));
        var after = Quantity(await _devnet.ResultAsync("eth_getBalance", Delegator, Tag(block)));

        Assert.True(claimed > UInt256.Zero, receipt.ToString());
        Assert.Equal(claimed, Quantity((await _devnet.ResultAsync("aro_getRewards", Delegator, Tag(block - 1))).GetProperty("total")));
        Assert.Equal(before + claimed - fee, after);
    }

    /// <summary>Once jailed, keeper 2 is out of the next epoch's set, and that epoch's blocks name that set and are signed by the validator alone.</summary>
    private async Task AssertLeavesTheSetConsensusUsesAsync()
    {
        JsonElement set = default;
        await EventuallyAsync("keeper 2 is out of the validator set", async () =>
        {
            set = await _devnet.ResultAsync("aro_getValidatorSet");
            return !Keepers(set).Contains(Keeper2);
        });
        var first = Quantity64(set.GetProperty("blockNumber")) + 1;
        await EventuallyAsync("the epoch's first block is committed", async () => Quantity64(await _devnet.ResultAsync("eth_blockNumber")) >= first);

        var header = await _devnet.ResultAsync("eth_getBlockByNumber", Tag(first), false);
        var commit = await _devnet.ResultAsync("aro_getCommit", Tag(first));
        Assert.Equal(set.GetProperty("hash").GetString(), header.GetProperty("validatorSetHash").GetString());
        Assert.Equal(set.GetProperty("epoch").GetString(), header.GetProperty("epoch").GetString());
        Assert.Equal(Validator, Assert.Single(commit.GetProperty("signatures").EnumerateArray()).GetProperty("signer").GetString(), ignoreCase: true);
    }

    private async Task<JsonElement> FindSlashAsync(ulong currentEpoch)
    {
        for (var e = currentEpoch; ; e--)
        {
            var slashes = JsonDocument.Parse(Succeeds(Query("slashes", e.ToString(System.Globalization.CultureInfo.InvariantCulture))).Output).RootElement;
            foreach (var slash in slashes.EnumerateArray())
            {
                if (slash.GetProperty("keeper").GetString() == Keeper2)
                {
                    return slash;
                }
            }

            Assert.True(e > 0, "no slash of keeper 2 recorded");
        }
    }

    private async Task VerifySettlementProofAsync(ulong epoch)
    {
        var proof = await _devnet.ResultAsync("aro_getSettlementProof", Tag(epoch));
        var header = await _devnet.ResultAsync("eth_getBlockByNumber", proof.GetProperty("blockNumber").GetString()!, false);
        var stateRoot = Hash256.Parse(header.GetProperty("stateRoot").GetString()!);
        var account = StateProofVerifier.VerifyAccount(stateRoot, GposModule.Address, Nodes(proof.GetProperty("accountProof")));
        var record = StateProofVerifier.VerifyStorage(account!.Value.StorageRoot, GposSettlements.SettlementKey(epoch), Nodes(proof.GetProperty("storageProof")));

        Assert.NotNull(record);
        var settlement = GposSettlements.DecodeSettlement(record);
        var reported = JsonDocument.Parse(Succeeds(Query("settlement", epoch.ToString(System.Globalization.CultureInfo.InvariantCulture))).Output).RootElement;
        Assert.Equal(Quantity(reported.GetProperty("minted")), settlement.Minted);
        Assert.Equal(Quantity(reported.GetProperty("keeperPool")), settlement.KeeperPool);
    }

    private CliResult Tx(params string[] args) => CliResult.Run(["tx", "staking", .. args, "--rpc", _devnet.Rpc, "--timeout", "30s"]);

    private CliResult Query(params string[] args) => CliResult.Run(["query", "staking", .. args, "--rpc", _devnet.Rpc]);

    private static CliResult Succeeds(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private static JsonElement Rewards(CliResult result) => JsonDocument.Parse(Succeeds(result).Output).RootElement.GetProperty("amount");

    private static async Task EventuallyAsync(string what, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(200);
        }
    }

    private static string[] Keepers(JsonElement set) => [.. set.GetProperty("validators").EnumerateArray().Select(v => v.GetProperty("keeper").GetString()!)];

    private static string Tag(ulong number) => "0x" + number.ToString("x", System.Globalization.CultureInfo.InvariantCulture);

    private static byte[][] Nodes(JsonElement array) => [.. array.EnumerateArray().Select(n => Hex.Decode(n.GetString()!))];

    private static UInt256 Quantity(JsonElement element) => UInt256.Parse(element.GetString()!);

    private static ulong Quantity64(JsonElement element) => Convert.ToUInt64(element.GetString()![2..], 16);
}
