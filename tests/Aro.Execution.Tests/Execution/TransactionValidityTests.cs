using Aro.Core;
using Aro.Execution.Execution;
using static Aro.Execution.Tests.Execution.ExecFixture;

namespace Aro.Execution.Tests.Execution;

public class TransactionValidityTests
{
    private static InvalidTxReason RejectionOf(SenderTx tx, ulong accountNonce = 0, UInt256? funds = null, UInt256? baseFee = null)
    {
        var state = new Aro.State.World.WorldState(new Aro.State.Trie.MemoryTrieNodeStore());
        state.AddBalance(tx.Sender, funds ?? Funds);
        state.SetNonce(tx.Sender, accountNonce);

        var result = Executor().BuildBlock(state, ExecTx.Block(baseFee ?? 10UL), [tx]);

        Assert.Empty(result.Receipts);
        return Assert.Single(result.Skipped).Reason;
    }

    [Fact]
    public void Nonce_below_the_account_nonce_is_invalid() =>
        Assert.Equal(InvalidTxReason.NonceTooLow, RejectionOf(ExecTx.From(ExecTx.Alice).Nonce(2).Signed(), accountNonce: 3));

    [Fact]
    public void Nonce_above_the_account_nonce_is_invalid() =>
        Assert.Equal(InvalidTxReason.NonceTooHigh, RejectionOf(ExecTx.From(ExecTx.Alice).Nonce(4).Signed(), accountNonce: 3));

    [Fact]
    public void Balance_below_gas_limit_times_max_fee_plus_value_is_invalid()
    {
        // Effective price 12 would be affordable; the check is at the fee cap 20.
        var tx = ExecTx.From(ExecTx.Alice).Tip(2).MaxFee(20).Value(1).Signed();
        Assert.Equal(InvalidTxReason.InsufficientFunds, RejectionOf(tx, funds: (21_000UL * 20)));
    }

    [Fact]
    public void Balance_of_exactly_gas_limit_times_max_fee_plus_value_is_enough()
    {
        var state = new Aro.State.World.WorldState(new Aro.State.Trie.MemoryTrieNodeStore());
        var tx = ExecTx.From(ExecTx.Alice).Tip(2).MaxFee(20).Value(1).Signed();
        state.AddBalance(tx.Sender, (21_000UL * 20) + 1);

        var result = Executor().BuildBlock(state, ExecTx.Block(10), [tx]);

        Assert.Empty(result.Skipped);
    }

    [Fact]
    public void Max_fee_below_the_base_fee_is_invalid() =>
        Assert.Equal(InvalidTxReason.FeeCapBelowBaseFee, RejectionOf(ExecTx.From(ExecTx.Alice).Tip(1).MaxFee(9).Signed(), baseFee: 10UL));

    [Fact]
    public void Wrong_chain_id_is_invalid() =>
        Assert.Equal(InvalidTxReason.StaticRule, RejectionOf(ExecTx.From(ExecTx.Alice).OnChain(1).Signed()));

    [Fact]
    public void Gas_limit_below_intrinsic_gas_is_invalid() =>
        Assert.Equal(InvalidTxReason.StaticRule, RejectionOf(ExecTx.From(ExecTx.Alice).Gas(20_999).Signed()));

    [Fact]
    public void Contract_creation_is_not_supported() =>
        Assert.Equal(InvalidTxReason.ContractCreationNotSupported, RejectionOf(ExecTx.From(ExecTx.Alice).To(null).Gas(100_000).Signed()));

    [Fact]
    public void Unrecovered_sender_is_invalid()
    {
        var tx = ExecTx.From(ExecTx.Alice).Signed();
        var state = FundedState(ExecTx.Alice);

        var result = Executor().BuildBlock(state, ExecTx.Block(10), [tx with { Sender = Address.Zero }]);

        Assert.Equal(InvalidTxReason.InvalidSender, Assert.Single(result.Skipped).Reason);
    }
}
