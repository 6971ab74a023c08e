using Aro.Execution.Modules;
using Aro.Modules.Gpos.Interop;

namespace Aro.Modules.Gpos.Rewards;

/// <summary>
/// What the epoch transition needs beyond the module's records to run S2 and S4: the module's own context
/// (to mint and pay) and GPoW's interfaces when wired. Genesis runs without hooks: no settlement, and stake
/// limits from the bootstrap allowance.
/// </summary>
internal sealed record EconomyHooks(ModuleContext Context, IVerifiedWorkSource? Work, IEdgeRewardSettlement? Edge);
