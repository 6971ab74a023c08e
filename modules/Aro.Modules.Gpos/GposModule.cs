using System.Collections.Frozen;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Execution.Modules;
using Aro.Modules.Gpos.Abi;
using Aro.Modules.Gpos.Interop;
using Aro.Modules.Gpos.Rewards;
using Aro.Modules.Gpos.Settlement;
using Aro.Modules.Gpos.Slashing;
using Aro.Modules.Gpos.State;
using static Aro.Modules.Gpos.Abi.StakingAbi;

namespace Aro.Modules.Gpos;

/// <summary>
/// The GPoS native module (contracts/IStaking.sol) at <see cref="SystemAddress"/>: decodes calldata,
/// checks value, hands the work to <see cref="StakingKeeper"/> and encodes the result. Views answer
/// eth_call from the same records.
/// </summary>
public sealed partial class GposModule : IModule
{
    /// <summary>The module's fixed system address, 0x…A120.</summary>
    public static readonly Address Address = Address.Parse("0x000000000000000000000000000000000000a120");

    /// <summary>Name of the module's section in the genesis file.</summary>
    public const string GenesisSection = "gpos";

    private readonly FrozenDictionary<AbiSelector, Handler> _handlers;
    private readonly IVerifiedWorkSource? _workSource;
    private readonly IEdgeRewardSettlement? _edgeSettlement;

    /// <param name="workSource">GPoW's verified work for stake limits; null: every keeper gets the bootstrap allowance.</param>
    /// <param name="edgeSettlement">GPoW's edge reward settlement; null: the edge share stays in the keeper pool.</param>
    public GposModule(IVerifiedWorkSource? workSource = null, IEdgeRewardSettlement? edgeSettlement = null)
    {
        _workSource = workSource;
        _edgeSettlement = edgeSettlement;
        var handlers = new Dictionary<AbiSelector, Handler>
        {
            [Register.Selector] = new(Register, 60_000, CallRegister, null),
            [EditKeeper.Selector] = new(EditKeeper, 20_000, CallEditKeeper, null),
            [LeaveKeeper.Selector] = new(LeaveKeeper, 50_000, CallLeaveKeeper, null),
            [StakingAbi.Delegate.Selector] = new(StakingAbi.Delegate, 40_000, CallDelegate, null),
            [Undelegate.Selector] = new(Undelegate, 50_000, CallUndelegate, null),
            [Redelegate.Selector] = new(Redelegate, 60_000, CallRedelegate, null),
            [Withdraw.Selector] = new(Withdraw, 20_000, CallWithdraw, null),
            [SettlementAbi.ClaimRewards.Selector] = new(SettlementAbi.ClaimRewards, 30_000, CallClaimRewards, null),
            [SettlementAbi.ClaimCommission.Selector] = new(SettlementAbi.ClaimCommission, 20_000, CallClaimCommission, null),
            [Unjail.Selector] = new(Unjail, 30_000, CallUnjail, null),
            [SubmitDoubleSignEvidence.Selector] = new(SubmitDoubleSignEvidence, 100_000, CallSubmitDoubleSignEvidence, null),
        };
        foreach (var (function, gas, view) in StakingViews.All.Concat(SettlementViews.All))
        {
            handlers[function.Selector] = new(function, gas, null, view);
        }

        _handlers = handlers.ToFrozenDictionary();
        GasTable = _handlers.ToFrozenDictionary(static h => h.Key, static h => h.Value.Gas);
    }

    Address IModule.SystemAddress => Address;

    public string Name => GenesisSection;

    public IReadOnlyDictionary<AbiSelector, ulong> GasTable { get; }

    /// <summary>Value reaches the module only through payable methods, so every wei it holds is booked.</summary>
    public bool AcceptsPlainValue => false;

    /// <summary>The functions the module dispatches (message and view), for the ABI conformance test.</summary>
    internal IEnumerable<AbiFunction> DispatchedFunctions => _handlers.Values.Select(static h => h.Function);

