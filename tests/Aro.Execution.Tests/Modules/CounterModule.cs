using Aro.Core;
using Aro.Core.Abi;
using Aro.Execution.Modules;

namespace Aro.Execution.Tests.Modules;

/// <summary>
/// A test module: a counter in its store, an event per change, a failing method that writes and
/// emits before reverting, a method that runs out of gas, and a view. With <c>hookEvents</c> its
/// begin-block and end-block hooks each emit an event naming the block.
/// </summary>
internal sealed class CounterModule : IModule
{
    public const ulong IncrementGas = 5_000;
    public const ulong FailGas = 3_000;
    public const ulong GetGas = 1_000;
    public const ulong BurnGas = 100;
    public const ulong WithdrawGas = 2_000;

    public static readonly Address DefaultAddress = Address.Parse("0x00000000000000000000000000000000000a0001");

    public static readonly AbiFunction Increment = AbiFunction.Parse("increment(uint256)", "(uint256)");
    public static readonly AbiFunction Fail = AbiFunction.Parse("fail(string)");
    public static readonly AbiFunction Get = AbiFunction.Parse("get()", "(uint256)", AbiStateMutability.View);
    public static readonly AbiFunction Burn = AbiFunction.Parse("burn()");
    public static readonly AbiFunction Withdraw = AbiFunction.Parse("withdraw(address,uint256)");
    public static readonly AbiEvent Incremented = AbiEvent.Parse("Incremented(address,uint256)", 0);
    public static readonly AbiEvent BlockBegun = AbiEvent.Parse("BlockBegun(uint64)");
    public static readonly AbiEvent BlockEnded = AbiEvent.Parse("BlockEnded(uint64)");

    private static readonly byte[] CounterKey = [0x01];

    private readonly List<string>? _hookLog;
    private readonly bool _hookEvents;

    public CounterModule(Address? address = null, bool acceptsPlainValue = false, List<string>? hookLog = null, bool hookEvents = false)
    {
        SystemAddress = address ?? DefaultAddress;
        AcceptsPlainValue = acceptsPlainValue;
        _hookLog = hookLog;
        _hookEvents = hookEvents;
        GasTable = new Dictionary<AbiSelector, ulong>
        {
            [Increment.Selector] = IncrementGas,
            [Fail.Selector] = FailGas,
            [Get.Selector] = GetGas,
            [Burn.Selector] = BurnGas,
            [Withdraw.Selector] = WithdrawGas,
        };
    }

    public Address SystemAddress { get; }

    public string Name => "counter";

    public IReadOnlyDictionary<AbiSelector, ulong> GasTable { get; }

    public bool AcceptsPlainValue { get; }

    public void BeginBlock(ModuleContext context)
    {
        _hookLog?.Add($"begin {SystemAddress}");
        if (_hookEvents)
        {
            context.Emit(BlockBegun, AbiValue.UInt(context.Block.Number));
        }
    }

    public void EndBlock(ModuleContext context)
    {
        _hookLog?.Add($"end {SystemAddress}");
        if (_hookEvents)
        {
            context.Emit(BlockEnded, AbiValue.UInt(context.Block.Number));
        }
    }

    public ModuleCallResult Call(ModuleContext context, CallInput input, GasMeter gas)
    {
        AbiSelector.TryRead(input.Calldata.Span, out var selector);
        var args = input.Calldata.Span[AbiSelector.Size..];
        if (selector == Increment.Selector)
        {
            var next = AddFrom(context, input.Sender, Increment.DecodeArguments(args)[0].AsUInt256());
            return ModuleCallResult.Success(Increment.EncodeResult(AbiValue.UInt(next)));
        }

        if (selector == Fail.Selector)
        {
            var reason = Fail.DecodeArguments(args)[0].AsString();
            context.Store.Set(CounterKey, ((UInt256)999UL).ToBigEndianMinimal());
            context.Emit(Incremented, AbiValue.Address(input.Sender), AbiValue.UInt(999UL));
            throw new ModuleRevertException(reason);
        }

        if (selector == Withdraw.Selector)
        {
            var withdraw = Withdraw.DecodeArguments(args);
            context.Pay(withdraw[0].AsAddress(), withdraw[1].AsUInt256());
            return ModuleCallResult.Success([]);
        }

        if (selector == Burn.Selector)
        {
            gas.Consume(ulong.MaxValue);
        }

        return ModuleCallResult.Success(Get.EncodeResult(AbiValue.UInt(Read(context.Store.Get(CounterKey)))));
    }

    public ModuleCallResult Query(ModuleQueryContext context, ReadOnlySpan<byte> calldata) =>
        ModuleCallResult.Success(Get.EncodeResult(AbiValue.UInt(Read(context.Get(CounterKey)))));

    /// <summary>The counter's keeper method: other modules reach it with a context from <see cref="ModuleContext.For"/>.</summary>
    public UInt256 AddFrom(ModuleContext context, in Address sender, in UInt256 amount)
    {
        var next = Read(context.Store.Get(CounterKey)) + amount;
        context.Store.Set(CounterKey, next.ToBigEndianMinimal());
        context.Emit(Incremented, AbiValue.Address(sender), AbiValue.UInt(next));
        return next;
    }

    private static UInt256 Read(byte[]? stored) => stored is null ? UInt256.Zero : UInt256.FromBigEndian(stored);
}
