using Aro.Core;
using Aro.Execution.Modules;
using Aro.Modules.Gpos.Interop;

namespace Aro.Node.Modules;

/// <summary>
/// GPoS and GPoW each need the other at construction (GPoS takes GPoW's verified work and edge
/// settlement, GPoW takes GPoS's keeper registry); this forwards GPoW's registry calls to GPoS once
/// both are built.
/// </summary>
internal sealed class KeeperRegistryBinding : IKeeperRegistry
{
    private IKeeperRegistry? _target;

    public void Bind(IKeeperRegistry target) => _target = target ?? throw new ArgumentNullException(nameof(target));

    public IReadOnlyList<Address> ActiveKeepers(ModuleContext context) => Target.ActiveKeepers(context);

    public bool IsActiveKeeper(ModuleContext context, in Address keeper) => Target.IsActiveKeeper(context, keeper);

    public void SlashFalseVouch(ModuleContext context, in Address keeper, ulong infractionEpoch, string reason) =>
        Target.SlashFalseVouch(context, keeper, infractionEpoch, reason);

    private IKeeperRegistry Target => _target ?? throw new InvalidOperationException("the keeper registry was used before GPoS was bound to it");
}
