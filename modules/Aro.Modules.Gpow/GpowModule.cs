using System.Collections.Frozen;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Execution.Modules;
using Aro.Modules.Gpos.Interop;
using Aro.Modules.Gpow.State;
using static Aro.Modules.Gpow.Abi.WorkProofAbi;

namespace Aro.Modules.Gpow;

/// <summary>
/// The GPoW native module (contracts/IWorkProof.sol) at <see cref="Address"/>: edge registry with TEE
/// attestation, work reports, keeper verdicts, storage challenges, scoring and edge settlement. It gives
/// GPoS verified work (<see cref="IVerifiedWorkSource"/>) and takes the edge pool
/// (<see cref="IEdgeRewardSettlement"/>); it asks GPoS for keepers and slashes through <see cref="IKeeperRegistry"/>.
/// </summary>
public sealed class GpowModule : IModule, IVerifiedWorkSource, IEdgeRewardSettlement
{
    /// <summary>The module's fixed system address, 0x…A130.</summary>
    public static readonly Address Address = Address.Parse("0x000000000000000000000000000000000000a130");

    /// <summary>Name of the module's section in the genesis file.</summary>
    public const string GenesisSection = "gpow";

    /// <summary>Gas per verdict entry on top of the method's base price (assignment hashing, one record read and write).</summary>
    public const ulong GasPerVerdict = 4_000;

    /// <summary>Gas per proof level of a challenge answer.</summary>
    public const ulong GasPerProofLevel = 500;

    private readonly IKeeperRegistry _registry;
    private readonly FrozenDictionary<AbiSelector, Handler> _handlers;

    public GpowModule(IKeeperRegistry registry)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        var handlers = new Dictionary<AbiSelector, Handler>
        {
            [RegisterEdge.Selector] = new(RegisterEdge, 500_000, CallRegister, null),
            [RenewAttestation.Selector] = new(RenewAttestation, 400_000, CallRenew, null),
            [SubmitWorkReport.Selector] = new(SubmitWorkReport, 30_000, CallReport, null),
            [SubmitVerdicts.Selector] = new(SubmitVerdicts, 20_000, CallVerdicts, null),
            [AnswerChallenge.Selector] = new(AnswerChallenge, 30_000, CallAnswer, null),
            [AnswerComputeChallenge.Selector] = new(AnswerComputeChallenge, 30_000, CallComputeAnswer, null),
            [ClaimEdgeRewards.Selector] = new(ClaimEdgeRewards, 20_000, CallClaim, null),
            [LeaveEdge.Selector] = new(LeaveEdge, 20_000, CallLeave, null),
            [WithdrawBond.Selector] = new(WithdrawBond, 20_000, CallWithdrawBond, null),
            [SetAttestationPolicy.Selector] = new(SetAttestationPolicy, 50_000, CallSetPolicy, null),
            [SetRootsOfTrust.Selector] = new(SetRootsOfTrust, 50_000, CallSetRoots, null),
        };
        foreach (var (function, view) in GpowViews.All)
        {
            handlers[function.Selector] = new(function, 5_000, null, view);
        }

