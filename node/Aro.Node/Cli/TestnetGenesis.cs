using System.Collections.Immutable;
using System.Text.Json;
using Aro.Core;
using Aro.Execution.Chain;
using Aro.Modules.Gpos;
using Aro.Modules.Gpos.Genesis;
using Aro.Node.Hosting;
using Aro.Node.Validator;

namespace Aro.Node.Cli;

/// <summary>
/// The genesis of <c>aro-node testnet init</c>: the devnet's accounts, settings and GPoW section, and one
/// GPoS keeper per validator — keeper account = the validator key's address (funded for fees), consensus
/// key = the validator key, equal self-stake — so GPoS's epoch-0 set is exactly the N validators with
/// equal power, as the loader demands.
/// </summary>
internal static class TestnetGenesis
{
    /// <summary>Each keeper's self-stake: 10,000 ARO, voting power 10,000 (the devnet validator's).</summary>
    public static readonly UInt256 SelfStake = UInt256.Parse("10000000000000000000000");

    /// <summary>What each keeper account holds besides its stake, for fees and later delegations: 1,000 ARO.</summary>
    public static readonly UInt256 KeeperBalance = UInt256.Parse("1000000000000000000000");

    private const ushort CommissionBps = 500;

    public static GenesisSpec Build(IReadOnlyList<ValidatorKey> keys, ulong? gasLimit = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var devnet = DevnetGenesis.Spec;
        var devnetGpos = GposGenesis.Parse(devnet.Modules[GposModule.GenesisSection]);
        var power = (ulong)(SelfStake / UInt256.Parse("1000000000000000000"));
        var validators = ImmutableArray.CreateBuilder<GenesisValidator>(keys.Count);
        var keepers = new List<GenesisKeeper>(keys.Count);
        var alloc = new List<GenesisAccount>();
        foreach (var account in devnet.Alloc)
        {
            // The devnet's module account holds its one keeper's stake; the testnet's holds all of its keepers'.
            if (account.Address != GposModule.Address)
            {
                alloc.Add(account);
            }
        }

        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            validators.Add(new GenesisValidator(key.Address, [.. key.PublicKey.Span], power));
            keepers.Add(new GenesisKeeper(key.Address, [.. key.PublicKey.Span], CommissionBps, $"testnet-validator-{i}", "local", SelfStake));
            alloc.Add(new GenesisAccount(key.Address, KeeperBalance));
        }

        alloc.Add(new GenesisAccount(GposModule.Address, SelfStake * (ulong)keys.Count));
        alloc.Sort(static (a, b) => a.Address.CompareTo(b.Address));
        keepers.Sort(static (a, b) => a.Address.CompareTo(b.Address));
        var maxValidators = Math.Max(devnetGpos.Params.MaxValidators, (uint)keys.Count);
        var gpos = new GposGenesis(
            devnetGpos.Params with { MaxValidators = maxValidators, MaxKeepers = Math.Max(devnetGpos.Params.MaxKeepers, maxValidators) },
            [.. keepers],
            []);
        using var section = JsonDocument.Parse(gpos.ToJson());
        return new GenesisSpec
        {
            ChainId = devnet.ChainId,
            Timestamp = devnet.Timestamp,
            GasLimit = gasLimit ?? devnet.GasLimit,
            BaseFeePerGas = devnet.BaseFeePerGas,
            MinBaseFeePerGas = devnet.MinBaseFeePerGas,
            Alloc = [.. alloc],
            Validators = validators.MoveToImmutable(),
            Modules = devnet.Modules.SetItem(GposModule.GenesisSection, section.RootElement.Clone()),
        };
    }
}
