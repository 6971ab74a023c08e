using System.Text.Json;
using Aro.Core;
using Aro.Node.Tests.Chain;
using Aro.Node.Tests.Cli;
using Aro.Node.Tests.Staking;
using Aro.State.World;

namespace Aro.Node.Tests.Process;

/// <summary>One real <c>aro-node devnet</c> process (fast blocks, 1 s epochs) shared by the staking CLI tests.</summary>
public sealed class StakingDevnetFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public StakingDevnetFixture()
    {
        // Keepers registered here run no node: each height one of them should propose waits out the propose timeout.
        Node = NodeProcessHarness.Start("devnet", "--rpc-port", "0", "--block-interval", "100ms", "--empty-block-interval", "100ms", "--timeout-propose", "300ms");
        Rpc = Node.WaitForRpc().ToString();
    }

    internal NodeProcessHarness Node { get; }

    public string Rpc { get; }

    public string Folder => _folder.Path;

    /// <summary>A file holding dev account <paramref name="index"/>'s private key (hex), for --private-key-file.</summary>
    public string KeyFile(int index)
    {
        var path = Path.Combine(_folder.Path, $"dev{index}.key");
        File.WriteAllText(path, Hex.Encode(Devnet.AccountKey(index)));
        return path;
    }

    public async Task<JsonElement> ResultAsync(string method, params object[] parameters)
    {
        var response = await Node.CallAsync(method, parameters);
        return response.TryGetProperty("result", out var result) ? result : throw new Xunit.Sdk.XunitException($"{method}: {response}");
    }

    public void Dispose()
    {
        Node.Interrupt();
        Node.Dispose();
        _folder.Dispose();
    }
}

/// <summary>
/// The staking walkthrough of the README against a real devnet process over real sockets:
/// <c>aro-node tx staking …</c> and <c>aro-node query staking …</c> sign, send and read through JSON-RPC.
/// </summary>
public sealed class StakingDevnetTests(StakingDevnetFixture devnet) : IClassFixture<StakingDevnetFixture>
{
    private static readonly string Keeper2 = Devnet.AccountAddress(1).ToLowerHex();
    private static readonly string Validator = Devnet.Validator.Address.ToLowerHex();

    [Fact]
    public async Task A_keeper_registered_and_delegated_to_with_the_cli_joins_the_validator_set_and_its_record_is_provable()
    {
        var register = Tx(
            "register", "--consensus-key", Hex.Encode(DevnetKeeperKey.OrderedAfterTheValidator("aro-devnet-keeper-2")), "--commission", "500",
            "--moniker", "keeper-2", "--region", "eu-west", "--self-stake", "2000aro", "--private-key-file", devnet.KeyFile(1));
        var delegate2 = Tx("delegate", Keeper2, "300aro", "--private-key-file", devnet.KeyFile(2));

        Assert.True(register.ExitCode == 0, register.ToString());
        Assert.Contains("status success", register.Output, StringComparison.Ordinal);
        Assert.Contains("event      KeeperRegistered(", register.Output, StringComparison.Ordinal);
        Assert.True(delegate2.ExitCode == 0, delegate2.ToString());
        Assert.Contains("event      Delegated(", delegate2.Output, StringComparison.Ordinal);

        // Powers are taken at epoch boundaries: the set shows the delegation from the first epoch after it.
        await WaitForValidatorAsync(Keeper2, StakingNode.Aro * 2_300);
        var query = CliResult.Run("query", "staking", "validators", "--rpc", devnet.Rpc);
        Assert.True(query.ExitCode == 0, query.ToString());
        Assert.Contains(Keeper2, query.Output, StringComparison.Ordinal);

        byte[] key = [0x10, .. Devnet.AccountAddress(1).Bytes];
        var proof = await devnet.ResultAsync("aro_getModuleProof", Hex.Encode(key));
        var block = await devnet.ResultAsync("eth_getBlockByNumber", proof.GetProperty("blockNumber").GetString()!, false);
        var stateRoot = Hash256.Parse(block.GetProperty("stateRoot").GetString()!);
        var account = StateProofVerifier.VerifyAccount(stateRoot, global::Aro.Modules.Gpos.GposModule.Address, Nodes(proof.GetProperty("accountProof")));
        var record = StateProofVerifier.VerifyStorage(account!.Value.StorageRoot, key, Nodes(proof.GetProperty("storageProof")));
        Assert.NotNull(record);
        Assert.Equal(Hex.Decode(proof.GetProperty("value").GetString()!), record);
    }

