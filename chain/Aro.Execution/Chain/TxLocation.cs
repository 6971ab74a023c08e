using Aro.Core;

namespace Aro.Execution.Chain;

/// <summary>Where a transaction was included: block number and hash, and its index in the block.</summary>
public readonly record struct TxLocation(ulong BlockNumber, Hash256 BlockHash, int Index);
