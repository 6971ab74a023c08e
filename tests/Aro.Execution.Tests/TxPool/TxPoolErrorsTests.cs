using Aro.Execution.TxPool;

namespace Aro.Execution.Tests.TxPool;

public class TxPoolErrorsTests
{
    [Fact]
    public void Every_refusal_has_a_distinct_message_and_a_JSON_RPC_error_code()
    {
        var refusals = Enum.GetValues<TxPoolError>().Where(e => e != TxPoolError.None).ToList();

        Assert.All(refusals, e => Assert.False(string.IsNullOrEmpty(TxPoolErrors.Message(e))));
        Assert.Equal(refusals.Count, refusals.Select(TxPoolErrors.Message).Distinct().Count());
        Assert.All(refusals, e => Assert.Equal(e == TxPoolError.MalformedTransaction ? -32602 : -32000, TxPoolErrors.JsonRpcCode(e)));
        Assert.Equal(0, TxPoolErrors.JsonRpcCode(TxPoolError.None));
    }

    [Theory]
    [InlineData(TxPoolError.NonceTooLow, "nonce too low")]
    [InlineData(TxPoolError.InsufficientFunds, "insufficient funds for gas * price + value")]
    [InlineData(TxPoolError.IntrinsicGasTooLow, "intrinsic gas too low")]
    [InlineData(TxPoolError.ExceedsBlockGasLimit, "exceeds block gas limit")]
    [InlineData(TxPoolError.Underpriced, "transaction underpriced")]
    [InlineData(TxPoolError.ReplacementUnderpriced, "replacement transaction underpriced")]
    [InlineData(TxPoolError.AlreadyKnown, "already known")]
    [InlineData(TxPoolError.TxPoolFull, "txpool is full")]
    [InlineData(TxPoolError.InvalidSender, "invalid sender")]
    [InlineData(TxPoolError.OversizedData, "oversized data")]
    [InlineData(TxPoolError.FeeCapBelowBaseFee, "max fee per gas less than block base fee")]
    public void Uses_go_ethereums_message(TxPoolError error, string message) =>
        Assert.Equal(message, TxPoolErrors.Message(error));
}
