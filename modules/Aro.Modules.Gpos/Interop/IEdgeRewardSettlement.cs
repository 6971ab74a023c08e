using Aro.Core;
using Aro.Execution.Modules;

namespace Aro.Modules.Gpos.Interop;

/// <summary>
/// Where the edge share of an epoch's rewards goes (issue 5 item 6). Consumer-owned by GPoS,
/// implemented by GPoW: when an epoch settles, GPoS first pays <paramref name="pool"/> into the GPoW
/// module's account, then calls this; GPoW splits it by contribution score and may spread the work
/// over later blocks (paged settlement), but the funds are already its own.
/// </summary>
public interface IEdgeRewardSettlement
{
    /// <summary>The GPoW module's system address, the account the edge pool is paid into.</summary>
    Address Account { get; }

    void SettleEdgeRewards(ModuleContext context, ulong epoch, in UInt256 pool);
}
