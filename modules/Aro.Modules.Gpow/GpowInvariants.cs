using Aro.Core;
using Aro.State.World;

namespace Aro.Modules.Gpow;

/// <summary>
/// The module's accounting invariants (README §13), checked after every block in the tests:
/// bonds + pools + claimable + carry = module balance; Σ edge bonds = bonds; Σ edge claimable = claimable.
/// Walks every edge node: a test tool, not for blocks.
/// </summary>
public static class GpowInvariants
{
    public static IReadOnlyList<string> Check(WorldState world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var problems = new List<string>();
        var store = world.GetModuleStore(GpowModule.Address);
        var reader = new GpowReader(key => store.Get(key));
        if (!reader.IsInitialized)
        {
            return problems;
        }

        var totals = reader.Totals;
        var balance = world.GetBalance(GpowModule.Address);
        if (totals.Sum != balance)
        {
            problems.Add($"bonds {totals.Bonds} + pools {totals.Pools} + claimable {totals.Claimable} + carry {totals.Carry} != balance {balance}");
        }

        UInt256 bonds = 0;
        UInt256 claimable = 0;
        for (var i = 0UL; i < reader.EdgeCount; i++)
        {
            var edge = reader.Edge(reader.EdgeAt(i))!;
            bonds += edge.Bond;
            claimable += edge.Claimable;
        }

        if (bonds != totals.Bonds)
        {
            problems.Add($"edge bonds sum to {bonds}, totals say {totals.Bonds}");
        }

        if (claimable != totals.Claimable)
        {
            problems.Add($"edge claimables sum to {claimable}, totals say {totals.Claimable}");
        }

        return problems;
    }
}
