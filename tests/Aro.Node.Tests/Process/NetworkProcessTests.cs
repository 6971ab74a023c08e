using System.Globalization;
using Aro.Core;
using Aro.Core.Transactions;
using Aro.Node.Tests.Chain;
using Aro.Node.Tests.Cli;
using Aro.Testing;

namespace Aro.Node.Tests.Process;

/// <summary>Two real aro-node processes on 127.0.0.1: a validator and a full node that follows it over P2P.</summary>
public sealed class NetworkProcessTests
{
    [Fact]
    public async Task A_full_node_syncs_the_validators_blocks_and_gossips_a_transaction_sent_to_it()
    {
        using var validatorHome = new TempDirectory();
        using var fullHome = new TempDirectory();
        Assert.Equal(0, CliResult.Run("init", "--home", validatorHome.Path).ExitCode);
        Assert.Equal(0, CliResult.Run("init", "--home", fullHome.Path).ExitCode);
        using var validator = NodeProcessHarness.Start("run", "--home", validatorHome.Path, "--rpc-port", "0", "--block-interval", "50ms", "--empty-block-interval", "100ms");
        validator.WaitForRpc();
        var (peerAddress, _) = ParseP2PLine(validator.WaitForLine(l => l.StartsWith("P2P listening on ", StringComparison.Ordinal)));
        validator.WaitForBlock(10);

        using var full = NodeProcessHarness.Start("run", "--home", fullHome.Path, "--rpc-port", "0", "--full-node", "--persistent-peers", peerAddress);
        full.WaitForRpc();
        await WaitUntilAsync(async () => await full.BlockNumberAsync() >= 10, "the full node synced 10 blocks");

        Assert.Equal(await BlockHashAsync(validator, 10), await BlockHashAsync(full, 10));

        // Sent to the full node, which produces nothing: only gossip can bring it to the validator.
        var raw = Hex.Encode(TxEncoder.Encode(Devnet.Transfer(0, 0, Devnet.AccountAddress(1), 1)));
        var sent = await full.CallAsync("eth_sendRawTransaction", raw);
        var hash = sent.GetProperty("result").GetString()!;
        await WaitUntilAsync(async () => await HasReceiptAsync(validator, hash), "the validator included the gossiped transaction");
        await WaitUntilAsync(async () => await HasReceiptAsync(full, hash), "the full node synced the block holding it");

        Assert.Equal(0, full.Interrupt());
        Assert.Equal(0, validator.Interrupt());
    }

    private static (string PeerAddress, int Port) ParseP2PLine(string line)
    {
        // "P2P listening on 127.0.0.1:PORT as 0x…"
        var parts = line["P2P listening on ".Length..].Split(" as ", StringSplitOptions.TrimEntries);
        var port = int.Parse(parts[0][(parts[0].LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
        return ($"{parts[1]}@127.0.0.1:{port}", port);
    }

    private static async Task<string> BlockHashAsync(NodeProcessHarness node, ulong number)
    {
        var block = await node.CallAsync("eth_getBlockByNumber", "0x" + number.ToString("x", CultureInfo.InvariantCulture), false);
        return block.GetProperty("result").GetProperty("hash").GetString()!;
    }

    private static async Task<bool> HasReceiptAsync(NodeProcessHarness node, string hash)
    {
        var receipt = await node.CallAsync("eth_getTransactionReceipt", hash);
        return receipt.TryGetProperty("result", out var result) && result.ValueKind == System.Text.Json.JsonValueKind.Object;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(100);
        }
    }
}
