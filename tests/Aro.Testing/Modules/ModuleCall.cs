using Aro.Core.Blocks;
using Aro.Execution.Execution;

namespace Aro.Testing.Modules;

/// <summary>One call sent in its own block: what it did and its receipt.</summary>
public sealed record ModuleCall(TxOutcome Outcome, Receipt Receipt);
