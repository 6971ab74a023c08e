using Aro.Core;
using Aro.State.World;

namespace Aro.Execution.TxPool;

/// <summary>
/// What one committed block changed, for <see cref="TxPool.OnNewHead(ITxPoolStateReader, UInt256, HeadChanges?)"/>:
/// every account whose nonce or balance may differ between <paramref name="Parent"/> (the reader the pool
/// was given for the previous head) and the new head, with its value after the block (null: absent).
/// An account not listed must read the same at both heads; a caller that cannot promise that passes none.
/// </summary>
public sealed record HeadChanges(ITxPoolStateReader Parent, IReadOnlyDictionary<Address, Account?> Accounts);
