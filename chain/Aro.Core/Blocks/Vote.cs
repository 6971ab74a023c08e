using Aro.Core.Crypto;

namespace Aro.Core.Blocks;

/// <summary>
/// A validator's signed prevote or precommit for (height, round, block hash), or for nil (no block).
/// The signature is r ‖ s ‖ v over <see cref="VoteSignBytes.SigningHash"/>, canonical as in a
/// <see cref="Commit"/>, so a precommit for a block is one commit signature. The validator's index
/// and address travel with the vote; <see cref="Verify"/> checks the signature recovers to that
/// address. Whether the index names that address in the set of the height is the caller's check.
/// </summary>
public sealed class Vote : IEquatable<Vote>
{
    private readonly CommitSignature _signature;

    /// <exception cref="ArgumentException">An unknown vote type or a non-canonical signature.</exception>
    public Vote(VoteType type, ulong height, uint round, Hash256? blockHash, uint validatorIndex, in Address validator, ReadOnlySpan<byte> signature)
    {
        if (type is not (VoteType.Prevote or VoteType.Precommit))
        {
            throw new ArgumentException($"Unknown vote type {(byte)type}.", nameof(type));
        }

        Type = type;
        Height = height;
        Round = round;
        BlockHash = blockHash;
        ValidatorIndex = validatorIndex;
        Validator = validator;
        _signature = new CommitSignature(validatorIndex, signature);
    }

    public VoteType Type { get; }

    public ulong Height { get; }

    public uint Round { get; }

    /// <summary>Null for a nil vote.</summary>
    public Hash256? BlockHash { get; }

    public bool IsNil => BlockHash is null;

    public uint ValidatorIndex { get; }

    public Address Validator { get; }

    /// <summary>r ‖ s ‖ v (65 bytes).</summary>
    public ReadOnlySpan<byte> Signature => _signature.Signature;

    /// <summary>Signs a vote with a validator key (RFC 6979, low s): the same inputs give the same vote.</summary>
    public static Vote Sign(ulong chainId, VoteType type, ulong height, uint round, Hash256? blockHash, uint validatorIndex, ReadOnlySpan<byte> privateKey)
    {
        Span<byte> publicKey = stackalloc byte[Secp256k1.UncompressedPublicKeyLength];
        Secp256k1.GetPublicKey(privateKey, publicKey);
        var signature = CommitSignature.Sign(validatorIndex, VoteSignBytes.SigningHash(chainId, height, round, type, blockHash), privateKey);
        return new Vote(type, height, round, blockHash, validatorIndex, Address.FromPublicKey(publicKey), signature.Signature);
    }

    public Hash256 SigningHash(ulong chainId) => VoteSignBytes.SigningHash(chainId, Height, Round, Type, BlockHash);

    /// <summary>True when the signature over this vote's sign bytes on <paramref name="chainId"/> recovers to <see cref="Validator"/>.</summary>
    public bool Verify(ulong chainId) => _signature.TryRecoverSigner(SigningHash(chainId), out var signer) && signer == Validator;

    /// <summary>This precommit's signature as it goes into a commit.</summary>
    /// <exception cref="InvalidOperationException">A prevote or a nil vote: only precommits for a block are commit signatures.</exception>
    public CommitSignature ToCommitSignature() =>
        Type == VoteType.Precommit && BlockHash is not null
            ? _signature
            : throw new InvalidOperationException("Only a precommit for a block goes into a commit.");

    /// <summary>Same validator and step (type, height, round), different block ids: the two votes equivocate.</summary>
    public bool ConflictsWith(Vote other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Type == other.Type && Height == other.Height && Round == other.Round && Validator == other.Validator
            && BlockHash != other.BlockHash;
    }

    public bool Equals(Vote? other) =>
        other is not null
        && Type == other.Type
        && Height == other.Height
        && Round == other.Round
        && BlockHash == other.BlockHash
        && ValidatorIndex == other.ValidatorIndex
        && Validator == other.Validator
        && Signature.SequenceEqual(other.Signature);

    public override bool Equals(object? obj) => Equals(obj as Vote);

    public override int GetHashCode() => HashCode.Combine(Type, Height, Round, BlockHash, Validator);

    public override string ToString() =>
        $"{Type} h={Height} r={Round} {(BlockHash is { } hash ? hash.ToString()[..10] : "nil")} by #{ValidatorIndex} {Validator}";
}
