using Aro.Core;
using Aro.Storage;

namespace Aro.State.Trie;

/// <summary>
/// Records committed trie nodes into the caller's write batch (<see cref="Columns.TrieNodes"/>,
/// hash → RLP), so they become visible atomically with whatever else the batch carries — the block
/// whose state root they make up. Nothing is written until the caller commits the batch.
/// </summary>
public sealed class TrieNodeBatch : ITrieNodeWriter
{
    private readonly IWriteBatch _batch;

    public TrieNodeBatch(IWriteBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _batch = batch;
    }

    public void Put(in Hash256 hash, ReadOnlySpan<byte> rlp) => _batch.Put(Columns.TrieNodes, hash.Bytes, rlp);
}