    [Fact]
    public void A_call_the_module_refuses_is_reported_with_its_named_error_and_not_sent()
    {
        var unknown = "0x00000000000000000000000000000000000000b7";

        var result = Tx("delegate", unknown, "1aro", "--private-key-file", devnet.KeyFile(0));

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("sent", result.Output, StringComparison.Ordinal);
        Assert.Contains("KeeperNotFound(0x00000000000000000000000000000000000000B7)", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_transaction_that_reverts_on_chain_is_reported_with_the_named_error_from_its_replay()
    {
        // Dev account 2 delegates only to keeper 2 in these tests, never to the validator.
        var result = Tx("undelegate", Validator, "1aro", "--gas", "200000", "--private-key-file", devnet.KeyFile(2));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("status reverted", result.Output, StringComparison.Ordinal);
        Assert.Contains($"reverted: DelegationNotFound({Devnet.AccountAddress(2)}, {Devnet.Validator.Address})", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_keystore_account_signs_with_its_password_file()
    {
        var home = Path.Combine(devnet.Folder, "home");
        var password = Path.Combine(devnet.Folder, "password.txt");
        await File.WriteAllTextAsync(password, "devnet-test\n");
        var import = CliResult.Run("keys", "import", "--private-key-file", devnet.KeyFile(3), "--home", home, "--password-file", password, "--light");
        Assert.True(import.ExitCode == 0, import.ToString());

        var result = Tx("delegate", Validator, "1aro", "--from", Devnet.AccountAddress(3).ToString(), "--home", home, "--password-file", password);

        Assert.True(result.ExitCode == 0, result.ToString());
        var delegations = await devnet.ResultAsync("aro_getDelegations", Devnet.AccountAddress(3).ToLowerHex());
        Assert.Equal(StakingNode.Aro, Quantity256(delegations.GetProperty("delegations")[0].GetProperty("amount")));
    }

    [Fact]
    public async Task Undelegated_stake_leaves_the_delegation_and_is_not_withdrawable_before_it_matures()
    {
        var key = devnet.KeyFile(0);
        var delegated = Tx("delegate", Validator, "10aro", "--private-key-file", key);
        var undelegated = Tx("undelegate", Validator, "4aro", "--private-key-file", key);
        var withdraw = Tx("withdraw", "--private-key-file", key);

        Assert.True(delegated.ExitCode == 0, delegated.ToString());
        Assert.True(undelegated.ExitCode == 0, undelegated.ToString());
        Assert.Contains("event      Undelegated(", undelegated.Output, StringComparison.Ordinal);
        var delegations = await devnet.ResultAsync("aro_getDelegations", Devnet.AccountAddress(0).ToLowerHex());
        Assert.Equal(StakingNode.Aro * 6, Quantity256(delegations.GetProperty("delegations")[0].GetProperty("amount")));
        Assert.Equal(1, withdraw.ExitCode);
        Assert.Contains("NothingToWithdraw()", withdraw.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Querying_an_unregistered_keeper_fails_with_a_clear_message()
    {
        var result = CliResult.Run("query", "staking", "keeper", "0x00000000000000000000000000000000000000b8", "--rpc", devnet.Rpc);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not registered", result.Error, StringComparison.Ordinal);
    }

    private CliResult Tx(params string[] args) => CliResult.Run(["tx", "staking", .. args, "--rpc", devnet.Rpc, "--timeout", "30s"]);

    private async Task WaitForValidatorAsync(string keeper, UInt256 power)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var set = await devnet.ResultAsync("aro_getValidatorSet");
            if (set.GetProperty("validators").EnumerateArray().Any(v => v.GetProperty("keeper").GetString() == keeper && Quantity256(v.GetProperty("power")) == power / StakingNode.Aro))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{keeper} did not join the validator set with power {power}: {set}");
            await Task.Delay(200);
        }
    }

    private static byte[][] Nodes(JsonElement array) => [.. array.EnumerateArray().Select(n => Hex.Decode(n.GetString()!))];

    private static UInt256 Quantity256(JsonElement element) => UInt256.Parse(element.GetString()!);
}
