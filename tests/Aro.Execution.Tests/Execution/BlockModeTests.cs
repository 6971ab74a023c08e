using Aro.Execution.Execution;
using static Aro.Execution.Tests.Execution.ExecFixture;

namespace Aro.Execution.Tests.Execution;

public class BlockModeTests
{
    [Fact]
    public void Build_skips_an_invalid_transaction_and_includes_later_valid_ones()
    {
        var state = FundedState(ExecTx.Alice, ExecTx.Bob);
        SenderTx[] txs = [ExecTx.From(ExecTx.Alice).Nonce(5).Signed(), ExecTx.From(ExecTx.Bob).Signed()];

        var result = Executor().BuildBlock(state, ExecTx.Block(10), txs);

        Assert.Equal(0, Assert.Single(result.Skipped).Index);
        Assert.Same(txs[1].Transaction, Assert.Single(result.Transactions).Transaction);
    }

    [Fact]
    public void Build_leaves_out_transactions_beyond_the_block_gas_limit()
    {
        var state = FundedState(ExecTx.Alice, ExecTx.Bob);
        SenderTx[] txs =
        [
            ExecTx.From(ExecTx.Alice).Nonce(0).Signed(),
            ExecTx.From(ExecTx.Alice).Nonce(1).Signed(),
            ExecTx.From(ExecTx.Bob).Nonce(0).Gas(30_000).Signed(),
        ];

        var result = Executor().BuildBlock(state, ExecTx.Block(10, gasLimit: 50_000), txs);

        Assert.Equal(2, result.Transactions.Length);
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal((2, InvalidTxReason.BlockGasLimitExceeded), (skipped.Index, skipped.Reason));
        Assert.True(result.GasUsed <= 50_000);
    }

    [Fact]
    public void Validate_rejects_a_block_with_an_invalid_transaction_and_restores_the_state()
    {
        var state = FundedState(ExecTx.Alice);
        var before = state.ComputeRoot();
        SenderTx[] txs = [ExecTx.From(ExecTx.Alice).Nonce(0).Value(9).Signed(), ExecTx.From(ExecTx.Alice).Nonce(0).Signed()];

        var error = Assert.Throws<BlockValidationException>(() => Executor().ValidateBlock(state, ExecTx.Block(10), txs));

        Assert.Equal(1, error.Transaction!.Index);
        Assert.Equal(InvalidTxReason.NonceTooLow, error.Transaction.Reason);
        Assert.Equal(before, state.ComputeRoot());
    }

    [Fact]
    public void Validate_accepts_a_block_of_valid_transactions_like_build()
    {
        SenderTx[] txs = [ExecTx.From(ExecTx.Alice).Value(3).Signed(), ExecTx.From(ExecTx.Bob).Value(4).Signed()];
        var built = FundedState(ExecTx.Alice, ExecTx.Bob);
        var validated = FundedState(ExecTx.Alice, ExecTx.Bob);

        var a = Executor().BuildBlock(built, ExecTx.Block(10), txs);
        var b = Executor().ValidateBlock(validated, ExecTx.Block(10), txs);

        Assert.Equal(built.ComputeRoot(), validated.ComputeRoot());
        Assert.Equal(Aro.State.DerivedRoots.Receipts(a.Receipts), Aro.State.DerivedRoots.Receipts(b.Receipts));
    }

    [Fact]
    public void Validate_restores_the_state_when_a_hook_throws()
    {
        var state = FundedState(ExecTx.Alice);
        var before = state.ComputeRoot();

        Assert.Throws<InvalidOperationException>(() =>
            Executor(new ThrowingHookModule()).ValidateBlock(state, ExecTx.Block(10), [ExecTx.From(ExecTx.Alice).Signed()]));

        Assert.Equal(before, state.ComputeRoot());
    }
}
