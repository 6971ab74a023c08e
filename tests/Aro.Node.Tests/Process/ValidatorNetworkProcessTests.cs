using System.Globalization;
using System.Text.Json;
using Aro.Core;
using Aro.Core.Transactions;
using Aro.Node.Tests.Chain;
using Aro.Node.Tests.Cli;
using Aro.Testing;

namespace Aro.Node.Tests.Process;

/// <summary>Four real validator processes on 127.0.0.1 running BFT consensus over P2P.</summary>
public sealed class ValidatorNetworkProcessTests
{
    [Fact]
    public async Task Four_validators_commit_continue_without_one_halt_without_two_resume_without_fork_and_a_full_node_syncs()
    {
        using var net = LocalTestnet.Init(4);
        net.StartAll();
        await WaitForHeightAsync(net.Running, 3);

        // Transactions sent to different validators are all committed.
        var first = await SendAsync(net.Nodes[2]!, Devnet.Transfer(0, 0, Devnet.AccountAddress(1), 1));
        var second = await SendAsync(net.Nodes[3]!, Devnet.Transfer(1, 0, Devnet.AccountAddress(2), 1));
        await WaitUntilAsync(async () => await HasReceiptAsync(net.Nodes[0]!, first) && await HasReceiptAsync(net.Nodes[0]!, second), "both transactions committed");

        // One of four down: 3 of 4 is more than 2/3, the chain goes on.
        net.Kill(3);
        var atKill = await net.Nodes[0]!.BlockNumberAsync();
        await WaitForHeightAsync(net.Running, atKill + 3);

        // Two of four down: no quorum, no new height.
        net.Kill(2);
        await Task.Delay(1500); // a height already decided by 3 may still land
        var halted = await net.Nodes[0]!.BlockNumberAsync();
        await Task.Delay(4000);
        Assert.Equal(halted, await net.Nodes[0]!.BlockNumberAsync());
        Assert.Equal(halted, await net.Nodes[1]!.BlockNumberAsync());

        // Both back: the chain resumes and every node holds the same blocks.
        net.Start(2);
        net.Start(3);
        await WaitForHeightAsync(net.Running, halted + 3, TimeSpan.FromSeconds(60));
        await AssertSameChainAsync(net.Running.ToList(), halted + 3);

        // A fresh full node syncs from genesis to the same state.
        using var fullHome = new TempDirectory();
        File.Copy(Path.Combine(net.Home(0), "genesis.json"), Path.Combine(fullHome.Path, "network.json"));
        Assert.Equal(0, CliResult.Run("init", "--home", Path.Combine(fullHome.Path, "home"), "--genesis", Path.Combine(fullHome.Path, "network.json"), "--generate-validator-key").ExitCode);
        using var full = NodeProcessHarness.Start("run", "--home", Path.Combine(fullHome.Path, "home"), "--rpc-port", "0", "--full-node", "--persistent-peers", net.PeerAddress(0));
        full.WaitForRpc();
        await WaitForHeightAsync([full], halted + 3);
        await AssertSameChainAsync([net.Nodes[0]!, full], halted + 3);

        AssertNoDoubleSign(net);
    }

    [Fact]
    public async Task A_validator_killed_at_random_times_and_restarted_never_double_signs() =>
        await KillRepeatedlyAsync(iterations: 4, seed: 7);

    [Fact]
    [Trait("Category", "Soak")]
    public async Task A_validator_killed_at_random_times_for_long_never_double_signs() =>
        await KillRepeatedlyAsync(iterations: 60, seed: 11);

    private static async Task KillRepeatedlyAsync(int iterations, int seed)
    {
        var random = new Random(seed);
        using var net = LocalTestnet.Init(4);
        net.StartAll();
        await WaitForHeightAsync(net.Running, 2);
        for (var i = 0; i < iterations; i++)
        {
            var victim = random.Next(4);
            await Task.Delay(random.Next(100, 1200));
            net.Kill(victim);
            net.Start(victim);
        }

        var height = await net.Nodes[0]!.BlockNumberAsync();
        await WaitForHeightAsync(net.Running, height + 2, TimeSpan.FromSeconds(60));
        await AssertSameChainAsync(net.Running.ToList(), height + 2);
        AssertNoDoubleSign(net);
    }

    /// <summary>
    /// Every node reports conflicting votes it sees (the core turns any two different votes of one key
    /// for one height/round/step into evidence and the node logs it); none may appear.
    /// </summary>
    private static void AssertNoDoubleSign(LocalTestnet net)
    {
        foreach (var output in net.AllOutputs)
        {
            Assert.DoesNotContain("Double-sign evidence", output, StringComparison.Ordinal);
        }
    }

    private static async Task AssertSameChainAsync(IReadOnlyList<NodeProcessHarness> nodes, ulong upTo)
    {
        for (ulong number = 1; number <= upTo; number++)
        {
            var expected = await HeaderAsync(nodes[0], number);
            foreach (var node in nodes.Skip(1))
            {
                Assert.Equal(expected, await HeaderAsync(node, number));
            }
        }
    }

    private static async Task<(string Hash, string StateRoot)> HeaderAsync(NodeProcessHarness node, ulong number)
    {
        var block = (await node.CallAsync("eth_getBlockByNumber", "0x" + number.ToString("x", CultureInfo.InvariantCulture), false)).GetProperty("result");
        return (block.GetProperty("hash").GetString()!, block.GetProperty("stateRoot").GetString()!);
    }

    private static async Task<string> SendAsync(NodeProcessHarness node, Transaction transaction)
    {
        var sent = await node.CallAsync("eth_sendRawTransaction", Hex.Encode(TxEncoder.Encode(transaction)));
        return sent.GetProperty("result").GetString()!;
    }

    private static async Task<bool> HasReceiptAsync(NodeProcessHarness node, string hash)
    {
        var receipt = await node.CallAsync("eth_getTransactionReceipt", hash);
        return receipt.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object;
    }

    private static async Task WaitForHeightAsync(IEnumerable<NodeProcessHarness> nodes, ulong height, TimeSpan? timeout = null)
    {
        var list = nodes.ToList();
        foreach (var node in list)
        {
            try
            {
                await WaitUntilAsync(async () => await node.BlockNumberAsync() >= height, $"height {height}", timeout);
            }
            catch (Xunit.Sdk.XunitException e)
            {
                var tails = list.Select((n, i) => $"--- node {i}:\n" + string.Join('\n', n.Output.Split('\n').Where(l => !l.Contains("Committed block", StringComparison.Ordinal)).TakeLast(25)));
                throw new Xunit.Sdk.XunitException(e.Message + "\n" + string.Join('\n', tails));
            }
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(100);
        }
    }
}
