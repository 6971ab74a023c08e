using Aro.Core;

namespace Aro.Execution.Execution;

/// <summary>EIP-1559's base-fee update (elasticity 2, change denominator 8), with a chain minimum as floor.</summary>
public static class BaseFee
{
    public const ulong ElasticityMultiplier = 2;
    public const ulong ChangeDenominator = 8;

    public static UInt256 Next(ulong parentGasUsed, ulong parentGasLimit, in UInt256 parentBaseFee, in UInt256 minBaseFee)
    {
        var target = parentGasLimit / ElasticityMultiplier;
        UInt256 next;
        if (target == 0 || parentGasUsed == target)
        {
            next = parentBaseFee;
        }
        else if (parentGasUsed > target)
        {
            // parentBaseFee × delta fits: delta < 2^64, and a base fee near 2^192 is no real chain.
            var delta = parentBaseFee * (UInt256)(parentGasUsed - target) / target / ChangeDenominator;
            if (delta.IsZero)
            {
                delta = UInt256.One;
            }

            next = UInt256.TryAdd(parentBaseFee, delta, out var sum) ? sum : UInt256.MaxValue;
        }
        else
        {
            var delta = parentBaseFee * (UInt256)(target - parentGasUsed) / target / ChangeDenominator;
            next = parentBaseFee - delta;
        }

        return next < minBaseFee ? minBaseFee : next;
    }
}
