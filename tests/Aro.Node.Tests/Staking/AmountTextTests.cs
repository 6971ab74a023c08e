using Aro.Core;
using Aro.Node.Cli.Staking;

namespace Aro.Node.Tests.Staking;

public sealed class AmountTextTests
{
    [Theory]
    [InlineData("1", "1")]
    [InlineData("1000aro", "1000000000000000000000")]
    [InlineData("0.5aro", "500000000000000000")]
    [InlineData("1.000000000000000001ARO", "1000000000000000001")]
    public void Wei_and_aro_amounts_parse_exactly(string text, string wei)
    {
        Assert.True(AmountText.TryParse(text, out var value, out _));
        Assert.Equal(UInt256.Parse(wei), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.5")]
    [InlineData("-1aro")]
    [InlineData("1.aro")]
    [InlineData("0.0000000000000000001aro")]
    [InlineData("1e18")]
    [InlineData("aro")]
    public void Malformed_amounts_are_refused(string text)
    {
        Assert.False(AmountText.TryParse(text, out _, out var problem));
        Assert.NotEmpty(problem);
    }
}
