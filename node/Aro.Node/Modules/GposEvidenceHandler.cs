using Aro.Core.Blocks;
using Aro.Execution.Execution;
using Aro.Execution.Modules;
using Aro.Modules.Gpos;

namespace Aro.Node.Modules;

/// <summary>A block's double-sign evidence goes to GPoS slashing (the same checks and effects as <c>submitDoubleSignEvidence</c>).</summary>
internal sealed class GposEvidenceHandler(GposModule gpos) : IEvidenceHandler
{
    public IModule Module => gpos;

    public void Handle(ModuleContext context, DuplicateVoteEvidence evidence) => gpos.HandleEvidence(context, evidence);
}
