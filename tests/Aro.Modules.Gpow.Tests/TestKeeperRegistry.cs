using Aro.Core;
using Aro.Core.Abi;
using Aro.Execution.Modules;
using Aro.Modules.Gpos.Interop;

namespace Aro.Modules.Gpow.Tests;

/// <summary>
/// The GPoS side of the interop for tests (GPoS's own implementation is built in parallel): a module at
/// a test address that names the keepers, records the false-vouch slashes GPoW asks for, and at the end
/// of every epoch pays <see cref="PoolPerEpoch"/> into GPoW and calls
/// <see cref="IEdgeRewardSettlement.SettleEdgeRewards"/> exactly as GPoS's settlement does.
/// </summary>
internal sealed class TestKeeperRegistry(ulong epochBlocks) : IModule, IKeeperRegistry
{
    public static readonly Address Address = Address.Parse("0x000000000000000000000000000000000000a1f0");

    public List<Address> Keepers { get; } = [];

    public List<(Address Keeper, ulong Epoch, string Reason)> Slashes { get; } = [];

    public UInt256 PoolPerEpoch { get; set; }

    public IEdgeRewardSettlement? Settlement { get; set; }

    Address IModule.SystemAddress => Address;

    public string Name => "test-gpos";

    public IReadOnlyDictionary<AbiSelector, ulong> GasTable { get; } = new Dictionary<AbiSelector, ulong>();

    public bool AcceptsPlainValue => false;

    public IReadOnlyList<Address> ActiveKeepers(ModuleContext context) => [.. Keepers];

    public bool IsActiveKeeper(ModuleContext context, in Address keeper) => Keepers.Contains(keeper);

    public void SlashFalseVouch(ModuleContext context, in Address keeper, ulong infractionEpoch, string reason) =>
        Slashes.Add((keeper, infractionEpoch, reason));

    public void BeginBlock(ModuleContext context)
    {
    }

    public void EndBlock(ModuleContext context)
    {
        if (Settlement is null || (context.Block.Number + 1) % epochBlocks != 0)
        {
            return;
        }

        context.Pay(Settlement.Account, PoolPerEpoch);
        Settlement.SettleEdgeRewards(context, context.Block.Number / epochBlocks, PoolPerEpoch);
    }

    public ModuleCallResult Call(ModuleContext context, CallInput input, GasMeter gas) => throw new ModuleRevertException("no calls");

    public ModuleCallResult Query(ModuleQueryContext context, ReadOnlySpan<byte> calldata) => throw new ModuleRevertException("no views");
}
