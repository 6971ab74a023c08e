using Aro.Core;
using Aro.Execution.TxPool;
using Aro.State.Trie;
using Aro.State.World;

namespace Aro.Node.Chain;

/// <summary>
/// The pool's view of the state after one committed block. Each read opens its own
/// <see cref="WorldState"/> (which caches and is not thread-safe) over the committed trie nodes, which
/// never change, so concurrent <c>eth_sendRawTransaction</c> calls need no lock.
/// </summary>
internal sealed class HeadStateReader(ITrieNodeReader nodes, Hash256 stateRoot) : ITxPoolStateReader
{
    public Hash256 StateRoot { get; } = stateRoot;

    public ulong GetNonce(Address address) => new WorldState(nodes, StateRoot).GetNonce(address);

    public UInt256 GetBalance(Address address) => new WorldState(nodes, StateRoot).GetBalance(address);

    public (ulong Nonce, UInt256 Balance) GetNonceAndBalance(Address address) =>
        new WorldState(nodes, StateRoot).GetAccount(address) is { } account ? (account.Nonce, account.Balance) : (0UL, UInt256.Zero);
}
