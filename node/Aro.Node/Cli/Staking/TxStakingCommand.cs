using System.CommandLine;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Node.Keys;
using Aro.Node.Validator;
using Aro.Modules.Gpos.Abi;
using static Aro.Modules.Gpos.Abi.StakingAbi;

namespace Aro.Node.Cli.Staking;

/// <summary>
/// <c>aro-node tx staking register|edit|leave|delegate|undelegate|redelegate|withdraw|claim|claim-commission|unjail|evidence</c>:
/// one IStaking/ISettlement message as a signed transaction to any node's JSON-RPC (<see cref="StakingTxSender"/>).
/// </summary>
internal static class TxStakingCommand
{
    public static Command Create() => Create(ConsolePasswordPrompt.Instance);

    internal static Command Create(IPasswordPrompt prompt)
    {
        var staking = new Command("staking", "GPoS staking messages (contracts/IStaking.sol) signed with a local key.");
        staking.Add(RegisterCommand(prompt));
        staking.Add(EditCommand(prompt));
        staking.Add(Message(prompt, "leave", "Leave the keeper set: the self-stake starts unbonding.", [], _ => LeaveKeeper.EncodeCall()));
        staking.Add(DelegateCommand(prompt));
        staking.Add(UndelegateCommand(prompt));
        staking.Add(RedelegateCommand(prompt));
        staking.Add(Message(prompt, "withdraw", "Pay out every matured unbonding of the sender.", [], _ => Withdraw.EncodeCall()));
        staking.Add(ClaimCommand(prompt));
        staking.Add(Message(prompt, "claim-commission", "Pay the sender's accrued keeper commission to it.", [], _ => SettlementAbi.ClaimCommission.EncodeCall()));
        staking.Add(Message(prompt, "unjail", "Return the sender's jailed keeper to the candidates (after jailEpochs).", [], _ => Unjail.EncodeCall()));
        staking.Add(EvidenceCommand(prompt));
        return new Command("tx", "Sign and send transactions to a node's JSON-RPC.") { staking };
    }

    private static Command RegisterCommand(IPasswordPrompt prompt)
    {
        var key = new Option<string?>("--consensus-key") { Description = "Uncompressed secp256k1 public key (0x04…, 65 bytes) the keeper signs blocks with." };
        var keyFile = new Option<string?>("--consensus-key-file") { Description = "Take the consensus key from a validator key file (priv_validator_key.json)." };
        var commission = CommissionOption();
        var moniker = new Option<string>("--moniker") { Description = "Display name, 1–64 bytes.", Required = true };
        var region = new Option<string>("--region") { Description = "Region, 1–32 of A-Z a-z 0-9 -.", Required = true };
        var stake = new Option<string>("--self-stake") { Description = "Self-stake sent with the call (wei, or e.g. 1000aro).", Required = true };
        return Message(prompt, "register", "Register the sender as a keeper with a self-stake.", [key, keyFile, commission, moniker, region, stake], p =>
        {
            var consensusKey = ConsensusKey(p.GetValue(key), p.GetValue(keyFile));
            return (Register.EncodeCall(
                AbiValue.Bytes(consensusKey), AbiValue.UInt(p.GetValue(commission)), AbiValue.String(p.GetValue(moniker)!), AbiValue.String(p.GetValue(region)!)),
                Amount(p.GetValue(stake)));
        });
    }

    private static Command EditCommand(IPasswordPrompt prompt)
    {
        var commission = CommissionOption();
        var moniker = new Option<string>("--moniker") { Description = "Display name, 1–64 bytes.", Required = true };
        var region = new Option<string>("--region") { Description = "Region, 1–32 of A-Z a-z 0-9 -.", Required = true };
        return Message(prompt, "edit", "Change the sender's keeper commission and description.", [commission, moniker, region], p =>
            EditKeeper.EncodeCall(AbiValue.UInt(p.GetValue(commission)), AbiValue.String(p.GetValue(moniker)!), AbiValue.String(p.GetValue(region)!)));
    }

    private static Command DelegateCommand(IPasswordPrompt prompt)
    {
        var keeper = new Argument<string>("keeper") { Description = "The keeper's address." };
        var amount = new Argument<string>("amount") { Description = "Stake sent with the call (wei, or e.g. 100aro)." };
        return Message(prompt, "delegate", "Delegate stake to a keeper.", [keeper, amount], p =>
            (Aro.Modules.Gpos.Abi.StakingAbi.Delegate.EncodeCall(AbiValue.Address(AddressArg(p.GetValue(keeper), "keeper"))), Amount(p.GetValue(amount))));
    }

    private static Command UndelegateCommand(IPasswordPrompt prompt)
    {
        var keeper = new Argument<string>("keeper") { Description = "The keeper's address." };
        var amount = new Argument<string>("amount") { Description = "Stake to unbond (wei, or e.g. 100aro)." };
        return Message(prompt, "undelegate", "Start unbonding stake from a keeper (withdrawable after unbondingEpochs).", [keeper, amount], p =>
            Undelegate.EncodeCall(AbiValue.Address(AddressArg(p.GetValue(keeper), "keeper")), AbiValue.UInt(Amount(p.GetValue(amount)))));
    }

    private static Command RedelegateCommand(IPasswordPrompt prompt)
    {
        var source = new Argument<string>("src") { Description = "The keeper the stake leaves." };
        var destination = new Argument<string>("dst") { Description = "The keeper the stake moves to." };
        var amount = new Argument<string>("amount") { Description = "Stake to move (wei, or e.g. 100aro)." };
        return Message(prompt, "redelegate", "Move stake from one keeper to another without unbonding.", [source, destination, amount], p =>
            Redelegate.EncodeCall(
                AbiValue.Address(AddressArg(p.GetValue(source), "src")), AbiValue.Address(AddressArg(p.GetValue(destination), "dst")),
                AbiValue.UInt(Amount(p.GetValue(amount)))));
    }

