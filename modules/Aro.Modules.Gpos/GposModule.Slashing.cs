using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Blocks;
using Aro.Execution.Modules;
using Aro.Modules.Gpos.Interop;
using Aro.Modules.Gpos.Slashing;
using Aro.Modules.Gpos.State;
using Aro.Modules.Gpos.ValidatorSet;
using Aro.State.World;
using static Aro.Modules.Gpos.Abi.StakingAbi;

namespace Aro.Modules.Gpos;

/// <summary>S3 read API for the node and S5 entry points: liveness, double-sign evidence, unjail, and the keeper registry GPoW uses.</summary>
public sealed partial class GposModule : IKeeperRegistry
{
    // ------------------------------------------------------------------ S3: validator sets for the node

    /// <summary>The consensus set of <paramref name="epoch"/> as committed in <paramref name="world"/>, or null when none is recorded.</summary>
    public static ConsensusValidatorSet? ValidatorSetOf(WorldState world, ulong epoch)
    {
        ArgumentNullException.ThrowIfNull(world);
        return new ValidatorSetStore(new WritableRecordStore(world.GetModuleStore(Address))).Read(epoch);
    }

    /// <summary>The set of the epoch the module has started (null without a GPoS genesis section).</summary>
    public static ConsensusValidatorSet? CurrentValidatorSet(WorldState world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var store = new StakingStore(new WritableRecordStore(world.GetModuleStore(Address)));
        return store.IsInitialized ? new ValidatorSetStore(store.Records).Read(store.Epoch.Epoch) : null;
    }

    /// <summary>The module's params as committed in <paramref name="world"/>, or null without a GPoS genesis section.</summary>
    public static GposParams? ParamsOf(WorldState world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var store = new StakingStore(new WritableRecordStore(world.GetModuleStore(Address)));
        return store.IsInitialized ? store.Params : null;
    }

    /// <summary>
    /// The consensus public key (65 bytes, uncompressed) <paramref name="keeper"/> registered, or null for no such keeper.
    /// A keeper's key never changes and keeper records are never deleted, so this is also the key of every past set
    /// the keeper was in: the node pairs it with a set member (<see cref="ConsensusValidator.Keeper"/>) to verify votes.
    /// </summary>
    public static byte[]? ConsensusKeyOf(WorldState world, in Address keeper)
    {
        ArgumentNullException.ThrowIfNull(world);
        var store = new StakingStore(new WritableRecordStore(world.GetModuleStore(Address)));
        return store.IsInitialized ? store.GetKeeper(keeper)?.ConsensusKey : null;
    }

    // ------------------------------------------------------------------ S5: evidence from the node

    /// <summary>
    /// Handles one piece of double-sign evidence from a block's evidence list, with the same checks and effects
    /// as <c>submitDoubleSignEvidence</c>. Throws <see cref="ModuleRevertException"/> (named IStaking error) when
    /// the evidence is refused; the caller runs it where a revert undoes its writes.
    /// </summary>
    public void HandleEvidence(ModuleContext context, DuplicateVoteEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(evidence);
        var store = new StakingStore(new WritableRecordStore(context.Store));
        RequireInitialized(store);
        SlasherFor(context, store).HandleDoubleSign(evidence, context.Block.ChainId);
    }

    private static byte[] CallUnjail(MessageContext m, AbiValue[] a)
    {
        SlasherFor(m.Context, m.Keeper.Store).Unjail(m.Input.Sender);
        return [];
    }

    private static byte[] CallSubmitDoubleSignEvidence(MessageContext m, AbiValue[] a)
    {
        DuplicateVoteEvidence evidence;
        try
        {
            evidence = DuplicateVoteEvidenceCodec.Decode(a[0].AsBytes());
        }
        catch (BlockFormatException e)
        {
            throw new ModuleRevertException(MalformedEvidence.Encode(), e.Message);
        }

        SlasherFor(m.Context, m.Keeper.Store).HandleDoubleSign(evidence, m.Context.Block.ChainId);
        return [];
    }

    private static Slasher SlasherFor(ModuleContext context, StakingStore store) =>
        new(store, context.Block.Number, Emitter(context), amount => context.Burn(amount));

    // ------------------------------------------------------------------ IKeeperRegistry (GPoW)

    public IReadOnlyList<Address> ActiveKeepers(ModuleContext context)
    {
        var store = StoreFor(context);
        var result = new List<Address>();
        foreach (var entry in store.GetActiveSet())
        {
            if (store.GetKeeper(entry.Keeper) is { Jailed: false })
            {
                result.Add(entry.Keeper);
            }
        }

        result.Sort();
        return result;
    }

    public bool IsActiveKeeper(ModuleContext context, in Address keeper)
    {
        var store = StoreFor(context);
        if (store.GetKeeper(keeper) is not { Jailed: false, Status: KeeperStatus.Bonded })
        {
            return false;
        }

        foreach (var entry in store.GetActiveSet())
        {
            if (entry.Keeper == keeper)
            {
                return true;
            }
        }

        return false;
    }

    /// <remarks>The infraction height is the first block of <paramref name="infractionEpoch"/>; <paramref name="reason"/> is GPoW's description and is not stored (the record carries reason code 3).</remarks>
    public void SlashFalseVouch(ModuleContext context, in Address keeper, ulong infractionEpoch, string reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        var own = context.For(this);
        var store = new StakingStore(new WritableRecordStore(own.Store));
        RequireInitialized(store);
        var p = store.Params;
        var height = infractionEpoch > ulong.MaxValue / p.EpochBlocks ? ulong.MaxValue : infractionEpoch * p.EpochBlocks;
        SlasherFor(own, store).Slash(keeper, SlashReason.FalseVouch, height, p.SlashFractionFalseVouchPpm);
    }

    private StakingStore StoreFor(ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var store = new StakingStore(new WritableRecordStore(context.For(this).Store));
        RequireInitialized(store);
        return store;
    }
}
