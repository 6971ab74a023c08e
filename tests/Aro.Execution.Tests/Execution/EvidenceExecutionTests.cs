using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Execution.Execution;
using Aro.Execution.Modules;
using Aro.Execution.Tests.Modules;
using static Aro.Execution.Tests.Execution.ExecFixture;

namespace Aro.Execution.Tests.Execution;

public class EvidenceExecutionTests
{
    [Fact]
    public void Evidence_runs_after_begin_block_and_before_the_transactions()
    {
        var order = new List<string>();
        var counter = new CounterModule(hookLog: order);
        var handler = new CounterEvidenceHandler(counter, order);
        var executor = new BlockExecutor(new ExecutionParameters(), new ModuleHost([counter]), handler);
        var tx = ExecTx.From(ExecTx.Alice).To(CounterModule.DefaultAddress).Gas(100_000).Data(CounterModule.Get.EncodeCall()).Signed();

        executor.BuildBlock(FundedState(ExecTx.Alice), BlockWith(DoubleSign(4)), [tx]);

        Assert.Equal(["begin " + CounterModule.DefaultAddress, "evidence 4", "end " + CounterModule.DefaultAddress], order);
    }

    [Fact]
    public void Each_piece_reaches_the_handler_in_block_order_and_its_events_are_block_logs()
    {
        var (result, counter) = Run(withHandler: true, DoubleSign(4), DoubleSign(6));

        Assert.Equal((UInt256)10UL, counter);
        Assert.Equal(2, result.BlockEvents.Count(l => l.Topics[0] == CounterModule.Incremented.Topic0));
        Assert.True(result.LogsBloom.Contains(CounterModule.DefaultAddress.Bytes));
    }

    [Fact]
    public void A_refused_piece_undoes_only_its_own_writes_and_is_recorded_as_EvidenceRefused()
    {
        var refused = DoubleSign(5, round: CounterEvidenceHandler.RefusedRound);

        var (result, counter) = Run(withHandler: true, DoubleSign(4), refused, DoubleSign(6));

        Assert.Equal((UInt256)10UL, counter);
        var log = Assert.Single(result.BlockEvents, l => l.Topics[0] == EvidenceEvents.Refused.Topic0);
        Assert.Equal(CounterModule.DefaultAddress, log.Address);
        Assert.Equal(refused.Hash, log.Topics[1]);
        Assert.Equal(2, result.BlockEvents.Count(l => l.Topics[0] == CounterModule.Incremented.Topic0));
    }

    [Fact]
    public void Without_a_handler_evidence_changes_no_state()
    {
        var (withEvidence, _) = Run(withHandler: false, DoubleSign(4));
        var stateWith = RootAfter(withHandler: false, DoubleSign(4));
        var stateWithout = RootAfter(withHandler: false);

        Assert.Empty(withEvidence.BlockEvents);
        Assert.Equal(stateWithout, stateWith);
    }

    [Fact]
    public void Validating_gives_the_state_building_gave()
    {
        var counter = new CounterModule();
        var executor = new BlockExecutor(new ExecutionParameters(), new ModuleHost([counter]), new CounterEvidenceHandler(counter));
        var built = FundedState(ExecTx.Alice);
        var validated = FundedState(ExecTx.Alice);
        var block = BlockWith(DoubleSign(4), DoubleSign(5, round: CounterEvidenceHandler.RefusedRound));

        executor.BuildBlock(built, block, []);
        executor.ValidateBlock(validated, block, []);

        Assert.Equal(built.ComputeRoot(), validated.ComputeRoot());
    }

    private static (BlockExecutionResult Result, UInt256 Counter) Run(bool withHandler, params DuplicateVoteEvidence[] evidence)
    {
        var counter = new CounterModule();
        var host = new ModuleHost([counter]);
        var executor = new BlockExecutor(new ExecutionParameters(), host, withHandler ? new CounterEvidenceHandler(counter) : null);
        var state = FundedState(ExecTx.Alice);
        var block = BlockWith(evidence);
        var result = executor.BuildBlock(state, block, []);
        var query = host.Query(state, block, CounterModule.DefaultAddress, CounterModule.Get.EncodeCall());
        return (result, CounterModule.Get.DecodeResult(query.Output)[0].AsUInt256());
    }

    private static Hash256 RootAfter(bool withHandler, params DuplicateVoteEvidence[] evidence)
    {
        var counter = new CounterModule();
        var executor = new BlockExecutor(new ExecutionParameters(), new ModuleHost([counter]), withHandler ? new CounterEvidenceHandler(counter) : null);
        var state = FundedState(ExecTx.Alice);
        executor.BuildBlock(state, BlockWith(evidence), []);
        return state.ComputeRoot();
    }

    private static BlockContext BlockWith(params DuplicateVoteEvidence[] evidence) =>
        ExecTx.Block(10) with { Number = 10, Evidence = [.. evidence] };

    private static DuplicateVoteEvidence DoubleSign(ulong height, uint round = 0)
    {
        var a = Vote.Sign(1, VoteType.Prevote, height, round, Keccak256.Hash("a"u8), 0, ExecTx.Bob);
        var b = Vote.Sign(1, VoteType.Prevote, height, round, Keccak256.Hash("b"u8), 0, ExecTx.Bob);
        return new DuplicateVoteEvidence(a, b);
    }

    /// <summary>Adds each piece's height to the counter; a piece of <see cref="RefusedRound"/> writes 999 and an event, then refuses.</summary>
    private sealed class CounterEvidenceHandler(CounterModule counter, List<string>? order = null) : IEvidenceHandler
    {
        public const uint RefusedRound = 1;

        public IModule Module => counter;

        public void Handle(ModuleContext context, DuplicateVoteEvidence evidence)
        {
            order?.Add($"evidence {evidence.Height}");
            if (evidence.Round == RefusedRound)
            {
                counter.AddFrom(context, Address.Zero, 999UL);
                throw new ModuleRevertException("refused");
            }

            counter.AddFrom(context, Address.Zero, evidence.Height);
        }
    }
}