    /// <summary>
    /// One pass over the commit this block carries (the previous block's), against the set of that block's
    /// epoch (<c>72</c>): each member's bit of the downtime window (S5) and, for members that signed, a signed
    /// block for rewards (S4).
    /// </summary>
    public void BeginBlock(ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Block.LastCommit is not { } commit)
        {
            return;
        }

        var store = new StakingStore(new WritableRecordStore(context.Store));
        if (!store.IsInitialized)
        {
            return;
        }

        var rewards = new EpochRewards(store, context, _edgeSettlement, Emitter(context));
        new DowntimeTracker(store, SlasherFor(context, store)).Track(commit, context.Block.ChainId, rewards.CreditSignedBlock);
    }

    /// <summary>Books the block's fees, then runs the epoch transition (settlement included) when the next block starts a new epoch.</summary>
    public void EndBlock(ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var store = new StakingStore(new WritableRecordStore(context.Store));
        if (!store.IsInitialized)
        {
            return;
        }

        var emit = Emitter(context);
        new EpochRewards(store, context, _edgeSettlement, emit).CollectFees();
        new StakingKeeper(store, context.Block.Number, emit, new EconomyHooks(context, _workSource, _edgeSettlement)).EndBlock();
    }

    public ModuleCallResult Call(ModuleContext context, CallInput input, GasMeter gas)
    {
        ArgumentNullException.ThrowIfNull(context);
        var calldata = input.Calldata.Span;
        if (!AbiSelector.TryRead(calldata, out var selector) || !_handlers.TryGetValue(selector, out var handler))
        {
            // The host only dispatches selectors of the gas table; this is defence in depth.
            throw ModuleRevertException.With(ModuleHost.UnknownSelector, AbiValue.Bytes(calldata[..Math.Min(4, calldata.Length)].ToArray()));
        }

        if (!input.Value.IsZero && handler.Function.StateMutability != AbiStateMutability.Payable)
        {
            throw ModuleRevertException.With(UnexpectedValue, AbiValue.UInt(input.Value));
        }

        var arguments = Decode(handler.Function, calldata);
        var store = new StakingStore(new WritableRecordStore(context.Store));
        RequireInitialized(store);
        if (handler.View is not null)
        {
            return ModuleCallResult.Success(handler.Function.EncodeResult(handler.View(store, arguments)));
        }

        var keeper = new StakingKeeper(store, context.Block.Number, Emitter(context), new EconomyHooks(context, _workSource, _edgeSettlement));
        return ModuleCallResult.Success(handler.Message!(new MessageContext(context, input, keeper), arguments));
    }

    public ModuleCallResult Query(ModuleQueryContext context, ReadOnlySpan<byte> calldata)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!AbiSelector.TryRead(calldata, out var selector) || !_handlers.TryGetValue(selector, out var handler))
        {
            throw ModuleRevertException.With(ModuleHost.UnknownSelector, AbiValue.Bytes(calldata[..Math.Min(4, calldata.Length)].ToArray()));
        }

        if (handler.View is null)
        {
            // Simulating a message needs a writable store; eth_estimateGas covers that path through a real call.
            return ModuleCallResult.Revert(AbiError.EncodeErrorString(handler.Function.Name + " is not a view"));
        }

        var arguments = Decode(handler.Function, calldata);
        var store = new StakingStore(new ReadOnlyRecordStore(context));
        RequireInitialized(store);
        return ModuleCallResult.Success(handler.Function.EncodeResult(handler.View(store, arguments)));
    }

    // ------------------------------------------------------------------ messages

    private static byte[] CallRegister(MessageContext m, AbiValue[] a)
    {
        m.Keeper.Register(m.Input.Sender, m.Input.Value, a[0].AsBytes(), Narrow16(a[1]), a[2].AsString(), a[3].AsString());
        return [];
    }

    private static byte[] CallEditKeeper(MessageContext m, AbiValue[] a)
    {
        m.Keeper.Edit(m.Input.Sender, Narrow16(a[0]), a[1].AsString(), a[2].AsString());
        return [];
    }

    private static byte[] CallLeaveKeeper(MessageContext m, AbiValue[] a) =>
        LeaveKeeper.EncodeResult(AbiValue.UInt(m.Keeper.Leave(m.Input.Sender)));

    private static byte[] CallDelegate(MessageContext m, AbiValue[] a) =>
        StakingAbi.Delegate.EncodeResult(AbiValue.UInt(m.Keeper.Delegate(m.Input.Sender, a[0].AsAddress(), m.Input.Value)));

    private static byte[] CallUndelegate(MessageContext m, AbiValue[] a)
    {
        var (id, completion) = m.Keeper.Undelegate(m.Input.Sender, a[0].AsAddress(), a[1].AsUInt256());
        return Undelegate.EncodeResult(AbiValue.UInt(id), AbiValue.UInt(completion));
    }

    private static byte[] CallRedelegate(MessageContext m, AbiValue[] a)
    {
        var (id, completion) = m.Keeper.Redelegate(m.Input.Sender, a[0].AsAddress(), a[1].AsAddress(), a[2].AsUInt256());
        return Redelegate.EncodeResult(AbiValue.UInt(id), AbiValue.UInt(completion));
    }

    private static byte[] CallWithdraw(MessageContext m, AbiValue[] a)
    {
        var amount = m.Keeper.TakeWithdrawable(m.Input.Sender);
        m.Context.Pay(m.Input.Sender, amount);
        return Withdraw.EncodeResult(AbiValue.UInt(amount));
    }

    private static byte[] CallClaimRewards(MessageContext m, AbiValue[] a)
    {
        var amount = m.Keeper.ClaimRewards(m.Input.Sender, a[0].AsAddress());
        m.Context.Pay(m.Input.Sender, amount);
        return SettlementAbi.ClaimRewards.EncodeResult(AbiValue.UInt(amount));
    }

    private static byte[] CallClaimCommission(MessageContext m, AbiValue[] a)
    {
        var amount = m.Keeper.ClaimCommission(m.Input.Sender);
        m.Context.Pay(m.Input.Sender, amount);
        return SettlementAbi.ClaimCommission.EncodeResult(AbiValue.UInt(amount));
    }

    // ------------------------------------------------------------------ plumbing

    /// <summary>Strict decoding; any malformed argument reverts with MalformedCalldata(selector).</summary>
    private static AbiValue[] Decode(AbiFunction function, ReadOnlySpan<byte> calldata)
    {
        try
        {
            return function.DecodeArguments(calldata[AbiSelector.Size..]);
        }
        catch (AbiFormatException e)
        {
            throw new ModuleRevertException(MalformedCalldata.Encode(AbiValue.Bytes(function.Selector.ToArray())), e.Message);
        }
    }

    // A chain whose genesis has no GPoS section has no params: refuse calls rather than fail the block.
    private static void RequireInitialized(StakingStore store)
    {
        if (!store.IsInitialized)
        {
            throw new ModuleRevertException("GPoS genesis section was not loaded");
        }
    }

    // The strict decoder has already checked that a uint16 argument fits 16 bits.
    private static ushort Narrow16(AbiValue value) => (ushort)value.AsUInt64();

    private static Action<AbiEvent, AbiValue[]> Emitter(ModuleContext context) => (e, values) => context.Emit(e, values);

    private sealed record MessageContext(ModuleContext Context, CallInput Input, StakingKeeper Keeper);

    private sealed record Handler(
        AbiFunction Function,
        ulong Gas,
        Func<MessageContext, AbiValue[], byte[]>? Message,
        Func<StakingStore, AbiValue[], AbiValue[]>? View);
}
