using System.Collections.Frozen;
using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Blocks;

namespace Aro.Consensus.Validators;

/// <summary>
/// The validators of one height, in canonical order (address ascending: the order the header's
/// validator-set hash uses and the index a commit signature or vote names), with their proposer
/// priorities. Immutable: advancing the proposer returns a new set.
/// </summary>
public sealed partial class ValidatorSet
{
    /// <summary>As in CometBFT: keeps priority arithmetic (sums, the 2× window) far from overflow.</summary>
    public const long MaxTotalPower = long.MaxValue / 8;

    private readonly ImmutableArray<Validator> _validators;
    private readonly ImmutableArray<long> _priorities;
    private readonly FrozenDictionary<Address, int> _indexByAddress;
    private readonly int _proposerIndex;

    /// <exception cref="ArgumentException">No validators, a duplicate address, or total power above <see cref="MaxTotalPower"/>.</exception>
    public static ValidatorSet Create(IEnumerable<Validator> validators)
    {
        ArgumentNullException.ThrowIfNull(validators);
        var sorted = validators.ToArray();
        Array.Sort(sorted, static (a, b) => a.Address.CompareTo(b.Address));
        if (sorted.Length == 0)
        {
            throw new ArgumentException("A validator set has at least one validator.", nameof(validators));
        }

        ulong total = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i > 0 && sorted[i].Address == sorted[i - 1].Address)
            {
                throw new ArgumentException($"Validator {sorted[i].Address} appears twice.", nameof(validators));
            }

            total += sorted[i].Power;
            if (sorted[i].Power > MaxTotalPower || total > MaxTotalPower)
            {
                throw new ArgumentException($"Total voting power exceeds {MaxTotalPower}.", nameof(validators));
            }
        }

        // CometBFT gives every genesis validator the same starting priority and then advances once;
        // equal priorities centre to zero, so starting at zero and advancing once is the same.
        var fresh = new ValidatorSet([.. sorted], ImmutableArray.Create(new long[sorted.Length]), (long)total, proposerIndex: 0);
        return fresh.AdvanceProposer(1);
    }

    private ValidatorSet(ImmutableArray<Validator> validators, ImmutableArray<long> priorities, long totalPower, int proposerIndex, FrozenDictionary<Address, int>? index = null)
    {
        _proposerIndex = proposerIndex;
        _validators = validators;
        _priorities = priorities;
        TotalPower = totalPower;
        _indexByAddress = index ?? BuildIndex(validators);
        Hash = ValidatorSetHash.Compute(validators.Select(v => new ValidatorPower(v.Address, v.Power)));
    }

    public int Count => _validators.Length;

    public long TotalPower { get; }

    /// <summary>The header's validator-set hash of these validators (priorities are not part of it).</summary>
    public Hash256 Hash { get; }

    public Validator this[int index] => _validators[index];

    public ImmutableArray<Validator> Validators => _validators;

    /// <summary>Proposer priority of the validator at <paramref name="index"/>.</summary>
    public long PriorityOf(int index) => _priorities[index];

    public bool TryGetIndex(in Address address, out int index) => _indexByAddress.TryGetValue(address, out index);

    /// <summary>More than two thirds of the total power: enough to decide.</summary>
    public bool IsQuorum(long power) => (Int128)power * 3 > (Int128)TotalPower * 2;

    /// <summary>More than one third of the total power: at least one honest validator is among them.</summary>
    public bool IsOneThirdPlus(long power) => (Int128)power * 3 > TotalPower;

    private static FrozenDictionary<Address, int> BuildIndex(ImmutableArray<Validator> validators)
    {
        var index = new Dictionary<Address, int>(validators.Length);
        for (var i = 0; i < validators.Length; i++)
        {
            index[validators[i].Address] = i;
        }

        return index.ToFrozenDictionary();
    }
}
