using System.Globalization;
using System.Text.Json;
using Aro.Core;
using Aro.Core.Crypto;
using Aro.Network.Peers;
using Aro.Network.Transport;

namespace Aro.Node.Tests.Process;

/// <summary>
/// Three real <c>aro-node</c> validators and a fourth, byzantine one run by the test over the real P2P
/// protocol, which signs two different prevotes for one height/round. The double-sign must end up as
/// evidence in a committed block, slash and tombstone the fourth validator's GPoS keeper, and not stop the chain.
/// </summary>
public sealed class ByzantineValidatorProcessTests
{
    private const int Byzantine = 3;

    private static readonly string SlashedTopic = "0x" + Convert.ToHexStringLower(Keccak256.Hash("Slashed(address,uint8,uint64,uint256)"u8).Bytes);

    [Fact]
    public async Task A_validator_that_signs_two_prevotes_is_caught_by_evidence_in_a_block_slashed_and_tombstoned_and_the_chain_goes_on()
    {
        using var net = LocalTestnet.Init(4);
        KeeperGenesis.MakeValidatorsKeepers([.. Enumerable.Range(0, 4).Select(net.Home)], maxEvidenceAgeBlocks: 1_000);
        for (var i = 0; i < Byzantine; i++)
        {
            net.Start(i);
        }

        var honest = net.Nodes.Take(Byzantine).Select(n => n!).ToList();
        var genesisHash = Hash256.Parse((await BlockAsync(honest[0], 0)).GetProperty("hash").GetString()!);
        var peers = Enumerable.Range(0, Byzantine).Select(i => PeerAddress.Parse(net.PeerAddress(i))).ToList();
        await using var byzantine = await ByzantinePeer.StartAsync(
            net.Home(Byzantine), net.P2PPort(Byzantine), peers, new ChainIdentity(7771, genesisHash), KeeperGenesis.Validators(net.Home(0)), attackFromHeight: 2);

        var (height, round) = await EquivocationAsync(byzantine, honest);

        var (evidenceBlock, evidence) = await WaitForEvidenceAsync(honest[0], from: height);
        Assert.Equal(byzantine.Validator, Address.Parse(evidence.GetProperty("validator").GetString()!));
        Assert.Equal(height, Quantity(evidence.GetProperty("height")));
        Assert.Equal(round, Quantity(evidence.GetProperty("round")));
        Assert.Equal("prevote", evidence.GetProperty("type").GetString());
        Assert.Single(await EvidenceInBlocksAsync(honest[0], 1, evidenceBlock + 3)); // committed once, never again

        // GPoS: a double-sign slash in the block's logs and in the slashing history; the keeper is tombstoned.
        var logs = (await honest[1].CallAsync("eth_getLogs", new { fromBlock = Hex(evidenceBlock), toBlock = Hex(evidenceBlock), topics = new[] { SlashedTopic } })).GetProperty("result");
        Assert.Single(logs.EnumerateArray());
        var slashes = await SlashesAsync(honest[2], epochsUpTo: evidenceBlock / 10);
        var slash = Assert.Single(slashes);
        Assert.Equal(("doubleSign", height), (slash.GetProperty("reason").GetString(), Quantity(slash.GetProperty("infractionHeight"))));
        var keeper = (await honest[0].CallAsync("aro_getKeeper", byzantine.Validator.ToString())).GetProperty("result");
        Assert.True(keeper.GetProperty("tombstoned").GetBoolean());
        Assert.True(keeper.GetProperty("jailed").GetBoolean());

        // The chain goes on, every honest node holds the same blocks, and committed evidence left every pool.
        await WaitForHeightAsync(honest, evidenceBlock + 3);
        foreach (var node in honest.Skip(1))
        {
            Assert.Equal((await BlockAsync(honest[0], evidenceBlock)).GetProperty("hash").GetString(), (await BlockAsync(node, evidenceBlock)).GetProperty("hash").GetString());
        }

        foreach (var node in honest)
        {
            Assert.DoesNotContain("Refused the proposal", node.Output, StringComparison.Ordinal);
        }
    }

    private static async Task<(ulong Height, uint Round)> EquivocationAsync(ByzantinePeer byzantine, List<NodeProcessHarness> honest)
    {
        try
        {
            return await byzantine.Equivocated.WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException(
                $"the byzantine peer did not get to equivocate ({byzantine.State})\n"
                + string.Join('\n', honest.Select((n, i) => $"--- node {i}:\n" + string.Join('\n', n.Output.Split('\n').Where(l => !l.Contains("Committed block", StringComparison.Ordinal)).TakeLast(15)))));
        }
    }

    private static async Task<(ulong Number, JsonElement Evidence)> WaitForEvidenceAsync(NodeProcessHarness node, ulong from)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var next = from;
        while (DateTime.UtcNow < deadline)
        {
            var head = await node.BlockNumberAsync();
            for (; next <= head; next++)
            {
                var block = await BlockAsync(node, next);
                if (block.GetProperty("evidence").GetArrayLength() > 0)
                {
                    Assert.NotEqual("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347", block.GetProperty("evidenceHash").GetString());
                    return (next, Assert.Single(block.GetProperty("evidence").EnumerateArray()));
                }
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("no block carried the evidence within 30 s\n" + string.Join('\n', node.Output.Split('\n').TakeLast(40)));
    }

    private static async Task<List<JsonElement>> EvidenceInBlocksAsync(NodeProcessHarness node, ulong from, ulong to)
    {
        await WaitForHeightAsync([node], to);
        var all = new List<JsonElement>();
        for (var n = from; n <= to; n++)
        {
            all.AddRange((await BlockAsync(node, n)).GetProperty("evidence").EnumerateArray());
        }

        return all;
    }

    private static async Task<List<JsonElement>> SlashesAsync(NodeProcessHarness node, ulong epochsUpTo)
    {
        var all = new List<JsonElement>();
        for (var epoch = 0UL; epoch <= epochsUpTo; epoch++)
        {
            all.AddRange((await node.CallAsync("aro_getSlashes", Hex(epoch))).GetProperty("result").EnumerateArray());
        }

        return all;
    }

    private static async Task<JsonElement> BlockAsync(NodeProcessHarness node, ulong number) =>
        (await node.CallAsync("eth_getBlockByNumber", Hex(number), false)).GetProperty("result");

    private static async Task WaitForHeightAsync(IEnumerable<NodeProcessHarness> nodes, ulong height)
    {
        foreach (var node in nodes)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (await node.BlockNumberAsync() < height)
            {
                Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for height {height}");
                await Task.Delay(100);
            }
        }
    }

    private static ulong Quantity(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetUInt64() : Convert.ToUInt64(value.GetString(), 16);

    private static string Hex(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);
}
