using Aro.Core;

namespace Aro.Execution.TxPool;

/// <summary>
/// The account state the pool checks transactions against: the state after the current head block.
/// Implementations must be safe to call from several threads at once (the pool reads outside its lock),
/// and one reader is one head's state: it answers the same for an address every time, so the pool may
/// remember an answer until <see cref="TxPool.OnNewHead"/> hands it the next head's reader.
/// </summary>
public interface ITxPoolStateReader
{
    /// <summary>The next nonce the account may use (0 for an account that does not exist).</summary>
    ulong GetNonce(Address address);

    /// <summary>The account's balance in wei (0 for an account that does not exist).</summary>
    UInt256 GetBalance(Address address);

    /// <summary>Both at once: an implementation that reads the account once should override this.</summary>
    (ulong Nonce, UInt256 Balance) GetNonceAndBalance(Address address) => (GetNonce(address), GetBalance(address));
}
