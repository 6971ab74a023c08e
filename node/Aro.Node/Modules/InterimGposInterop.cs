using Aro.Core;
using Aro.Core.Rlp;
using Aro.Execution.Modules;
using Aro.Modules.Gpos;
using Aro.Modules.Gpos.Interop;
using Aro.Modules.Gpow;

namespace Aro.Node.Modules;

/// <summary>
/// GPoS's side of the GPoW interop until <see cref="GposModule"/> implements it itself (the slashing and
/// rewards branches): the keeper registry is GPoS's active set read from its documented, provable record
/// <c>70</c>/<c>70‖u64 i</c> = <c>[keeper, power]</c> (GPoS README §records), and the edge pool GPoS does not
/// pay yet is settled as 0 at every epoch end so GPoW scores and settles each epoch. Delete this file and
/// pass the GposModule (IKeeperRegistry) when it lands; NodeModules is the only user.
/// </summary>
internal sealed class InterimGposInterop(GposModule gpos, ulong epochBlocks) : IKeeperRegistry
{
    private const byte ActiveSetPrefix = 0x70;
    private const byte ParamsKey = 0x01;
    private const byte PoolPrefix = 0x54;

    public IReadOnlyList<Address> ActiveKeepers(ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var store = context.For(gpos).Store;
        var count = ReadNumber(store.Get([ActiveSetPrefix]));
        var keepers = new Address[count];
        for (ulong i = 0; i < count; i++)
        {
            var key = new byte[9];
            key[0] = ActiveSetPrefix;
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(1), i);
            var record = store.Get(key) ?? throw new InvalidOperationException($"GPoS active set entry {i} is missing");
            var outer = new RlpReader(record);
            var fields = outer.ReadList();
            keepers[i] = new Address(fields.ReadBytes());
        }

        // The interface promises address order; the record is in power order.
        Array.Sort(keepers);
        return keepers;
    }

    public bool IsActiveKeeper(ModuleContext context, in Address keeper) =>
        Array.BinarySearch((Address[])ActiveKeepers(context), keeper) >= 0;

    /// <summary>
    /// GPoS on this branch has no guarantee slash: the false vouch is recorded by GPoW's own
    /// <c>ChallengeFailed</c> event (which names the epoch) and no stake moves. Known gap until GPoS implements it.
    /// </summary>
    public void SlashFalseVouch(ModuleContext context, in Address keeper, ulong infractionEpoch, string reason)
    {
    }

    /// <summary>GPoW hosted with the end-of-epoch pool call GPoS will make (an empty pool until GPoS pays one).</summary>
    public IModule WithEpochPool(GpowModule gpow) => new PooledGpow(gpow, epochBlocks);

    private static ulong ReadNumber(byte[]? stored) => stored is null ? 0 : (ulong)UInt256.FromBigEndian(stored);

    private sealed class PooledGpow(GpowModule inner, ulong epochBlocks) : IModule
    {
        public Address SystemAddress => GpowModule.Address;

        public string Name => inner.Name;

        public IReadOnlyDictionary<Aro.Core.Abi.AbiSelector, ulong> GasTable => inner.GasTable;

        public bool AcceptsPlainValue => inner.AcceptsPlainValue;

        public void BeginBlock(ModuleContext context) => inner.BeginBlock(context);

        public void EndBlock(ModuleContext context)
        {
            inner.EndBlock(context);
            var height = context.Block.Number;
            if ((height + 1) % epochBlocks != 0 || context.Store.Get([ParamsKey]) is null)
            {
                return;
            }

            // GPoS's end-block runs first (0x…A120 < 0x…A130): once GPoS pays the pool itself, the epoch's
            // pool record (GPoW §4 key 54‖u64 e) already exists and this interim call steps aside.
            var epoch = height / epochBlocks;
            var poolKey = new byte[9];
            poolKey[0] = PoolPrefix;
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(poolKey.AsSpan(1), epoch);
            if (context.Store.Get(poolKey) is null)
            {
                inner.SettleEdgeRewards(context, epoch, UInt256.Zero);
            }
        }

        public ModuleCallResult Call(ModuleContext context, CallInput input, GasMeter gas) => inner.Call(context, input, gas);

        public ModuleCallResult Query(ModuleQueryContext context, ReadOnlySpan<byte> calldata) => inner.Query(context, calldata);
    }
}
