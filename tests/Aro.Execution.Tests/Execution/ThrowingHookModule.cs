using Aro.Core;
using Aro.Core.Abi;
using Aro.Execution.Modules;

namespace Aro.Execution.Tests.Execution;

/// <summary>A module whose begin-block hook writes and emits and whose end-block hook throws: the block must fail with nothing left behind.</summary>
internal sealed class ThrowingHookModule : IModule
{
    public Address SystemAddress { get; } = Address.Parse("0x00000000000000000000000000000000000a0bad");

    public string Name => "throwing";

    public IReadOnlyDictionary<AbiSelector, ulong> GasTable { get; } = new Dictionary<AbiSelector, ulong>();

    public bool AcceptsPlainValue => false;

    public static readonly AbiEvent Begun = AbiEvent.Parse("Begun()");

    public void BeginBlock(ModuleContext context)
    {
        context.Store.Set([0x01], [0x02]);
        context.Emit(Begun);
    }

    public void EndBlock(ModuleContext context) => throw new InvalidOperationException("hook bug");

    public ModuleCallResult Call(ModuleContext context, CallInput input, GasMeter gas) => throw new NotSupportedException();

    public ModuleCallResult Query(ModuleQueryContext context, ReadOnlySpan<byte> calldata) => throw new NotSupportedException();
}
