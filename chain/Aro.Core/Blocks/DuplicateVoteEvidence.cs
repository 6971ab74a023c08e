using Aro.Core.Crypto;
using Aro.Core.Rlp;

namespace Aro.Core.Blocks;

/// <summary>
/// Proof that one validator key signed two different votes for the same (height, round, type):
/// <c>rlp([voteA, voteB])</c> with voteA's block hash ordered before voteB's (nil first, then bytes
/// ascending), so a pair of votes has exactly one encoding and one <see cref="Hash"/> — swapping the
/// votes cannot make a second piece of evidence out of the same double sign.
/// </summary>
public sealed class DuplicateVoteEvidence
{
    /// <exception cref="EvidenceFormatException">The votes do not conflict or are not in canonical order.</exception>
    public DuplicateVoteEvidence(Vote voteA, Vote voteB)
    {
        ArgumentNullException.ThrowIfNull(voteA);
        ArgumentNullException.ThrowIfNull(voteB);
        if (voteA.Height != voteB.Height || voteA.Round != voteB.Round || voteA.Type != voteB.Type)
        {
            throw new EvidenceFormatException("the votes are for different (height, round, type)");
        }

        if (CompareHashes(voteA.BlockHash, voteB.BlockHash) >= 0)
        {
            throw new EvidenceFormatException("vote A's block hash must order strictly before vote B's (the votes must differ)");
        }

        VoteA = voteA;
        VoteB = voteB;
        Encoded = RlpCodec.Encode(RlpItem.FromList(voteA.ToRlp(), voteB.ToRlp()));
        Hash = Keccak256.Hash(Encoded);
    }

    public Vote VoteA { get; }

    public Vote VoteB { get; }

    public ulong Height => VoteA.Height;

    /// <summary>The canonical encoding.</summary>
    public byte[] Encoded { get; }

    /// <summary>keccak256 of <see cref="Encoded"/>: identifies the evidence (handled once).</summary>
    public Hash256 Hash { get; }

    /// <summary>Builds evidence from two conflicting votes in either order.</summary>
    public static DuplicateVoteEvidence Of(Vote first, Vote second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return CompareHashes(first.BlockHash, second.BlockHash) <= 0 ? new(first, second) : new(second, first);
    }

    /// <summary>Strict decoding: canonical RLP, two well-formed votes, conflicting, in canonical order, nothing after.</summary>
    /// <exception cref="EvidenceFormatException">Anything else.</exception>
    public static DuplicateVoteEvidence Decode(ReadOnlySpan<byte> encoded)
    {
        try
        {
            var outer = new RlpReader(encoded);
            var votes = outer.ReadList();
            outer.EnsureEnd();
            var a = Vote.Read(ref votes);
            var b = Vote.Read(ref votes);
            votes.EnsureEnd();
            return new DuplicateVoteEvidence(a, b);
        }
        catch (RlpException e)
        {
            throw new EvidenceFormatException(e.Message, e);
        }
    }

    /// <summary>
    /// The one address that signed both votes on chain <paramref name="chainId"/>; false when a signature
    /// does not recover or the two votes were signed by different keys.
    /// </summary>
    public bool TryRecoverSigner(ulong chainId, out Address signer)
    {
        if (VoteA.TryRecoverSigner(chainId, out var a) && VoteB.TryRecoverSigner(chainId, out var b) && a == b)
        {
            signer = a;
            return true;
        }

        signer = default;
        return false;
    }

    private static int CompareHashes(Hash256? a, Hash256? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        ({ } x, { } y) => x.Bytes.SequenceCompareTo(y.Bytes),
    };
}

/// <summary>Bytes that are not well-formed duplicate-vote evidence.</summary>
public sealed class EvidenceFormatException : Exception
{
    public EvidenceFormatException()
    {
    }

    public EvidenceFormatException(string message)
        : base(message)
    {
    }

    public EvidenceFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
