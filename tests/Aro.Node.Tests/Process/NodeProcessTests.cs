using Aro.Core;
using Aro.Core.Transactions;
using Aro.Node.Chain;
using Aro.Node.Tests.Chain;
using Aro.Node.Tests.Cli;
using Aro.Testing;

namespace Aro.Node.Tests.Process;

/// <summary>The real aro-node binary: real sockets on 127.0.0.1 (port 0, parsed from its output), real RocksDB, real signals.</summary>
public sealed class NodeProcessTests
{
    [Fact]
    public async Task Devnet_prints_the_dev_keys_and_serves_json_rpc_on_the_port_it_prints()
    {
        using var node = NodeProcessHarness.Start("devnet", "--rpc-port", "0", "--block-interval", "100ms", "--empty-block-interval", "never");

        var rpc = node.WaitForRpc();

        Assert.Equal("127.0.0.1", rpc.Host);
        Assert.NotEqual(0, rpc.Port);
        Assert.Contains($"WebSocket listening on ws://127.0.0.1:{rpc.Port}", node.WaitForLine(l => l.StartsWith("WebSocket", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("DEVNET ONLY", node.Output, StringComparison.Ordinal);
        Assert.Contains("chain id  7771", node.Output, StringComparison.Ordinal);
        Assert.Contains(Devnet.AccountAddress(0).ToString(), node.Output, StringComparison.Ordinal);
        Assert.Contains(Hex.Encode(Devnet.AccountKey(0)), node.Output, StringComparison.Ordinal);
        Assert.Equal(0UL, await node.BlockNumberAsync());
        Assert.Equal(0, node.Interrupt());
    }

    [Fact]
    public async Task Devnet_makes_empty_blocks_by_default_so_clients_polling_for_new_blocks_never_stall()
    {
        using var node = NodeProcessHarness.Start("devnet", "--rpc-port", "0");
        node.WaitForRpc();

        node.WaitForBlock(2, TimeSpan.FromSeconds(60));

        var block = await node.CallAsync("eth_getBlockByNumber", "0x2", false);
        Assert.Equal(0, block.GetProperty("result").GetProperty("transactions").GetArrayLength());
        Assert.Equal(0, node.Interrupt());
    }

    [Fact]
    public void Devnet_without_a_home_deletes_its_temporary_home_on_exit()
    {
        using var node = NodeProcessHarness.Start("devnet", "--rpc-port", "0");
        var homeLine = node.WaitForLine(l => l.StartsWith("  home ", StringComparison.Ordinal));
        var home = homeLine["  home ".Length..].Trim().Split(' ')[0];
        node.WaitForRpc();
        Assert.True(Directory.Exists(home));

        Assert.Equal(0, node.Interrupt());

        Assert.False(Directory.Exists(home));
    }

    [Fact]
    public void Devnet_with_a_home_creates_it_once_and_continues_its_chain_next_time()
    {
        using var temp = new TempDirectory();
        var home = Path.Combine(temp.Path, "devnet");
        ulong stoppedAt;
        using (var first = NodeProcessHarness.Start("devnet", "--home", home, "--rpc-port", "0", "--block-interval", "50ms", "--empty-block-interval", "50ms"))
        {
            first.WaitForRpc();
            first.WaitForBlock(2);
            Assert.Equal(0, first.Interrupt());
            stoppedAt = first.Committed.Keys.Max();
        }

        Assert.True(File.Exists(Path.Combine(home, "config.json")));
        using var second = NodeProcessHarness.Start("devnet", "--home", home, "--rpc-port", "0");
        var resumed = second.WaitForLine(l => l.Contains(", head ", StringComparison.Ordinal));
        Assert.Contains($", head {stoppedAt} ", resumed, StringComparison.Ordinal);
        Assert.Equal(0, second.Interrupt());
    }

    [Fact]
    public async Task Run_resumes_at_the_head_after_a_graceful_restart()
    {
        using var home = new TempDirectory();
        Assert.Equal(0, CliResult.Run("init", "--home", home.Path).ExitCode);
        string firstHash;
        ulong stoppedAt;
        using (var first = NodeProcessHarness.Start("run", "--home", home.Path, "--rpc-port", "0", "--block-interval", "50ms", "--empty-block-interval", "50ms"))
        {
            first.WaitForRpc();
            first.WaitForBlock(3);
            Assert.Equal(0, first.Interrupt());
            firstHash = first.Committed[1];
            stoppedAt = first.Committed.Keys.Max();
        }

        using var second = NodeProcessHarness.Start("run", "--home", home.Path, "--rpc-port", "0", "--block-interval", "50ms", "--empty-block-interval", "50ms");
        second.WaitForRpc();
        Assert.True(await second.BlockNumberAsync() >= stoppedAt);
        Assert.True(second.WaitForBlock(stoppedAt + 1) == stoppedAt + 1, "the restarted node continues with the next height");
        Assert.Equal(0, second.Interrupt());

        using var chain = ChainNode.Open(Path.Combine(home.Path, "data"), Devnet.Spec);
        Assert.Equal(firstHash, chain.Store.GetHeader(1)!.Hash.ToString());
        Assert.Equal(second.Committed.Keys.Max(), chain.Head.Number);
    }

    [Fact]
    public async Task Kill_9_never_loses_a_block_the_node_reported_committed()
    {
        using var home = new TempDirectory();
        Assert.Equal(0, CliResult.Run("init", "--home", home.Path).ExitCode);
        var random = new Random(20261122);
        var reported = new Dictionary<ulong, string>();
        ulong nonce = 0;
        var accepted = 0;
        for (var round = 0; round < 5; round++)
        {
            using var node = NodeProcessHarness.Start("run", "--home", home.Path, "--rpc-port", "0", "--block-interval", "20ms", "--empty-block-interval", "20ms");
            node.WaitForRpc();
            // Consensus syncs its WAL and signer state at each step, so a block takes longer than a bare commit: a wider window.
            var killAt = DateTime.UtcNow + TimeSpan.FromMilliseconds(random.Next(600, 1500));
            while (DateTime.UtcNow < killAt)
            {
                var next = await SendTransferAsync(node, nonce);
                accepted += (int)(next - nonce);
                nonce = next;
                await Task.Delay(random.Next(0, 15));
            }

            node.KillHard();
            foreach (var (number, hash) in node.Committed)
            {
                reported[number] = hash;
            }

            // Whatever the kill interrupted, the database opens whole at a head covering every reported block.
            using var chain = ChainNode.Open(Path.Combine(home.Path, "data"), Devnet.Spec);
            Assert.True(chain.Head.Number >= reported.Keys.DefaultIfEmpty().Max(), $"round {round}: head {chain.Head.Number} is behind a reported block");
            foreach (var (number, hash) in reported)
            {
                Assert.Equal(hash, chain.Store.GetHeader(number)!.Hash.ToString());
            }

            AssertWhole(chain);
            // The sender's next nonce is whatever the chain says: transactions the kill lost were never reported.
            nonce = chain.OpenState(chain.Head.StateRoot).GetNonce(Devnet.AccountAddress(0));
        }

        Assert.True(reported.Count >= 5, $"only {reported.Count} blocks were reported over five runs");
        if (accepted > 0)
        {
            // With eth_sendRawTransaction served, the transfers reached blocks while the node was being killed.
            using var chain = ChainNode.Open(Path.Combine(home.Path, "data"), Devnet.Spec);
            Assert.True(chain.OpenState(chain.Head.StateRoot).GetNonce(Devnet.AccountAddress(0)) > 0, $"{accepted} transfers accepted, none included");
        }
    }

    [Fact]
    public void Run_refuses_a_database_made_from_another_genesis()
    {
        using var home = new TempDirectory();
        Assert.Equal(0, CliResult.Run("init", "--home", home.Path).ExitCode);
        ChainNode.Open(Path.Combine(home.Path, "data"), Devnet.WithChainId(7772)).Dispose();

        using var node = NodeProcessHarness.Start("run", "--home", home.Path, "--rpc-port", "0");

        Assert.Equal(3, node.WaitForExit());
        Assert.Contains("genesis", node.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("RPC listening", node.Output, StringComparison.Ordinal);
    }

    /// <summary>Every block from 1 to the head is stored with its body, receipts and the commit of its parent; the head's state opens.</summary>
    private static void AssertWhole(ChainNode chain)
    {
        for (ulong number = 1; number <= chain.Head.Number; number++)
        {
            var block = chain.Store.GetBlock(number)!;
            Assert.Equal(block.Body.Transactions.Length, chain.Store.GetReceipts(number)!.Count);
            Assert.Equal(chain.Store.GetHeader(number - 1)!.Hash, block.Header.ParentHash);
        }

        if (chain.Head.Number > 0)
        {
            Assert.Equal(chain.Head.Hash, chain.Store.GetCommit(chain.Head.Number)!.BlockHash);
        }

        Assert.Equal(chain.Head.StateRoot, chain.OpenState(chain.Head.StateRoot).ComputeRoot());
        // The state at the head is the state of exactly the stored blocks: the sender's nonce counts its included transfers.
        ulong included = 0;
        for (ulong number = 1; number <= chain.Head.Number; number++)
        {
            included += (ulong)chain.Store.GetBlock(number)!.Body.Transactions.Length;
        }

        Assert.Equal(included, chain.OpenState(chain.Head.StateRoot).GetNonce(Devnet.AccountAddress(0)));
    }

    /// <summary>Sends a transfer with eth_sendRawTransaction; returns the next nonce to use (unchanged when refused or not served).</summary>
    private static async Task<ulong> SendTransferAsync(NodeProcessHarness node, ulong nonce)
    {
        var raw = Hex.Encode(TxEncoder.Encode(Devnet.Transfer(0, nonce, Devnet.AccountAddress(1), 1)));
        try
        {
            var response = await node.CallAsync("eth_sendRawTransaction", raw);
            return response.TryGetProperty("result", out _) ? nonce + 1 : nonce;
        }
        catch (HttpRequestException)
        {
            return nonce;
        }
    }
}
