using Aro.Core.Blocks;
using Aro.Execution.Modules;

namespace Aro.Execution.Execution;

/// <summary>
/// Applies the double-sign evidence a block carries (execution owns the interface; the node binds
/// it to a module, e.g. GPoS slashing). Runs after the begin-block hooks and before the transactions,
/// once per piece in block order, unmetered, in a context over <see cref="Module"/>'s account.
/// </summary>
public interface IEvidenceHandler
{
    /// <summary>The module the handler acts as: its store, its account, the address of its events.</summary>
    IModule Module { get; }

    /// <summary>
    /// Applies one piece. Refuses it by throwing <see cref="ModuleRevertException"/>; the executor then
    /// undoes this piece's writes and events only and records the refusal (<see cref="EvidenceEvents.Refused"/>).
    /// </summary>
    void Handle(ModuleContext context, DuplicateVoteEvidence evidence);
}
