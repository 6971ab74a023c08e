using System.Collections.Immutable;
using Aro.Core.Transactions;

namespace Aro.Core.Blocks;

/// <summary>
/// What a block carries besides its header: the transactions, in order, with their network
/// encodings (what the transactions root and the transaction hashes cover, kept so nothing is
/// re-encoded), and the commit of the parent block (CometBFT's LastCommit; null when the parent is
/// genesis), and double-sign evidence in the order the proposer chose (committed by the header's
/// evidence hash). Immutable.
/// </summary>
public sealed class BlockBody
{
    public static readonly BlockBody Empty = new([], [], null, []);

    private Hash256? _evidenceHash;

    /// <summary>Encodes each transaction once; no evidence.</summary>
    /// <exception cref="InvalidOperationException">A transaction is unsigned.</exception>
    public BlockBody(ImmutableArray<Transaction> transactions, Commit? lastCommit)
        : this(transactions, lastCommit, [])
    {
    }

    /// <summary>Encodes each transaction once.</summary>
    /// <exception cref="InvalidOperationException">A transaction is unsigned.</exception>
    /// <exception cref="ArgumentException">More than <see cref="EvidenceList.MaxPerBlock"/> pieces of evidence.</exception>
    public BlockBody(ImmutableArray<Transaction> transactions, Commit? lastCommit, ImmutableArray<DuplicateVoteEvidence> evidence)
    {
        evidence = evidence.IsDefault ? [] : evidence;
        if (evidence.Length > EvidenceList.MaxPerBlock)
        {
            throw new ArgumentException($"A block carries at most {EvidenceList.MaxPerBlock} pieces of evidence; got {evidence.Length}.", nameof(evidence));
        }

        Evidence = evidence;
        transactions = transactions.IsDefault ? [] : transactions;
        var encoded = ImmutableArray.CreateBuilder<ReadOnlyMemory<byte>>(transactions.Length);
        foreach (var transaction in transactions)
        {
            encoded.Add(TxEncoder.Encode(transaction));
        }

        Transactions = transactions;
        EncodedTransactions = encoded.MoveToImmutable();
        LastCommit = lastCommit;
    }

    // The decoder's path: encodings are the canonical input bytes the transactions were decoded from.
    internal BlockBody(
        ImmutableArray<Transaction> transactions, ImmutableArray<ReadOnlyMemory<byte>> encodedTransactions, Commit? lastCommit, ImmutableArray<DuplicateVoteEvidence> evidence)
    {
        Evidence = evidence;
        Transactions = transactions;
        EncodedTransactions = encodedTransactions;
        LastCommit = lastCommit;
    }

    public ImmutableArray<Transaction> Transactions { get; }

    /// <summary>The network form of each transaction (legacy rlp list, or type ‖ rlp), index for index.</summary>
    public ImmutableArray<ReadOnlyMemory<byte>> EncodedTransactions { get; }

    /// <summary>The parent block's commit; null when the parent is genesis.</summary>
    public Commit? LastCommit { get; }

    /// <summary>Double-sign evidence, in block order (at most <see cref="EvidenceList.MaxPerBlock"/>).</summary>
    public ImmutableArray<DuplicateVoteEvidence> Evidence { get; }

    /// <summary>keccak256(rlp(evidence list)): what the header's evidence hash must be.</summary>
    public Hash256 EvidenceHash => _evidenceHash ??= EvidenceList.ComputeHash(Evidence);
}