    private static Command ClaimCommand(IPasswordPrompt prompt)
    {
        var keeper = new Option<string>("--keeper") { Description = "The keeper whose delegator rewards the sender claims.", Required = true };
        return Message(prompt, "claim", "Claim the sender's pending delegator rewards from one keeper.", [keeper], p =>
            SettlementAbi.ClaimRewards.EncodeCall(AbiValue.Address(AddressArg(p.GetValue(keeper), "--keeper"))));
    }

    private static Command EvidenceCommand(IPasswordPrompt prompt)
    {
        var file = new Option<string>("--file") { Description = "File holding the encoded double-sign evidence as 0x-hex (two conflicting signed votes).", Required = true };
        return Message(prompt, "evidence", "Submit double-sign evidence: the offender is slashed and tombstoned.", [file], p =>
            SubmitDoubleSignEvidence.EncodeCall(AbiValue.Bytes(EvidenceBytes(p.GetValue(file)!))));
    }

    private static byte[] EvidenceBytes(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"--file: cannot read {path}: {e.Message}", e);
        }

        try
        {
            var bytes = Hex.Decode(text);
            return bytes.Length > 0 ? bytes : throw new FormatException($"--file: {path} holds no evidence");
        }
        catch (FormatException e) when (e.InnerException is null && !e.Message.StartsWith("--file", StringComparison.Ordinal))
        {
            throw new FormatException($"--file: {path} must hold the evidence as 0x and hex digits", e);
        }
    }

    private static Command Message(IPasswordPrompt prompt, string name, string description, Symbol[] symbols, Func<ParseResult, byte[]> calldata) =>
        Message(prompt, name, description, symbols, p => (calldata(p), UInt256.Zero));

    private static Command Message(IPasswordPrompt prompt, string name, string description, Symbol[] symbols, Func<ParseResult, (byte[] Calldata, UInt256 Value)> build)
    {
        var rpc = StakingOptions.Rpc();
        var from = new Option<string?>("--from") { Description = "Sign with this keystore account (see aro-node keys)." };
        var home = new Option<string?>("--home") { Description = "Node home whose keystore holds --from (default ~/.aro)." };
        var passwordFile = new Option<string?>("--password-file") { Description = $"Keystore password from this file's first line (else ${StakingSigner.PasswordVariable}, else the terminal)." };
        var keyFile = new Option<string?>("--private-key-file") { Description = "Sign with the hex private key in this file instead of a keystore account." };
        var gas = new Option<ulong?>("--gas") { Description = "Gas limit (default: estimated, +20 %; a given limit skips the simulation)." };
        var timeout = StakingOptions.Timeout();
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Add(argument);
                    break;
                case Option option:
                    command.Add(option);
                    break;
            }
        }

        foreach (var option in new Option[] { rpc, from, home, passwordFile, keyFile, gas, timeout })
        {
            command.Add(option);
        }

        command.SetAction(async (p, cancel) =>
        {
            var output = p.InvocationConfiguration.Output;
            var error = p.InvocationConfiguration.Error;
            (byte[] Calldata, UInt256 Value) call;
            try
            {
                call = build(p);
            }
            catch (FormatException e)
            {
                error.WriteLine($"error: {e.Message}");
                return ExitCodes.UsageError;
            }

            if (!StakingOptions.TryEndpoint(p, rpc, timeout, error, out var client))
            {
                return ExitCodes.UsageError;
            }

            if (!StakingSigner.TryLoad(p.GetValue(keyFile), p.GetValue(from), p.GetValue(home), p.GetValue(passwordFile), prompt, out var privateKey, out var problem))
            {
                client.Dispose();
                error.WriteLine($"error: {problem}");
                return ExitCodes.UsageError;
            }

            using (client)
            {
                try
                {
                    return await new StakingTxSender(client, output, error, p.GetValue(timeout)).SendAsync(privateKey, call.Calldata, call.Value, p.GetValue(gas)).ConfigureAwait(false);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or RpcCallException)
                {
                    error.WriteLine($"error: {e.Message}");
                    return ExitCodes.NodeFailed;
                }
                finally
                {
                    StakingSigner.Forget(privateKey);
                }
            }
        });
        return command;
    }

    private static Option<ushort> CommissionOption() =>
        new("--commission") { Description = "Commission in basis points (500 = 5 %).", Required = true };

    private static byte[] ConsensusKey(string? hex, string? file)
    {
        if ((hex is null) == (file is null))
        {
            throw new FormatException("give the consensus key with either --consensus-key or --consensus-key-file");
        }

        if (file is not null)
        {
            try
            {
                return ValidatorKeyFile.Read(file).PublicKey.ToArray();
            }
            catch (ValidatorKeyException e)
            {
                throw new FormatException($"--consensus-key-file: {e.Message}", e);
            }
        }

        try
        {
            return Hex.Decode(hex!);
        }
        catch (FormatException e)
        {
            throw new FormatException("--consensus-key must be 0x and hex digits", e);
        }
    }

    private static Address AddressArg(string? text, string name) =>
        Address.TryParse(text, out var address) ? address : throw new FormatException($"{name} must be 0x and 40 hex digits, not '{text}'");

    private static UInt256 Amount(string? text) =>
        AmountText.TryParse(text, out var wei, out var problem) ? wei : throw new FormatException(problem);
}
