using Aro.Core.Crypto;
using Aro.Core.Rlp;

namespace Aro.Core.Blocks;

/// <summary>
/// One signed consensus vote: a validator's prevote or precommit for (height, round, block hash),
/// with a recoverable signature r ‖ s ‖ v over <see cref="VoteSignBytes.SigningHash"/>. A nil vote
/// has no block hash. The signer is recovered, not stored: the encoding cannot name one validator
/// and carry another's signature. Encoded as <c>rlp([height, round, type, blockHash | "", signature])</c>.
/// </summary>
public sealed class Vote
{
    /// <exception cref="ArgumentException">Unknown vote type or a non-canonical signature.</exception>
    public Vote(ulong height, uint round, VoteType type, Hash256? blockHash, ReadOnlySpan<byte> signature)
    {
        if (type is not (VoteType.Prevote or VoteType.Precommit))
        {
            throw new ArgumentException($"Unknown vote type {(byte)type}.", nameof(type));
        }

        if (CommitSignature.Check(signature) is { } problem)
        {
            throw new ArgumentException(problem, nameof(signature));
        }

        Height = height;
        Round = round;
        Type = type;
        BlockHash = blockHash;
        Signature = signature.ToArray();
    }

    public ulong Height { get; }

    public uint Round { get; }

    public VoteType Type { get; }

    /// <summary>Null for a nil vote.</summary>
    public Hash256? BlockHash { get; }

    /// <summary>r ‖ s ‖ v, 65 bytes, low s.</summary>
    public ReadOnlyMemory<byte> Signature { get; }

    /// <summary>Signs a vote with a validator key (RFC 6979, low s).</summary>
    public static Vote Sign(ulong chainId, ulong height, uint round, VoteType type, Hash256? blockHash, ReadOnlySpan<byte> privateKey)
    {
        var digest = VoteSignBytes.SigningHash(chainId, height, round, type, blockHash);
        Span<byte> signature = stackalloc byte[CommitSignature.SignatureLength];
        Secp256k1.SignRecoverable(digest.Bytes, privateKey, signature[..Secp256k1.SignatureLength], out var recoveryId);
        signature[Secp256k1.SignatureLength] = recoveryId;
        return new Vote(height, round, type, blockHash, signature);
    }

    /// <summary>The address of the key that signed this vote on chain <paramref name="chainId"/>; false when none recovers.</summary>
    public bool TryRecoverSigner(ulong chainId, out Address signer)
    {
        var digest = VoteSignBytes.SigningHash(chainId, Height, Round, Type, BlockHash);
        Span<byte> publicKey = stackalloc byte[Secp256k1.UncompressedPublicKeyLength];
        var signature = Signature.Span;
        if (!Secp256k1.TryRecoverPublicKey(digest.Bytes, signature[..Secp256k1.SignatureLength], signature[Secp256k1.SignatureLength], publicKey))
        {
            signer = default;
            return false;
        }

        signer = Address.FromPublicKey(publicKey);
        return true;
    }

    internal RlpItem ToRlp() => RlpItem.FromList(
        RlpItem.FromBytes(((UInt256)Height).ToBigEndianMinimal()),
        RlpItem.FromBytes(((UInt256)Round).ToBigEndianMinimal()),
        RlpItem.FromBytes([(byte)Type]),
        RlpItem.FromBytes(BlockHash is { } hash ? hash.Bytes : []),
        RlpItem.FromBytes(Signature.Span));

    /// <summary>Reads one vote from <paramref name="reader"/>; every field strict.</summary>
    internal static Vote Read(ref RlpReader reader)
    {
        var fields = reader.ReadList();
        var height = fields.ReadUInt64();
        var round = fields.ReadUInt64();
        var type = fields.ReadUInt64();
        var hash = fields.ReadBytes();
        var signature = fields.ReadBytes();
        fields.EnsureEnd();
        if (round > uint.MaxValue)
        {
            throw new EvidenceFormatException("vote round does not fit 32 bits");
        }

        if (type is not ((byte)VoteType.Prevote or (byte)VoteType.Precommit))
        {
            throw new EvidenceFormatException($"unknown vote type {type}");
        }

        if (hash.Length is not (0 or Hash256.Size))
        {
            throw new EvidenceFormatException($"vote block hash is {hash.Length} bytes; 0 (nil) or 32 expected");
        }

        if (CommitSignature.Check(signature) is { } problem)
        {
            throw new EvidenceFormatException(problem);
        }

        return new Vote(height, (uint)round, (VoteType)type, hash.IsEmpty ? null : new Hash256(hash), signature);
    }
}
