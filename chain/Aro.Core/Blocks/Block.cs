namespace Aro.Core.Blocks;

/// <summary>
/// A header and its body. Construction checks that the body's evidence hashes to the header's
/// evidence hash, and that the body's last commit is the one the header names: for blocks 0 and 1 there is none and the header's last-commit hash is zero; from block 2
/// on the commit is for height − 1, for the parent hash, and hashes to the header's last-commit hash.
/// Roots (transactions, receipts, state) need the trie and execution, so they are validated there.
/// </summary>
public sealed class Block
{
    /// <exception cref="ArgumentException">The last commit or the evidence does not match the header.</exception>
    public Block(BlockHeader header, BlockBody body)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(body);
        if ((CheckLastCommit(header, body.LastCommit) ?? CheckEvidence(header, body)) is { } problem)
        {
            throw new ArgumentException(problem, nameof(body));
        }

        Header = header;
        Body = body;
    }

    public BlockHeader Header { get; }

    public BlockBody Body { get; }

    public Hash256 Hash => Header.Hash;

    public ulong Number => Header.Number;

    /// <summary>Null when the body's evidence hashes to the header's evidence hash, else why not.</summary>
    internal static string? CheckEvidence(BlockHeader header, BlockBody body) =>
        body.EvidenceHash == header.EvidenceHash
            ? null
            : $"Block {header.Number}: the evidence hashes to {body.EvidenceHash}, but the header names {header.EvidenceHash}.";

    /// <summary>Null when <paramref name="lastCommit"/> is the commit <paramref name="header"/> names, else why not.</summary>
    internal static string? CheckLastCommit(BlockHeader header, Commit? lastCommit)
    {
        if (header.Number <= 1)
        {
            return lastCommit is not null
                ? $"Block {header.Number} carries a last commit, but its parent {(header.Number == 0 ? "does not exist" : "is genesis, which has none")}."
                : header.LastCommitHash.IsZero
                    ? null
                    : $"Block {header.Number} has no last commit, so its last-commit hash must be zero.";
        }

        if (lastCommit is null)
        {
            return $"Block {header.Number} has no last commit; from block 2 on it must carry the parent's.";
        }

        if (lastCommit.Height != header.Number - 1)
        {
            return $"Block {header.Number} carries a commit for height {lastCommit.Height}; it must be for {header.Number - 1}.";
        }

        if (lastCommit.BlockHash != header.ParentHash)
        {
            return $"Block {header.Number}: the last commit is for {lastCommit.BlockHash}, not the parent {header.ParentHash}.";
        }

        return lastCommit.Hash == header.LastCommitHash
            ? null
            : $"Block {header.Number}: the last commit hashes to {lastCommit.Hash}, but the header names {header.LastCommitHash}.";
    }
}
