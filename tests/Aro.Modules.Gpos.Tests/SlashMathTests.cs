using Aro.Core;
using Aro.Modules.Gpos.Slashing;

namespace Aro.Modules.Gpos.Tests;

public class SlashMathTests
{
    [Theory]
    [InlineData(1UL, 1U, 1UL)]
    [InlineData(1_000_000UL, 1U, 1UL)]
    [InlineData(1_000_001UL, 1U, 2UL)]
    [InlineData(999UL, 10_000U, 10UL)]
    [InlineData(5UL, 0U, 0UL)]
    [InlineData(7UL, 1_000_000U, 7UL)]
    public void A_slash_fraction_rounds_up(ulong amount, uint ppm, ulong expected)
    {
        Assert.Equal((UInt256)expected, Slasher.Fraction(amount, ppm));
    }
}
