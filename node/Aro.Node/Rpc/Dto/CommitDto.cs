using Aro.Core;

namespace Aro.Node.Rpc.Dto;

/// <summary>A block's commit as <c>aro_getCommit</c> answers it.</summary>
internal sealed class CommitDto
{
    public required ulong Height { get; init; }

    public required ulong Round { get; init; }

    public required Hash256 BlockHash { get; init; }

    /// <summary>The block's epoch and the hash of the set whose members signed.</summary>
    public required ulong Epoch { get; init; }

    public required Hash256 ValidatorSetHash { get; init; }

    public required IReadOnlyList<CommitSignatureDto> Signatures { get; init; }
}

internal sealed class CommitSignatureDto
{
    public required ulong ValidatorIndex { get; init; }

    /// <summary>The address the signature recovers to over the precommit sign bytes (null if it does not recover).</summary>
    public required Address? Signer { get; init; }
}
