using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Execution.Chain;
using Aro.Execution.Execution;
using Aro.Node.Chain;
using Aro.Node.Consensus;
using Aro.Node.Validator;
using Aro.State;

namespace Aro.Node.Production;

/// <summary>
/// Makes blocks for a chain whose validator set this node's key controls alone (devnet, a single
/// validator): the pool's best executable transactions are executed on the head state, the header is
/// filled, the key signs the precommit, and block, receipts, state and that commit are committed in
/// one batch. Synchronous and driven by the caller's timestamps, so it is tested without a clock;
/// <see cref="ProductionLoop"/> runs it on a timer. Not thread-safe: one caller at a time.
/// The header's epoch and validator-set hash come from the chain's <see cref="IValidatorSetSource"/>,
/// as consensus fills them (<see cref="HeaderSetRule"/>), so a produced chain syncs like a consensus one.
/// </summary>
public sealed class BlockProducer
{
    private readonly ChainNode _chain;
    private readonly ValidatorKey _key;
    private readonly BlockExecutor _executor;
    private readonly IValidatorSetSource _validators;
    private readonly uint _validatorIndex;
    private readonly int _maxTransactions;

    /// <exception cref="ValidatorKeyException">The key is not a genesis validator, or holds no more than 2/3 of the voting power.</exception>
    public BlockProducer(ChainNode chain, ValidatorKey key, int maxTransactionsPerBlock = 10_000)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxTransactionsPerBlock);
        _chain = chain;
        _key = key;
        _maxTransactions = maxTransactionsPerBlock;
        _validatorIndex = FindValidator(chain.Genesis, key);
        _executor = new BlockExecutor(chain.Execution, chain.Modules, chain.EvidenceHandler);
        _validators = ValidatorSetSources.For(chain);
    }

    public Address Validator => _key.Address;

    /// <summary>
    /// Builds and commits the next block at <paramref name="timestamp"/> (unix seconds; raised to the
    /// parent's + 1 when not above it, so block time strictly increases). Returns null, writing nothing,
    /// when no transaction could be included and <paramref name="allowEmpty"/> is false.
    /// </summary>
    /// <exception cref="ChainStoreException">The store refused the block; nothing was written and the head is unchanged.</exception>
    /// <exception cref="ValidatorSetUnknownException">GPoS recorded no usable set for the block's epoch; nothing was written.</exception>
    public ProducedBlock? TryProduce(ulong timestamp, bool allowEmpty = false)
    {
        var parent = _chain.Head;
        var number = parent.Number + 1;
        var time = Math.Max(timestamp, parent.Timestamp + 1);
        var baseFee = _chain.NextBaseFee(parent);
        var gasLimit = parent.GasLimit;

        var pooled = _chain.TxPool.GetPendingForBlock(gasLimit, baseFee, _maxTransactions);
        if (pooled.Count == 0 && !allowEmpty)
        {
            return null;
        }

        var candidates = new SenderTx[pooled.Count];
        for (var i = 0; i < candidates.Length; i++)
        {
            candidates[i] = new SenderTx(pooled[i].Transaction, pooled[i].Sender);
        }

        var lastCommit = LastCommit(parent);
        var epoch = _validators.EpochOf(number);
        var setHash = _validators.SetAt(number).Hash;
        var context = new BlockContext(number, time, _key.Address, baseFee, gasLimit, _chain.ChainId, epoch, lastCommit);
        var state = _chain.OpenState(parent.StateRoot);
        var result = _executor.BuildBlock(state, context, candidates);
        if (result.Transactions.IsEmpty && !allowEmpty)
        {
            // Everything offered was invalid on the head state; the pool's next head update drops it.
            return null;
        }

        var transactions = ImmutableArray.CreateBuilder<Aro.Core.Transactions.Transaction>(result.Transactions.Length);
        var senders = new Address[result.Transactions.Length];
        for (var i = 0; i < senders.Length; i++)
        {
            transactions.Add(result.Transactions[i].Transaction);
            senders[i] = result.Transactions[i].Sender;
        }

        var body = new BlockBody(transactions.MoveToImmutable(), lastCommit);
        var header = new BlockHeader
        {
            ParentHash = parent.Hash,
            Number = number,
            Timestamp = time,
            Proposer = _key.Address,
            StateRoot = state.ComputeRoot(),
            TransactionsRoot = DerivedRoots.Transactions(body),
            ReceiptsRoot = DerivedRoots.Receipts(result.Receipts),
            LogsBloom = result.LogsBloom,
            GasLimit = gasLimit,
            GasUsed = result.GasUsed,
            BaseFeePerGas = baseFee,
            Epoch = epoch,
            ValidatorSetHash = setHash,
            LastCommitHash = lastCommit?.Hash ?? Hash256.Zero,
        };
        var block = new Block(header, body);
        var commit = Sign(block.Number, block.Hash);
        _chain.CommitBlock(block, result.Receipts, senders, commit, state, result.BlockEvents);
        return new ProducedBlock(block, result.Receipts, result.Skipped.Length);
    }

    private Commit? LastCommit(BlockHeader parent)
    {
        if (parent.Number == 0)
        {
            return null;
        }

        // Stored with the parent in its batch. Only a database written by another tool can lack it;
        // this key alone finalises the chain, and signing the precommit of a block that is already
        // committed at its height is not a second vote for anything else.
        return _chain.Store.GetCommit(parent.Number) ?? Sign(parent.Number, parent.Hash);
    }

    private Commit Sign(ulong height, in Hash256 blockHash)
    {
        var signingHash = VoteSignBytes.SigningHash(_chain.ChainId, height, 0, VoteType.Precommit, blockHash);
        return new Commit(height, 0, blockHash, [CommitSignature.Sign(_validatorIndex, signingHash, _key.PrivateKey)]);
    }

    /// <summary>The key's index in the set as commits name it (address order), checked to carry a quorum alone.</summary>
    private static uint FindValidator(GenesisSpec genesis, ValidatorKey key)
    {
        var sorted = genesis.Validators.OrderBy(v => v.Address).ToArray();
        var index = Array.FindIndex(sorted, v => v.Address == key.Address);
        if (index < 0)
        {
            throw new ValidatorKeyException(
                $"the validator key {key.Address} is not a validator of this chain (genesis validators: {string.Join(", ", sorted.Select(v => v.Address.ToString()))}); "
                + "use the key file whose address is in the genesis \"validators\"");
        }

        // Strictly more than 2/3 of the power: the quorum a commit needs, here from one signature.
        UInt128 total = 0;
        foreach (var validator in sorted)
        {
            total += validator.Power;
        }

        if ((UInt128)sorted[index].Power * 3 <= total * 2)
        {
            throw new ValidatorKeyException(
                $"the validator {key.Address} holds {sorted[index].Power} of {total} voting power; a single producer needs more than 2/3 "
                + "(networks of several validators need the consensus engine)");
        }

        return (uint)index;
    }
}
