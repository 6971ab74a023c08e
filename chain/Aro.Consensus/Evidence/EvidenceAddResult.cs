namespace Aro.Consensus.Evidence;

/// <summary>What <see cref="EvidencePool.Add"/> did with a piece of evidence.</summary>
public enum EvidenceAddResult
{
    /// <summary>Verified and now pending inclusion in a block.</summary>
    Added = 1,

    /// <summary>Evidence of the same infraction (validator, height, round, type) is already pending.</summary>
    Duplicate,

    /// <summary>Evidence of the same infraction is already in a committed block.</summary>
    AlreadyCommitted,

    /// <summary>Older than the age limit.</summary>
    Expired,

    /// <summary>For a height not reached yet.</summary>
    FromFuture,

    /// <summary>The voter is not the validator at that index in the set of the evidence's height (or that set is unknown).</summary>
    UnknownValidator,

    /// <summary>A vote's signature does not recover to the validator.</summary>
    InvalidSignature,
}
