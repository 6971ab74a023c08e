using Aro.Core.Abi;

namespace Aro.Core.Tests.Abi;

/// <summary>Selectors and topics every Ethereum tool knows (ERC-20, Solidity's built-in errors).</summary>
public class AbiSelectorAndTopicTests
{
    [Theory]
    [InlineData("transfer(address,uint256)", "0xa9059cbb")]
    [InlineData("balanceOf(address)", "0x70a08231")]
    [InlineData("approve(address,uint256)", "0x095ea7b3")]
    [InlineData("transferFrom(address,address,uint256)", "0x23b872dd")]
    [InlineData("totalSupply()", "0x18160ddd")]
    [InlineData("allowance(address,address)", "0xdd62ed3e")]
    public void Erc20_function_selectors(string signature, string selector) =>
        Assert.Equal(selector, AbiFunction.Parse(signature).Selector.ToString());

    [Theory]
    [InlineData("Transfer(address,address,uint256)", "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")]
    [InlineData("Approval(address,address,uint256)", "0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925")]
    public void Erc20_event_topics(string signature, string topic) =>
        Assert.Equal(topic, AbiEvent.Parse(signature).Topic0.ToString());

    [Fact]
    public void Error_string_selector_is_08c379a0() =>
        Assert.Equal("0x08c379a0", AbiError.ErrorString.Selector.ToString());

    [Fact]
    public void Panic_selector_is_4e487b71() =>
        Assert.Equal("0x4e487b71", AbiError.Panic.Selector.ToString());

    [Fact]
    public void Reads_the_selector_from_calldata()
    {
        Assert.True(AbiSelector.TryRead([0xa9, 0x05, 0x9c, 0xbb, 0x00], out var selector));
        Assert.Equal(new AbiSelector(0xa9059cbb), selector);
        Assert.False(AbiSelector.TryRead([0xa9, 0x05, 0x9c], out _));
    }
}
