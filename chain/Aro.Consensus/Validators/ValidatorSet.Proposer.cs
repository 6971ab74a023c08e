using System.Collections.Immutable;

namespace Aro.Consensus.Validators;

/// <summary>
/// CometBFT's weighted round robin, integer only. Each advance: rescale priorities so their spread
/// is at most 2 × total power, subtract the (floor) average, then per step add every validator's
/// power to its priority, pick the highest (ties: lowest address) and subtract the total from it.
/// The proposer of a set is the validator picked by the last step of the advance that made it
/// (CometBFT's <c>vals.Proposer</c>), not the one with the highest priority afterwards.
/// </summary>
public sealed partial class ValidatorSet
{
    private const long PriorityWindowFactor = 2;

    /// <summary>The validator that proposes with these priorities.</summary>
    public Validator Proposer => _validators[ProposerIndex];

    public int ProposerIndex => _proposerIndex;

    /// <summary>The set after <paramref name="times"/> proposer rotations (one per round, and one per height).</summary>
    public ValidatorSet AdvanceProposer(uint times)
    {
        if (times == 0)
        {
            return this;
        }

        var priorities = _priorities.ToArray();
        Rescale(priorities, PriorityWindowFactor * TotalPower);
        ShiftByAverage(priorities);
        var chosen = 0;
        for (var step = 0u; step < times; step++)
        {
            for (var i = 0; i < priorities.Length; i++)
            {
                priorities[i] = AddClip(priorities[i], (long)_validators[i].Power);
            }

            chosen = MostPriority(priorities);
            priorities[chosen] = SubtractClip(priorities[chosen], TotalPower);
        }

        return new ValidatorSet(_validators, ImmutableArray.Create(priorities), TotalPower, chosen, _indexByAddress);
    }

    private static int MostPriority(ReadOnlySpan<long> priorities)
    {
        // Index order is address order, so the first maximum is the lowest address: CometBFT's tie-break.
        var best = 0;
        for (var i = 1; i < priorities.Length; i++)
        {
            if (priorities[i] > priorities[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static void Rescale(long[] priorities, long window)
    {
        var min = long.MaxValue;
        var max = long.MinValue;
        foreach (var priority in priorities)
        {
            min = Math.Min(min, priority);
            max = Math.Max(max, priority);
        }

        var spread = (Int128)max - min;
        if (spread <= window)
        {
            return;
        }

        var ratio = (long)((spread + window - 1) / window);
        for (var i = 0; i < priorities.Length; i++)
        {
            priorities[i] /= ratio; // truncates toward zero, as Go's int64 division
        }
    }

    private static void ShiftByAverage(long[] priorities)
    {
        Int128 sum = 0;
        foreach (var priority in priorities)
        {
            sum += priority;
        }

        // Go's big.Int.Div is Euclidean: for a positive divisor it rounds toward minus infinity.
        Int128 n = priorities.Length;
        var average = sum / n;
        if (sum % n < 0)
        {
            average -= 1;
        }

        for (var i = 0; i < priorities.Length; i++)
        {
            priorities[i] = SubtractClip(priorities[i], (long)average);
        }
    }

    private static long AddClip(long a, long b) => (long)Int128.Clamp((Int128)a + b, long.MinValue, long.MaxValue);

    private static long SubtractClip(long a, long b) => (long)Int128.Clamp((Int128)a - b, long.MinValue, long.MaxValue);
}
