using Aro.Core;
using Aro.Execution.Execution;

namespace Aro.Execution.Tests.Execution;

public class BaseFeeTests
{
    private const ulong GasLimit = 30_000_000;
    private static readonly UInt256 Parent = 1_000_000_000UL;
    private static readonly UInt256 Min = 7UL;

    [Fact]
    public void Gas_used_at_the_target_keeps_the_base_fee() =>
        Assert.Equal(Parent, BaseFee.Next(GasLimit / 2, GasLimit, Parent, Min));

    [Fact]
    public void Full_block_raises_the_base_fee_by_an_eighth() =>
        Assert.Equal((UInt256)1_125_000_000UL, BaseFee.Next(GasLimit, GasLimit, Parent, Min));

    [Fact]
    public void Empty_block_lowers_the_base_fee_by_an_eighth() =>
        Assert.Equal((UInt256)875_000_000UL, BaseFee.Next(0, GasLimit, Parent, Min));

    [Fact]
    public void Partial_deviation_is_proportional_and_rounds_down()
    {
        // used = target + target/2 -> +1/16; 1e9/16 = 62,500,000.
        Assert.Equal((UInt256)1_062_500_000UL, BaseFee.Next(22_500_000, GasLimit, Parent, Min));
    }

    [Fact]
    public void Increase_is_at_least_one_wei() =>
        Assert.Equal((UInt256)8UL, BaseFee.Next(15_000_001, GasLimit, 7UL, 1UL));

    [Fact]
    public void Decrease_stops_at_the_minimum_base_fee() =>
        Assert.Equal(Min, BaseFee.Next(0, GasLimit, 8UL, Min));

    [Fact]
    public void Parent_below_the_minimum_is_lifted_to_it() =>
        Assert.Equal(Min, BaseFee.Next(GasLimit / 2, GasLimit, 1UL, Min));
}
