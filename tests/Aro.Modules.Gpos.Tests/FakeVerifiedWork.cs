using Aro.Core;
using Aro.Execution.Modules;
using Aro.Modules.Gpos.Interop;

namespace Aro.Modules.Gpos.Tests;

/// <summary>A test double of GPoW's verified work: fixed work per keeper, and the windows it was asked about.</summary>
internal sealed class FakeVerifiedWork : IVerifiedWorkSource
{
    public Dictionary<Address, UInt256> Work { get; } = [];

    public List<(ulong From, ulong To)> Windows { get; } = [];

    public UInt256 VerifiedWork(ModuleContext context, in Address keeper, ulong fromEpoch, ulong toEpoch) =>
        Work.GetValueOrDefault(keeper);

    public UInt256 TotalVerifiedWork(ModuleContext context, ulong fromEpoch, ulong toEpoch)
    {
        Windows.Add((fromEpoch, toEpoch));
        var total = UInt256.Zero;
        foreach (var work in Work.Values)
        {
            total += work;
        }

        return total;
    }
}

/// <summary>A test double of GPoW's edge settlement: the account the edge pool is paid into, and what it was told.</summary>
internal sealed class FakeEdgeSettlement : IEdgeRewardSettlement
{
    public Address Account { get; } = Address.Parse("0x000000000000000000000000000000000000a130");

    /// <summary>Reads the edge account's balance when called (set by the test to look at the chain's state).</summary>
    public Func<UInt256> Balance { get; set; } = () => UInt256.Zero;

    public List<(ulong Epoch, UInt256 Pool, UInt256 BalanceAtCall)> Settled { get; } = [];

    public void SettleEdgeRewards(ModuleContext context, ulong epoch, in UInt256 pool) =>
        Settled.Add((epoch, pool, Balance()));
}
