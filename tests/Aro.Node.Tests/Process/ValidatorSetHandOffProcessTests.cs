using System.Globalization;
using System.Text.Json;
using Aro.Core;
using Aro.Node.Tests.Chain;
using Aro.Node.Tests.Cli;
using Aro.Node.Validator;
using Aro.Testing;

namespace Aro.Node.Tests.Process;

/// <summary>
/// The GPoS → consensus hand-off between two real processes: a devnet validator, and a second
/// <c>aro-node run</c> with its own validator key that starts outside the set and follows. Once that key
/// is registered as a keeper and holds more than 1/3 of the power, no block can be committed without its
/// votes — so blocks that keep coming after the epoch boundary, with its signature in their commits, prove
/// that consensus took the set from GPoS and that the second node started signing at the epoch's first height.
/// </summary>
public sealed class ValidatorSetHandOffProcessTests : IDisposable
{
    private const ulong EpochBlocks = 10;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task A_keeper_given_over_a_third_of_the_power_signs_every_commit_from_the_first_height_of_its_epoch()
    {
        using var validator = NodeProcessHarness.Start("devnet", "--rpc-port", "0", "--block-interval", "100ms", "--empty-block-interval", "200ms");
        validator.WaitForRpc();
        var peer = PeerOf(validator.WaitForLine(l => l.StartsWith("P2P listening on ", StringComparison.Ordinal)));
        var home = Path.Combine(_dir.Path, "second");
        Assert.Equal(0, CliResult.Run("init", "--home", home, "--generate-validator-key").ExitCode);
        var key = ValidatorKeyFile.Read(Path.Combine(home, "priv_validator_key.json"));
        using var second = NodeProcessHarness.Start(
            "run", "--home", home, "--rpc-port", "0", "--persistent-peers", peer, "--block-interval", "100ms", "--empty-block-interval", "200ms");
        second.WaitForRpc();

        Succeeds(Tx(validator, "register", "--consensus-key", Hex.Encode(key.PublicKey.Span), "--commission", "500", "--moniker", "second", "--region", "local",
            "--self-stake", "1000aro", "--private-key-file", KeyFile(1)));
        Succeeds(Tx(validator, "delegate", Devnet.AccountAddress(1).ToLowerHex(), "6000aro", "--private-key-file", KeyFile(2)));

        JsonElement set = default;
        await EventuallyAsync("the second key is in the set with over a third of the power", async () =>
        {
            set = await ResultAsync(validator, "aro_getValidatorSet");
            return PowerOf(set, key.Address) * 3 > Quantity(set.GetProperty("totalPower"));
        });
        var epoch = Quantity(set.GetProperty("epoch"));
        var first = epoch * EpochBlocks;
        await EventuallyAsync("blocks keep being committed after the boundary", async () => await validator.BlockNumberAsync() >= first + 5);

        var header = await ResultAsync(validator, "eth_getBlockByNumber", Tag(first), false);
        Assert.Equal(epoch, Quantity(header.GetProperty("epoch")));
        Assert.Equal(set.GetProperty("hash").GetString(), header.GetProperty("validatorSetHash").GetString());
        for (var height = first; height < first + 5; height++)
        {
            var signers = Signers(await ResultAsync(validator, "aro_getCommit", Tag(height)));
            Assert.Contains(key.Address, signers);
            Assert.Contains(Devnet.Validator.Address, signers);
        }

        Assert.Equal(set.GetProperty("hash").GetString(), (await ResultAsync(second, "aro_getValidatorSet")).GetProperty("hash").GetString());
        Assert.Contains(second.Output.Split('\n'), l => l.Contains($"(epoch {epoch})", StringComparison.Ordinal) && l.Contains("this node signs", StringComparison.Ordinal));
    }

    public void Dispose() => _dir.Dispose();

    private string KeyFile(int account)
    {
        var path = Path.Combine(_dir.Path, $"dev{account}.key");
        File.WriteAllText(path, Hex.Encode(Devnet.AccountKey(account)));
        return path;
    }

    private static CliResult Tx(NodeProcessHarness node, params string[] args) =>
        CliResult.Run(["tx", "staking", .. args, "--rpc", node.RpcUri!.ToString(), "--timeout", "30s"]);

    private static void Succeeds(CliResult result) => Assert.True(result.ExitCode == 0, result.ToString());

    private static string PeerOf(string line)
    {
        // "P2P listening on 127.0.0.1:PORT as 0xID"
        var parts = line["P2P listening on ".Length..].Split(" as ", StringSplitOptions.TrimEntries);
        return $"{parts[1]}@{parts[0]}";
    }

    private static async Task<JsonElement> ResultAsync(NodeProcessHarness node, string method, params object[] parameters)
    {
        var response = await node.CallAsync(method, parameters);
        return response.TryGetProperty("result", out var result) ? result : throw new Xunit.Sdk.XunitException($"{method}: {response}");
    }

    private static async Task EventuallyAsync(string what, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(200);
        }
    }

    private static ulong PowerOf(JsonElement set, Address consensus)
    {
        foreach (var v in set.GetProperty("validators").EnumerateArray())
        {
            if (Address.Parse(v.GetProperty("consensusAddress").GetString()!) == consensus)
            {
                return Quantity(v.GetProperty("power"));
            }
        }

        return 0;
    }

    private static Address[] Signers(JsonElement commit) =>
        [.. commit.GetProperty("signatures").EnumerateArray().Select(s => Address.Parse(s.GetProperty("signer").GetString()!))];

    private static ulong Quantity(JsonElement element) => Convert.ToUInt64(element.GetString()![2..], 16);

    private static string Tag(ulong number) => "0x" + number.ToString("x", CultureInfo.InvariantCulture);
}
