using Aro.Core;

namespace Aro.Consensus.Core;

/// <summary>
/// Signs this validator's proposals and votes. An implementation may refuse (return false), e.g.
/// <see cref="Signing.GuardedSigner"/> when asked to sign a different value for a step it already
/// signed; the core then stays silent for that step.
/// </summary>
public interface IConsensusSigner
{
    Address Address { get; }

    /// <summary>Writes r ‖ s ‖ v (65 bytes) over <paramref name="signingHash"/> into <paramref name="signature"/>, or returns false.</summary>
    bool TrySign(SignStep step, ulong height, uint round, in Hash256 signingHash, Span<byte> signature);
}
