using Aro.Consensus.Validators;
using Aro.Core;
using Aro.Modules.Gpos;
using Aro.Node.Chain;
using ConsensusValidator = Aro.Consensus.Validators.Validator;

namespace Aro.Node.Consensus;

/// <summary>
/// GPoS's epoch sets as consensus runs them. Height H is in epoch ⌊H / epochBlocks⌋ — the epoch GPoS's
/// state holds after block H−1, whose end-block starts it — and is decided by that epoch's set as
/// committed in state (records 71/72), each member's public key read from its keeper record (keys never
/// change and keeper records are never deleted). A set is read only from committed state, so it is final:
/// the set of epoch e exists once block e·epochBlocks − 1 is committed; asking earlier throws
/// <see cref="ValidatorSetUnknownException"/>.
/// </summary>
/// <remarks>
/// Proposer rule: fresh priorities at the epoch's first height (height 1 for epoch 0), as a genesis set
/// starts, then one advance per height. Unlike CometBFT, priorities are not carried across a set change:
/// the rotation of any height then follows from the stored set alone, so a node that syncs, restarts or
/// joins mid-chain derives the same proposer without replaying priorities from genesis, and nothing but
/// the set itself has to be kept in state. The cost is that the first proposers of an epoch are chosen
/// afresh (the highest power first) instead of continuing the previous epoch's queue.
/// Epoch sets are built once and cached (the last <see cref="CachedEpochs"/>); following the chain costs
/// one proposer advance per height.
/// </remarks>
internal sealed class GposValidatorSetSource : IValidatorSetSource
{
    private const int CachedEpochs = 4;

    private readonly ChainNode _chain;
    private readonly ulong _epochBlocks;
    private readonly Lock _lock = new();
    private readonly Dictionary<ulong, ValidatorSet> _firstOfEpoch = [];
    private ulong _lastHeight;
    private ValidatorSet? _last;

    public GposValidatorSetSource(ChainNode chain, ulong epochBlocks)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentOutOfRangeException.ThrowIfZero(epochBlocks);
        _chain = chain;
        _epochBlocks = epochBlocks;
    }

    /// <summary>How many times an epoch's set was built from state (for the cache test).</summary>
    internal int Builds { get; private set; }

    public ulong EpochOf(ulong height) => height / _epochBlocks;

    public ValidatorSet SetAt(ulong height)
    {
        ArgumentOutOfRangeException.ThrowIfZero(height);
        var epoch = EpochOf(height);
        lock (_lock)
        {
            ValidatorSet set;
            if (_last is not null && height >= _lastHeight && EpochOf(_lastHeight) == epoch)
            {
                set = _last.AdvanceProposer((uint)(height - _lastHeight));
            }
            else
            {
                set = FirstOf(epoch, height).AdvanceProposer((uint)(height - FirstHeight(epoch)));
            }

            _last = set;
            _lastHeight = height;
            return set;
        }
    }

    /// <summary>The first height an epoch's set decides (block 0 is genesis, decided by no one).</summary>
    internal ulong FirstHeight(ulong epoch) => epoch == 0 ? 1 : epoch * _epochBlocks;

    private ValidatorSet FirstOf(ulong epoch, ulong height)
    {
        if (_firstOfEpoch.TryGetValue(epoch, out var cached))
        {
            return cached;
        }

        var head = _chain.Head;
        var world = _chain.OpenState(head.StateRoot);
        var stored = GposModule.ValidatorSetOf(world, epoch) ?? throw new ValidatorSetUnknownException(
            $"the validator set of height {height} (epoch {epoch}) is not in committed state: it is fixed by block {FirstHeight(epoch) - 1}, the head is {head.Number}");
        if (stored.Members.IsEmpty)
        {
            throw new ValidatorSetUnknownException($"GPoS recorded an empty validator set for epoch {epoch}: no keeper can decide height {height}");
        }

        var validators = new ConsensusValidator[stored.Members.Length];
        for (var i = 0; i < validators.Length; i++)
        {
            var member = stored.Members[i];
            var key = GposModule.ConsensusKeyOf(world, member.Keeper);
            if (key is null || Address.FromPublicKey(key) != member.ConsensusAddress)
            {
                throw new InvalidOperationException($"validator {i} of epoch {epoch} (keeper {member.Keeper}) has no consensus key for {member.ConsensusAddress} in state");
            }

            validators[i] = new ConsensusValidator([.. key], member.Power);
        }

        var first = ValidatorSet.Create(validators);
        if (first.Hash != stored.Hash)
        {
            throw new InvalidOperationException($"the validator set of epoch {epoch} hashes to {first.Hash}, GPoS recorded {stored.Hash}");
        }

        if (_firstOfEpoch.Count >= CachedEpochs)
        {
            var oldest = ulong.MaxValue;
            foreach (var key in _firstOfEpoch.Keys)
            {
                oldest = Math.Min(oldest, key);
            }

            _firstOfEpoch.Remove(oldest);
        }

        _firstOfEpoch[epoch] = first;
        Builds++;
        return first;
    }
}
