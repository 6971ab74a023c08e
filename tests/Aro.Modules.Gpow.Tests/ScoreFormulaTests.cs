using Aro.Core;

namespace Aro.Modules.Gpow.Tests;

public class ScoreFormulaTests
{
    private static readonly GpowParams P = new();

    [Theory]
    [InlineData(0, 0, 20, false, 1_000_000, 0u, 20_000_000)]
    [InlineData(3, 0, 20, true, 1_000_000, 0u, 90_000_000)]
    [InlineData(2, 8, 20, false, 1_000_000, 0u, 5_000_000)]
    [InlineData(2, 2, 4, false, 1_000_000, 0u, 2_000_000)]
    [InlineData(2, 0, 51, false, 500_000, 24u, 48_750_000)]
    [InlineData(1, 4, 100, true, 333_333, 6u, 9_359_989)]
    public void Contribution_score_follows_the_published_tables_in_fixed_point(
        byte ipClass, ushort changes, uint mbps, bool nat, uint uptime, uint streak, ulong expected)
    {
        var verdict = new Verdict(Address.Zero, ipClass, changes, mbps, nat, uptime);

        Assert.Equal((UInt256)expected, ContributionScore.Compute(P, verdict, streak));
    }

    [Fact]
    public void Median_of_an_even_count_takes_the_lower_middle_value()
    {
        Verdict V(uint uptime) => new(Address.Zero, 0, 0, 0, false, uptime);

        Assert.Equal(200u, ContributionScore.Median([V(400), V(100), V(300), V(200)]).UptimePpm);
    }

    [Fact]
    public void Assignment_is_a_pure_function_of_the_seed_and_the_edge()
    {
        var seed = Aro.Core.Crypto.Keccak256.Hash([1, 2, 3]);
        var edge = Account.Of(1).Address;

        Assert.Equal(Assignment.Keepers(seed, edge, 10, 3), Assignment.Keepers(seed, edge, 10, 3));
        Assert.Equal(3, Assignment.Keepers(seed, edge, 10, 3).Distinct().Count());
        Assert.Equal([0, 1], Assignment.Keepers(seed, edge, 2, 3));
    }
}
