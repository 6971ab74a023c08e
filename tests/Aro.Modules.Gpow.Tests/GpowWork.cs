using Aro.Core;
using Aro.Execution.Execution;
using Aro.Modules.Gpos.Interop;

namespace Aro.Modules.Gpow.Tests;

/// <summary>Asks the module for verified work through <see cref="IVerifiedWorkSource"/>, as GPoS does from its own hook.</summary>
internal sealed class GpowWork(GpowChain chain)
{
    public UInt256 Of(Account keeper, ulong from, ulong to) => Ask((source, context) => source.VerifiedWork(context, keeper.Address, from, to));

    public UInt256 Total(ulong from, ulong to) => Ask((source, context) => source.TotalVerifiedWork(context, from, to));

    // A probe module's end-block receives a real ModuleContext and asks GPoW through the interface.
    private UInt256 Ask(Func<IVerifiedWorkSource, Aro.Execution.Modules.ModuleContext, UInt256> ask)
    {
        UInt256 answer = 0;
        var probe = new ProbeModule(context => answer = ask(chain.Module, context));
        var executor = new BlockExecutor(new ExecutionParameters(), new Aro.Execution.Modules.ModuleHost([probe]));
        executor.BuildBlock(chain.Shadow(), new BlockContext(chain.Height + 1, chain.TimeOf(chain.Height + 1), GpowChain.Proposer, 1, 60_000_000, GpowChain.ChainId, 0), []);
        return answer;
    }

    private sealed class ProbeModule(Action<Aro.Execution.Modules.ModuleContext> onEndBlock) : Aro.Execution.Modules.IModule
    {
        public Address SystemAddress { get; } = Address.Parse("0x000000000000000000000000000000000000a1fe");

        public string Name => "probe";

        public IReadOnlyDictionary<Aro.Core.Abi.AbiSelector, ulong> GasTable { get; } = new Dictionary<Aro.Core.Abi.AbiSelector, ulong>();

        public bool AcceptsPlainValue => false;

        public void BeginBlock(Aro.Execution.Modules.ModuleContext context)
        {
        }

        public void EndBlock(Aro.Execution.Modules.ModuleContext context) => onEndBlock(context);

        public Aro.Execution.Modules.ModuleCallResult Call(Aro.Execution.Modules.ModuleContext context, Aro.Execution.Modules.CallInput input, Aro.Execution.Modules.GasMeter gas) =>
            throw new NotSupportedException();

        public Aro.Execution.Modules.ModuleCallResult Query(Aro.Execution.Modules.ModuleQueryContext context, ReadOnlySpan<byte> calldata) =>
            throw new NotSupportedException();
    }
}
