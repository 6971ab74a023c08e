using Aro.Core;
using System.Collections.Immutable;

namespace Aro.Execution.Chain;

/// <summary>A validator of the genesis set: its address (derived from the key), uncompressed secp256k1 key and voting power.</summary>
public sealed record GenesisValidator(Address Address, ImmutableArray<byte> PublicKey, ulong Power)
{
    public bool Equals(GenesisValidator? other) =>
        other is not null && Address == other.Address && Power == other.Power && PublicKey.AsSpan().SequenceEqual(other.PublicKey.AsSpan());

    public override int GetHashCode() => HashCode.Combine(Address, Power);
}
