using Aro.Core;
using Aro.Execution.Modules;

namespace Aro.Modules.Gpos.Interop;

/// <summary>
/// What GPoS needs from the work-proof layer to compute stake limits (issue 5 item 4, README §10).
/// Consumer-owned: declared here, implemented by the GPoW module. Called from GPoS hooks with GPoS's
/// own context; an implementation reads its records through <c>context.For(itself)</c>.
/// Work units are GPoW's verified contribution scores, summed; both methods must agree
/// (the total is the sum over every keeper) and be pure functions of state.
/// </summary>
public interface IVerifiedWorkSource
{
    /// <summary>Verified work that <paramref name="keeper"/> vouched for in epochs [<paramref name="fromEpoch"/>, <paramref name="toEpoch"/>].</summary>
    UInt256 VerifiedWork(ModuleContext context, in Address keeper, ulong fromEpoch, ulong toEpoch);

    /// <summary>Verified work vouched for by all keepers in the same epochs.</summary>
    UInt256 TotalVerifiedWork(ModuleContext context, ulong fromEpoch, ulong toEpoch);
}
