namespace Aro.State.World;

public sealed partial class WorldState
{
    private readonly List<JournalEntry> _journal = [];

    // Live snapshots in the order taken: (id, journal length at that moment). Ids only grow, so an id
    // from before a commit or a revert is never mistaken for a live one.
    private readonly List<(int Id, int JournalLength)> _snapshots = [];
    private int _nextSnapshotId;

    /// <summary>
    /// Marks the current state; <see cref="RevertToSnapshot"/> with the returned id undoes every change
    /// made after it. Snapshots nest: a call takes one, its inner calls take later ones.
    /// </summary>
    public int TakeSnapshot()
    {
        var id = _nextSnapshotId++;
        _snapshots.Add((id, _journal.Count));
        return id;
    }

    /// <summary>
    /// Undoes every change made since <paramref name="snapshotId"/> was taken. That snapshot and all
    /// taken after it are used up; earlier ones stay valid.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The id is unknown, already reverted past, or from before the last commit (committed state cannot be reverted).
    /// </exception>
    public void RevertToSnapshot(int snapshotId)
    {
        var index = FindSnapshot(snapshotId);
        if (index < 0)
        {
            throw new InvalidOperationException($"Snapshot {snapshotId} is not live: unknown, reverted past, or taken before the last commit.");
        }

        var length = _snapshots[index].JournalLength;
        for (var i = _journal.Count - 1; i >= length; i--)
        {
            Undo(_journal[i]);
        }

        _journal.RemoveRange(length, _journal.Count - length);
        _snapshots.RemoveRange(index, _snapshots.Count - index);
    }

    private int FindSnapshot(int id)
    {
        int low = 0, high = _snapshots.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var current = _snapshots[middle].Id;
            if (current == id)
            {
                return middle;
            }

            if (current < id)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    private void Undo(in JournalEntry entry)
    {
        if (entry.IsStorage)
        {
            _storage[entry.Address][entry.Slot] = entry.PreviousValue;
        }
        else
        {
            _accounts[entry.Address] = entry.PreviousAccount;
        }
    }

    private void ClearJournal()
    {
        _journal.Clear();
        _snapshots.Clear();
    }
}
