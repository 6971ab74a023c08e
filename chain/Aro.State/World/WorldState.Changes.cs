using Aro.Core;

namespace Aro.State.World;

public sealed partial class WorldState
{
    /// <summary>
    /// Every account written since this state was opened or last committed, as the next commit will
    /// store it (null: absent, or deleted as empty). Complete by construction: the account trie changes
    /// only by applying these entries (<see cref="ComputeRoot"/>), and a revert restores an entry's
    /// earlier value rather than removing it, so an account missing here reads the same at the new root
    /// as at <see cref="StateRoot"/>. The pool uses it to learn what a committed block changed.
    /// </summary>
    public Dictionary<Address, Account?> GetChangedAccounts()
    {
        var changed = new Dictionary<Address, Account?>(_accounts.Count);
        foreach (var (address, entry) in _accounts)
        {
            changed.Add(address, entry.Value is { } account && !(entry.Touched && account.IsEmpty) ? account : null);
        }

        return changed;
    }
}
