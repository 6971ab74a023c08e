using Aro.Core;
using Aro.Core.Abi;
using Aro.Execution.Modules;

namespace Aro.Execution.Tests.Modules;

/// <summary>
/// A test module that calls into another module's keeper through <see cref="ModuleContext.For"/>:
/// <c>forward(uint256)</c> adds to the counter module's stored value and emits the counter's event;
/// <c>forwardThenFail(uint256)</c> does the same and then reverts.
/// </summary>
internal sealed class ForwardingModule(CounterModule counter) : IModule
{
    public static readonly Address DefaultAddress = Address.Parse("0x00000000000000000000000000000000000a0002");

    public static readonly AbiFunction Forward = AbiFunction.Parse("forward(uint256)");
    public static readonly AbiFunction ForwardThenFail = AbiFunction.Parse("forwardThenFail(uint256)");

    public Address SystemAddress => DefaultAddress;

    public string Name => "forwarding";

    public IReadOnlyDictionary<AbiSelector, ulong> GasTable { get; } = new Dictionary<AbiSelector, ulong>
    {
        [Forward.Selector] = 1_000,
        [ForwardThenFail.Selector] = 1_000,
    };

    public bool AcceptsPlainValue => false;

    public void BeginBlock(ModuleContext context)
    {
    }

    public void EndBlock(ModuleContext context)
    {
    }

    public ModuleCallResult Call(ModuleContext context, CallInput input, GasMeter gas)
    {
        AbiSelector.TryRead(input.Calldata.Span, out var selector);
        var amount = Forward.DecodeArguments(input.Calldata.Span[AbiSelector.Size..])[0].AsUInt256();
        counter.AddFrom(context.For(counter), input.Sender, amount);
        if (selector == ForwardThenFail.Selector)
        {
            throw new ModuleRevertException("forwarded, then failed");
        }

        return ModuleCallResult.Success([]);
    }

    public ModuleCallResult Query(ModuleQueryContext context, ReadOnlySpan<byte> calldata) =>
        ModuleCallResult.Revert([]);
}
