using Aro.Core;

namespace Aro.Consensus.Core;

/// <summary>
/// The value consensus decides on: a block's hash (its identity in votes) and its encoding (what a
/// proposal carries and a commit finalises). The core never decodes the bytes; the node's
/// <see cref="IProposalValidator"/> does, and must reject bytes whose block hash is not <see cref="Hash"/>.
/// </summary>
public sealed class BlockValue(Hash256 hash, ReadOnlyMemory<byte> encoded)
{
    public Hash256 Hash { get; } = hash;

    public ReadOnlyMemory<byte> Encoded { get; } = encoded;

    public override string ToString() => Hash.ToString()[..10];
}
