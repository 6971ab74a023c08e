using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Core.Rlp;
using Aro.State.Trie;
using Aro.State.World;

namespace Aro.Execution.Chain;

/// <summary>
/// Builds the genesis state and block from a <see cref="GenesisSpec"/>. Deterministic: the same spec
/// gives the same state root and block hash on every machine (no clock, alloc in address order).
/// </summary>
public static class Genesis
{
    /// <summary>
    /// System account holding the genesis parameters the header has no field for (chain id and the
    /// hash of the whole canonical spec, module sections included), so they are part of the state
    /// root and thus of the genesis hash: two specs that differ anywhere give different genesis blocks.
    /// Address = last 20 bytes of keccak256("aro.genesis").
    /// </summary>
    public static readonly Address ParametersAddress = AddressOf("aro.genesis"u8);

    /// <summary>Storage key of the chain id (minimal big-endian) in <see cref="ParametersAddress"/>.</summary>
    public static ReadOnlySpan<byte> ChainIdKey => "chainId"u8;

    /// <summary>Storage key of <see cref="GenesisSpec.ComputeHash"/> (32 bytes) in <see cref="ParametersAddress"/>.</summary>
    public static ReadOnlySpan<byte> SpecHashKey => "specHash"u8;

    /// <summary>
    /// Builds the genesis state into <paramref name="nodes"/> and returns the genesis block.
    /// <paramref name="initializeModules"/> lets modules write their genesis records (from
    /// <see cref="GenesisSpec.Modules"/>) before the root is taken.
    /// </summary>
    public static Block Build(GenesisSpec spec, ITrieNodeReader reader, ITrieNodeWriter nodes, Action<WorldState>? initializeModules = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(nodes);

        var world = new WorldState(reader);
        // The spec keeps alloc sorted; sort again so a spec built in code cannot bring its own order.
        foreach (var account in spec.Alloc.OrderBy(a => a.Address))
        {
            world.AddBalance(account.Address, account.Balance);
        }

        world.SetStorage(ParametersAddress, ChainIdKey, ((UInt256)spec.ChainId).ToBigEndianMinimal());
        world.SetStorage(ParametersAddress, SpecHashKey, spec.ComputeHash().Bytes);
        initializeModules?.Invoke(world);
        var stateRoot = world.Commit(nodes);

        var header = new BlockHeader
        {
            ParentHash = Hash256.Zero,
            Number = 0,
            Timestamp = spec.Timestamp,
            Proposer = Address.Zero,
            StateRoot = stateRoot,
            TransactionsRoot = PatriciaTrie.EmptyRootHash,
            ReceiptsRoot = PatriciaTrie.EmptyRootHash,
            LogsBloom = Bloom.Empty,
            GasLimit = spec.GasLimit,
            GasUsed = 0,
            BaseFeePerGas = spec.BaseFeePerGas,
            Epoch = 0,
            ValidatorSetHash = ValidatorSetHash(spec.Validators),
            LastCommitHash = Hash256.Zero,
        };
        return new Block(header, BlockBody.Empty);
    }

    /// <summary>The header's validator-set hash of the genesis validators (<see cref="Aro.Core.Blocks.ValidatorSetHash"/>).</summary>
    public static Hash256 ValidatorSetHash(IReadOnlyList<GenesisValidator> validators)
    {
        ArgumentNullException.ThrowIfNull(validators);
        return Aro.Core.Blocks.ValidatorSetHash.Compute(validators.Select(v => new ValidatorPower(v.Address, v.Power)));
    }

    private static Address AddressOf(ReadOnlySpan<byte> label) => new(Keccak256.Hash(label).Bytes[12..]);
}
