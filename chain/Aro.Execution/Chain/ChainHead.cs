using Aro.Core;

namespace Aro.Execution.Chain;

/// <summary>The last committed block.</summary>
public readonly record struct ChainHead(ulong Number, Hash256 Hash);
