using System.Collections.Immutable;
using Aro.Core;

namespace Aro.Consensus.Validators;

/// <summary>A consensus participant: its address (derived from the key), uncompressed secp256k1 public key and voting power.</summary>
public sealed record Validator
{
    public Validator(ImmutableArray<byte> publicKey, ulong power)
    {
        if (power == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(power), "A validator has a positive voting power.");
        }

        Address = Address.FromPublicKey(publicKey.AsSpan());
        PublicKey = publicKey;
        Power = power;
    }

    /// <summary>For tests that reproduce vectors keyed by arbitrary addresses; no key to verify signatures with.</summary>
    internal Validator(Address address, ulong power)
    {
        Address = address;
        PublicKey = [];
        Power = power > 0 ? power : throw new ArgumentOutOfRangeException(nameof(power), "A validator has a positive voting power.");
    }

    public Address Address { get; }

    public ImmutableArray<byte> PublicKey { get; }

    public ulong Power { get; }

    public bool Equals(Validator? other) =>
        other is not null && Address == other.Address && Power == other.Power && PublicKey.AsSpan().SequenceEqual(other.PublicKey.AsSpan());

    public override int GetHashCode() => HashCode.Combine(Address, Power);
}
