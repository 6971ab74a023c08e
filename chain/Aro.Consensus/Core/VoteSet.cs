using Aro.Core;
using Aro.Core.Blocks;

namespace Aro.Consensus.Core;

/// <summary>The prevotes or precommits of one (height, round): at most one vote per validator, power per block id.</summary>
internal sealed class VoteSet
{
    private readonly Vote?[] _votes;
    private readonly Dictionary<Hash256, long> _powerByBlock = [];
    private long _nilPower;

    public VoteSet(int validators) => _votes = new Vote?[validators];

    /// <summary>Power of all distinct validators that voted, whatever for.</summary>
    public long TotalPower { get; private set; }

    public Vote? Get(int index) => _votes[index];

    /// <summary>Null when counted or an identical duplicate; the earlier vote when <paramref name="vote"/> conflicts with it (not counted).</summary>
    public Vote? Add(int index, Vote vote, long power, out bool added)
    {
        added = false;
        if (_votes[index] is { } existing)
        {
            return existing.BlockHash == vote.BlockHash ? null : existing;
        }

        _votes[index] = vote;
        added = true;
        TotalPower += power;
        if (vote.BlockHash is { } hash)
        {
            _powerByBlock[hash] = _powerByBlock.GetValueOrDefault(hash) + power;
        }
        else
        {
            _nilPower += power;
        }

        return null;
    }

    public long PowerFor(Hash256? blockHash) => blockHash is { } hash ? _powerByBlock.GetValueOrDefault(hash) : _nilPower;

    /// <summary>Precommits for <paramref name="blockHash"/> as commit signatures, by validator index.</summary>
    public Commit ToCommit(ulong height, uint round, in Hash256 blockHash)
    {
        var signatures = System.Collections.Immutable.ImmutableArray.CreateBuilder<CommitSignature>();
        foreach (var vote in _votes)
        {
            if (vote is not null && vote.BlockHash == blockHash)
            {
                signatures.Add(vote.ToCommitSignature());
            }
        }

        return new Commit(height, round, blockHash, signatures.DrainToImmutable());
    }
}
