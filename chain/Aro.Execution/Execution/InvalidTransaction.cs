using Aro.Core;

namespace Aro.Execution.Execution;

/// <summary>A transaction left out of a built block (or the reason a proposed block is invalid).</summary>
public sealed record InvalidTransaction(int Index, Hash256 Hash, InvalidTxReason Reason, string Message);