        _handlers = handlers.ToFrozenDictionary();
        GasTable = _handlers.ToFrozenDictionary(static h => h.Key, static h => h.Value.Gas);
    }

    Address IModule.SystemAddress => Address;

    Address IEdgeRewardSettlement.Account => Address;

    public string Name => GenesisSection;

    public IReadOnlyDictionary<AbiSelector, ulong> GasTable { get; }

    /// <summary>Value enters only as a bond (registerEdge) or as the edge pool GPoS pays, so every wei is booked.</summary>
    public bool AcceptsPlainValue => false;

    internal IEnumerable<AbiFunction> DispatchedFunctions => _handlers.Values.Select(static h => h.Function);

    public void BeginBlock(ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var store = Store(context);
        if (store.IsInitialized)
        {
            new EpochProcessor(store, context, _registry).BeginBlock();
        }
    }

    public void EndBlock(ModuleContext context)
    {
    }

    public ModuleCallResult Call(ModuleContext context, CallInput input, GasMeter gas)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(gas);
        var calldata = input.Calldata.Span;
        var handler = Find(calldata);
        if (!input.Value.IsZero && handler.Function.StateMutability != AbiStateMutability.Payable)
        {
            throw ModuleRevertException.With(UnexpectedValue, AbiValue.UInt(input.Value));
        }

        var arguments = Decode(handler.Function, calldata);
        var store = Store(context);
        RequireInitialized(store);
        if (handler.View is not null)
        {
            return ModuleCallResult.Success(handler.Function.EncodeResult(handler.View(Reader(store), arguments)));
        }

        var message = new Message(context, input, gas, new WorkProofKeeper(store, context), new AttestationAdmin(store, context));
        return ModuleCallResult.Success(handler.Message!(message, arguments));
    }

    public ModuleCallResult Query(ModuleQueryContext context, ReadOnlySpan<byte> calldata)
    {
        ArgumentNullException.ThrowIfNull(context);
        var handler = Find(calldata);
        if (handler.View is null)
        {
            return ModuleCallResult.Revert(AbiError.EncodeErrorString(handler.Function.Name + " is not a view"));
        }

        var arguments = Decode(handler.Function, calldata);
        var reader = new GpowReader(key => context.Get(key));
        if (!reader.IsInitialized)
        {
            throw new ModuleRevertException("GPoW genesis section was not loaded");
        }

        return ModuleCallResult.Success(handler.Function.EncodeResult(handler.View(reader, arguments)));
    }

    // ------------------------------------------------------------------ interop with GPoS

    /// <inheritdoc />
    public UInt256 VerifiedWork(ModuleContext context, in Address keeper, ulong fromEpoch, ulong toEpoch)
    {
        ArgumentNullException.ThrowIfNull(context);
        var store = Store(context.For(this));
        UInt256 work = 0;
        if (!store.IsInitialized)
        {
            return work;
        }

        // Only scored epochs have work; the bound keeps the walk to epochs that exist.
        var last = Math.Min(toEpoch, store.Cursors.ScoreEpoch);
        for (var e = fromEpoch; e <= last && e < store.Cursors.ScoreEpoch; e++)
        {
            work += store.KeeperWork(e, keeper);
        }

        return work;
    }

    /// <inheritdoc />
    public UInt256 TotalVerifiedWork(ModuleContext context, ulong fromEpoch, ulong toEpoch)
    {
        ArgumentNullException.ThrowIfNull(context);
        var store = Store(context.For(this));
        UInt256 work = 0;
        if (!store.IsInitialized)
        {
            return work;
        }

        var last = Math.Min(toEpoch, store.Cursors.ScoreEpoch);
        for (var e = fromEpoch; e <= last && e < store.Cursors.ScoreEpoch; e++)
        {
            work += store.TotalWork(e);
        }

        return work;
    }

    /// <inheritdoc />
    public void SettleEdgeRewards(ModuleContext context, ulong epoch, in UInt256 pool)
    {
        ArgumentNullException.ThrowIfNull(context);
        var own = context.For(this);
        var store = Store(own);
        RequireInitialized(store);
        new EpochProcessor(store, own, _registry).ReceivePool(epoch, pool);
    }

    // ------------------------------------------------------------------ messages

    private static byte[] CallRegister(Message m, AbiValue[] a) =>
        RegisterEdge.EncodeResult(AbiValue.UInt(m.Keeper.Register(m.Input.Sender, m.Input.Value, (byte)a[0].AsUInt64(), a[1].AsBytes(), a[2].AsBytes(), a[3].AsString(),
            new DeclaredResources((uint)a[4].AsUInt64(), (uint)a[5].AsUInt64(), a[6].AsUInt64()))));

    private static byte[] CallRenew(Message m, AbiValue[] a) =>
        RenewAttestation.EncodeResult(AbiValue.UInt(m.Keeper.Renew(m.Input.Sender, (byte)a[0].AsUInt64(), a[1].AsBytes(), a[2].AsBytes())));

    private static byte[] CallReport(Message m, AbiValue[] a)
    {
        var report = new WorkReport(a[1].AsUInt64(), a[2].AsUInt64(), a[3].AsUInt64(), (uint)a[4].AsUInt64(), new Hash256(a[5].AsBytes()), a[6].AsUInt64());
        m.Keeper.Report(m.Input.Sender, a[0].AsUInt64(), report);
        return [];
    }

    private static byte[] CallVerdicts(Message m, AbiValue[] a)
    {
        var entries = a[1].AsList();
        m.Gas.Consume(GasPerVerdict * (ulong)entries.Length);
        m.Keeper.SubmitVerdicts(m.Input.Sender, a[0].AsUInt64(), entries);
        return [];
    }

    private static byte[] CallAnswer(Message m, AbiValue[] a)
    {
        var levels = a[2].AsList();
        m.Gas.Consume(GasPerProofLevel * (ulong)levels.Length);
        var proof = new Hash256[levels.Length];
        for (var i = 0; i < proof.Length; i++)
        {
            proof[i] = new Hash256(levels[i].AsBytes());
        }

        m.Keeper.AnswerChallenge(m.Input.Sender, a[0].AsUInt64(), a[1].AsBytes(), proof);
        return [];
    }

    private static byte[] CallComputeAnswer(Message m, AbiValue[] a)
    {
        m.Keeper.AnswerComputeChallenge(m.Input.Sender, a[0].AsUInt64(), new Hash256(a[1].AsBytes()), m.Gas);
        return [];
    }

    private static byte[] CallClaim(Message m, AbiValue[] a)
    {
        var amount = m.Keeper.Claim(m.Input.Sender);
        m.Context.Pay(m.Input.Sender, amount);
        return ClaimEdgeRewards.EncodeResult(AbiValue.UInt(amount));
    }

    private static byte[] CallLeave(Message m, AbiValue[] a) => LeaveEdge.EncodeResult(AbiValue.UInt(m.Keeper.Leave(m.Input.Sender)));

    private static byte[] CallWithdrawBond(Message m, AbiValue[] a)
    {
        var amount = m.Keeper.WithdrawBond(m.Input.Sender);
        m.Context.Pay(m.Input.Sender, amount);
        return WithdrawBond.EncodeResult(AbiValue.UInt(amount));
    }

    private static byte[] CallSetPolicy(Message m, AbiValue[] a)
    {
        m.Admin.SetPolicy(m.Input.Sender, a[0].AsBytes());
        return [];
    }

    private static byte[] CallSetRoots(Message m, AbiValue[] a)
    {
        m.Admin.SetRoots(m.Input.Sender, a[0].AsBytes());
        return [];
    }

    // ------------------------------------------------------------------ plumbing

    private Handler Find(ReadOnlySpan<byte> calldata)
    {
        if (!AbiSelector.TryRead(calldata, out var selector) || !_handlers.TryGetValue(selector, out var handler))
        {
            throw ModuleRevertException.With(ModuleHost.UnknownSelector, AbiValue.Bytes(calldata[..Math.Min(4, calldata.Length)].ToArray()));
        }

        return handler;
    }

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

    private static GpowStore Store(ModuleContext context) => new(new WritableRecordStore(context.Store));

    private static GpowReader Reader(GpowStore store) => new(key => store.Records.Get(key));

    private static void RequireInitialized(GpowStore store)
    {
        if (!store.IsInitialized)
        {
            throw new ModuleRevertException("GPoW genesis section was not loaded");
        }
    }

    private sealed record Message(ModuleContext Context, CallInput Input, GasMeter Gas, WorkProofKeeper Keeper, AttestationAdmin Admin);

    private sealed record Handler(AbiFunction Function, ulong Gas, Func<Message, AbiValue[], byte[]>? Message, Func<GpowReader, AbiValue[], AbiValue[]>? View);
}
