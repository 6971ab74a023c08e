using System.Diagnostics.CodeAnalysis;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Rlp;
using Aro.State.Trie;

namespace Aro.State;

/// <summary>
/// Ethereum's list roots (go-ethereum's DeriveSha): the root of a plain (not secure) Patricia trie
/// mapping rlp(index) to the index-th item's encoding — the network form of a transaction, the
/// consensus form of a receipt (typed ones as type ‖ rlp, not wrapped). An empty list gives the
/// empty-trie root. Built in memory and never stored: blocks keep the items, not the trie.
/// </summary>
public static class DerivedRoots
{
    public static Hash256 Transactions(IReadOnlyList<byte[]> encodedTransactions)
    {
        ArgumentNullException.ThrowIfNull(encodedTransactions);
        var trie = new PatriciaTrie(NoStoredNodes.Instance);
        for (var i = 0; i < encodedTransactions.Count; i++)
        {
            Insert(trie, i, encodedTransactions[i]);
        }

        return trie.RootHash;
    }

    /// <summary>The transactions root of a body, over the encodings it already holds.</summary>
    public static Hash256 Transactions(BlockBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var trie = new PatriciaTrie(NoStoredNodes.Instance);
        var encoded = body.EncodedTransactions;
        for (var i = 0; i < encoded.Length; i++)
        {
            Insert(trie, i, encoded[i].Span);
        }

        return trie.RootHash;
    }

    /// <summary>The receipts root over already encoded receipts (consensus form, see <see cref="ReceiptCodec"/>).</summary>
    public static Hash256 Receipts(IReadOnlyList<byte[]> encodedReceipts) => Transactions(encodedReceipts);

    public static Hash256 Receipts(IReadOnlyList<Receipt> receipts)
    {
        ArgumentNullException.ThrowIfNull(receipts);
        var trie = new PatriciaTrie(NoStoredNodes.Instance);
        for (var i = 0; i < receipts.Count; i++)
        {
            Insert(trie, i, ReceiptCodec.Encode(receipts[i]));
        }

        return trie.RootHash;
    }

    private static void Insert(PatriciaTrie trie, int index, ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            // The trie treats an empty value as a delete; no transaction or receipt encodes to nothing.
            throw new ArgumentException($"Item {index} is empty; a transaction or receipt encoding never is.");
        }

        Span<byte> key = stackalloc byte[RlpWriter.LengthOfUInt64((ulong)index)];
        new RlpWriter(key).WriteUInt64((ulong)index);
        trie.Set(key, value);
    }

    /// <summary>A trie built from scratch in memory never loads a node.</summary>
    private sealed class NoStoredNodes : ITrieNodeReader
    {
        public static readonly NoStoredNodes Instance = new();

        public bool TryGet(in Hash256 hash, [NotNullWhen(true)] out byte[]? rlp)
        {
            rlp = null;
            return false;
        }
    }
}
