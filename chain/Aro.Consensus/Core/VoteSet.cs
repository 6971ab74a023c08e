using Aro.Core;
using Aro.Core.Blocks;

namespace Aro.Consensus.Core;

/// <summary>
/// The prevotes or precommits of one (height, round). Counts as the paper does: for each block id,
/// the power of the distinct validators that voted for it. An equivocating validator can thus count
/// towards two ids (the paper's byzantine processes send different messages to different peers
/// anyway; quorum intersection still needs an honest validator in both quorums). To bound memory,
/// at most two votes per validator are kept: the first, and the first that conflicts with it.
/// </summary>
internal sealed class VoteSet
{
    private readonly Vote?[] _votes;
    private readonly Vote?[] _conflicting;
    private readonly Dictionary<Hash256, long> _powerByBlock = [];
    private long _nilPower;

    public VoteSet(int validators)
    {
        _votes = new Vote?[validators];
        _conflicting = new Vote?[validators];
    }

    /// <summary>Power of all distinct validators that voted, whatever for.</summary>
    public long TotalPower { get; private set; }

    /// <summary>
    /// Counts <paramref name="vote"/>; returns the earlier vote it conflicts with (evidence), else null.
    /// <paramref name="counted"/> is false for an identical duplicate or a third distinct vote.
    /// </summary>
    public Vote? Add(int index, Vote vote, long power, out bool counted)
    {
        counted = false;
        if (_votes[index] is not { } first)
        {
            _votes[index] = vote;
            TotalPower += power;
            Count(vote, power);
            counted = true;
            return null;
        }

        if (first.BlockHash == vote.BlockHash || _conflicting[index] is { } second && second.BlockHash == vote.BlockHash)
        {
            return null;
        }

        if (_conflicting[index] is null)
        {
            _conflicting[index] = vote;
            Count(vote, power);
            counted = true;
        }

        return first;
    }

    public long PowerFor(Hash256? blockHash) => blockHash is { } hash ? _powerByBlock.GetValueOrDefault(hash) : _nilPower;

    /// <summary>Precommits for <paramref name="blockHash"/> as commit signatures, by validator index.</summary>
    public Commit ToCommit(ulong height, uint round, in Hash256 blockHash)
    {
        var signatures = System.Collections.Immutable.ImmutableArray.CreateBuilder<CommitSignature>();
        for (var i = 0; i < _votes.Length; i++)
        {
            if (_votes[i] is { } vote && vote.BlockHash == blockHash)
            {
                signatures.Add(vote.ToCommitSignature());
            }
            else if (_conflicting[i] is { } other && other.BlockHash == blockHash)
            {
                signatures.Add(other.ToCommitSignature());
            }
        }

        return new Commit(height, round, blockHash, signatures.DrainToImmutable());
    }

    private void Count(Vote vote, long power)
    {
        if (vote.BlockHash is { } hash)
        {
            _powerByBlock[hash] = _powerByBlock.GetValueOrDefault(hash) + power;
        }
        else
        {
            _nilPower += power;
        }
    }
}
