using Aro.Core;
using Aro.Execution.Modules;

namespace Aro.Modules.Gpos.Interop;

/// <summary>
/// What GPoS offers the GPoW module (which references GPoS, never the other way): who the keepers are,
/// and the guarantee slash for a keeper that vouched for work later proven false (issue 5 item 7,
/// issue 7 item 5). Implemented by <see cref="GposModule"/>; every method takes the caller's context and
/// works on GPoS's records through <c>context.For(gpos)</c>, so it reverts with the caller.
/// </summary>
public interface IKeeperRegistry
{
    /// <summary>Bonded, not jailed keepers, ordered by address: the pool GPoW assigns verifiers from.</summary>
    IReadOnlyList<Address> ActiveKeepers(ModuleContext context);

    bool IsActiveKeeper(ModuleContext context, in Address keeper);

    /// <summary>
    /// Slashes <c>slashFractionFalseVouchPpm</c> of the stake <paramref name="keeper"/> had at the start of
    /// <paramref name="infractionEpoch"/> and records the slash with <paramref name="reason"/>.
    /// </summary>
    void SlashFalseVouch(ModuleContext context, in Address keeper, ulong infractionEpoch, string reason);
}
