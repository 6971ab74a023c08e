using Aro.Core;

namespace Aro.Execution.TxPool;

/// <summary>An account's nonce and balance in the state of the pool's head <paramref name="Version"/>.</summary>
internal readonly record struct HeadAccount(ulong Nonce, UInt256 Balance, long Version);
