using Aro.Core;
using Aro.Execution.Modules;

namespace Aro.Modules.Gpos;

/// <summary>Integer share arithmetic: floor for what a holder receives, ceiling for what a holder gives up.</summary>
internal static class StakeMath
{
    /// <summary>⌊a·b / c⌋; reverts the call (never throws OverflowException into the host) when a·b exceeds 256 bits.</summary>
    public static UInt256 MulDiv(in UInt256 a, in UInt256 b, in UInt256 c)
    {
        if (!UInt256.TryMultiply(a, b, out var product))
        {
            throw new ModuleRevertException("stake arithmetic overflow");
        }

        return product / c;
    }

    /// <summary>⌈a·b / c⌉.</summary>
    public static UInt256 MulDivUp(in UInt256 a, in UInt256 b, in UInt256 c)
    {
        if (!UInt256.TryMultiply(a, b, out var product))
        {
            throw new ModuleRevertException("stake arithmetic overflow");
        }

        var quotient = UInt256.DivRem(product, c, out var remainder);
        return remainder.IsZero ? quotient : quotient + UInt256.One;
    }

    /// <summary>Shares minted for <paramref name="amount"/> wei joining a pool (floor: the pool never loses).</summary>
    public static UInt256 SharesFor(in UInt256 amount, in UInt256 tokens, in UInt256 totalShares)
    {
        if (totalShares.IsZero)
        {
            return amount;
        }

        // Shares without tokens (a pool slashed to nothing) have no exchange rate to mint at.
        return tokens.IsZero ? throw new ModuleRevertException("keeper pool has no tokens") : MulDiv(amount, totalShares, tokens);
    }

    /// <summary>Wei <paramref name="shares"/> of a pool are worth (floor).</summary>
    public static UInt256 TokensOf(in UInt256 shares, in UInt256 tokens, in UInt256 totalShares) =>
        totalShares.IsZero ? UInt256.Zero : MulDiv(shares, tokens, totalShares);
}
