using Aro.Core;
using Aro.Execution.Execution;
using static Aro.Execution.Tests.Execution.ExecFixture;

namespace Aro.Execution.Tests.Execution;

public class TransferExecutionTests
{
    private static readonly Address AliceAddress = ExecTx.AddressOf(ExecTx.Alice);

    [Fact]
    public void Transfer_moves_value_and_charges_exactly_gas_used_times_effective_price()
    {
        var state = FundedState(ExecTx.Alice);
        var tx = ExecTx.From(ExecTx.Alice).Value(1_000).Tip(2).MaxFee(20).Gas(50_000).Signed();

        var result = Executor().BuildBlock(state, ExecTx.Block(baseFee: 10), [tx]);

        Assert.Equal(21_000UL, result.GasUsed);
        Assert.Equal((UInt256)12UL, result.Transactions[0].EffectiveGasPrice);
        Assert.Equal(Funds - 1_000UL - (21_000UL * 12UL), state.GetBalance(AliceAddress));
        Assert.Equal((UInt256)1_000UL, state.GetBalance(ExecTx.Recipient));
        Assert.Equal(1UL, state.GetNonce(AliceAddress));
    }

    [Fact]
    public void Tip_goes_to_the_proposer_and_the_base_fee_is_burnt()
    {
        var state = FundedState(ExecTx.Alice);
        var tx = ExecTx.From(ExecTx.Alice).Value(5).Tip(3).MaxFee(100).Signed();

        var result = Executor().BuildBlock(state, ExecTx.Block(baseFee: 7), [tx]);

        Assert.Equal((UInt256)(21_000UL * 3), state.GetBalance(ExecTx.Proposer));
        Assert.Equal((UInt256)(21_000UL * 7), result.BaseFeeBurnt);
        Assert.Equal((UInt256)(21_000UL * 3), result.PaidToProposer);
        var total = state.GetBalance(AliceAddress) + state.GetBalance(ExecTx.Recipient) + state.GetBalance(ExecTx.Proposer);
        Assert.Equal(Funds, total + result.BaseFeeBurnt);
    }

    [Fact]
    public void Tip_is_capped_by_max_fee_minus_base_fee()
    {
        var state = FundedState(ExecTx.Alice);
        var tx = ExecTx.From(ExecTx.Alice).Tip(5).MaxFee(12).Signed();

        var result = Executor().BuildBlock(state, ExecTx.Block(baseFee: 10), [tx]);

        Assert.Equal((UInt256)12UL, result.Transactions[0].EffectiveGasPrice);
        Assert.Equal((UInt256)(21_000UL * 2), state.GetBalance(ExecTx.Proposer));
    }

    [Fact]
    public void Proposer_receives_the_whole_price_when_the_base_fee_is_not_burnt()
    {
        var state = FundedState(ExecTx.Alice);
        var executor = new BlockExecutor(new ExecutionParameters { BurnBaseFee = false }, Aro.Execution.Modules.ModuleHost.Empty);

        var result = executor.BuildBlock(state, ExecTx.Block(baseFee: 10), [ExecTx.From(ExecTx.Alice).Tip(2).MaxFee(20).Signed()]);

        Assert.True(result.BaseFeeBurnt.IsZero);
        Assert.Equal((UInt256)(21_000UL * 12), state.GetBalance(ExecTx.Proposer));
    }

    [Fact]
    public void With_a_fee_recipient_the_tip_goes_there_instead_of_the_proposer()
    {
        var state = FundedState(ExecTx.Alice);
        var recipient = Address.Parse("0x000000000000000000000000000000000000a120");
        var executor = new BlockExecutor(new ExecutionParameters { FeeRecipient = recipient }, Aro.Execution.Modules.ModuleHost.Empty);

        var result = executor.BuildBlock(state, ExecTx.Block(baseFee: 7), [ExecTx.From(ExecTx.Alice).Tip(3).MaxFee(100).Signed()]);

        Assert.Equal((UInt256)(21_000UL * 3), state.GetBalance(recipient));
        Assert.True(state.GetBalance(ExecTx.Proposer).IsZero);
        Assert.Equal((UInt256)(21_000UL * 7), result.BaseFeeBurnt);
    }

    [Fact]
    public void Receipts_carry_status_and_cumulative_gas()
    {
        var state = FundedState(ExecTx.Alice);
        SenderTx[] txs = [ExecTx.From(ExecTx.Alice).Nonce(0).Signed(), ExecTx.From(ExecTx.Alice).Nonce(1).Signed()];

        var result = Executor().BuildBlock(state, ExecTx.Block(baseFee: 10), txs);

        Assert.Equal([21_000UL, 42_000UL], result.Receipts.Select(r => r.CumulativeGasUsed));
        Assert.All(result.Receipts, r => Assert.True(r.Succeeded));
        Assert.All(result.Receipts, r => Assert.True(r.Bloom.IsEmpty));
        Assert.Equal(42_000UL, result.GasUsed);
    }

    [Fact]
    public void Senders_recovered_in_parallel_match_the_signing_keys()
    {
        var txs = Enumerable.Range(0, 16).Select(i => ExecTx.From(i % 2 == 0 ? ExecTx.Alice : ExecTx.Bob).Nonce((ulong)i).Build()).ToArray();

        var recovered = BlockExecutor.RecoverSenders(txs, out var valid);

        Assert.All(valid, Assert.True);
        for (var i = 0; i < txs.Length; i++)
        {
            Assert.Equal(ExecTx.AddressOf(i % 2 == 0 ? ExecTx.Alice : ExecTx.Bob), recovered[i].Sender);
            Assert.Same(txs[i], recovered[i].Transaction);
        }
    }
}
