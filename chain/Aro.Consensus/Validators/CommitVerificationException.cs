using System.Diagnostics.CodeAnalysis;

namespace Aro.Consensus.Validators;

/// <summary>Why a commit does not prove a block final.</summary>
public enum CommitVerificationError
{
    WrongHeight = 1,
    WrongBlock,
    UnknownValidator,
    BadSignature,
    InsufficientPower,
}

/// <summary>A commit that does not prove finality for the block and validator set it was checked against.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Always carries a reason.")]
public sealed class CommitVerificationException(CommitVerificationError error, string message) : Exception(message)
{
    public CommitVerificationError Error { get; } = error;
}
