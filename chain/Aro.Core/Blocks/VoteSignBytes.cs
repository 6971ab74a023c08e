using Aro.Core.Crypto;
using Aro.Core.Rlp;

namespace Aro.Core.Blocks;

/// <summary>
/// The canonical bytes a validator signs for a vote:
/// <c>0x8b "aro-vote-v1" ‖ rlp([chainId, height, round, type, blockHash])</c>, signed as their keccak256.
/// The prefix is the RLP string "aro-vote-v1": its first byte 0x8b can start neither a transaction
/// signing preimage (legacy 0xc0+, typed 0x00–0x7f), nor an EIP-191 message (0x19), nor a header or
/// trie node (lists), so a validator key's vote signature is valid for nothing else. The chain id
/// stops replay across networks; height, round and type pin the vote to one step. A nil vote
/// (prevote or precommit for no block) carries an empty block hash (0x80), distinct from any hash.
/// Block time is not signed: the proposer's header timestamp is the block's time.
/// </summary>
public static class VoteSignBytes
{
    /// <summary>ASCII of the domain tag; the encoded prefix is 0x8b followed by these 11 bytes.</summary>
    public const string DomainTag = "aro-vote-v1";

    // 0x8b (RLP string of 11 bytes) followed by ASCII "aro-vote-v1".
    private static ReadOnlySpan<byte> Prefix => [0x8b, 0x61, 0x72, 0x6f, 0x2d, 0x76, 0x6f, 0x74, 0x65, 0x2d, 0x76, 0x31];

    /// <summary>Longest sign bytes: prefix, list header, chain id and height (9 each), round (5), type (1), hash (33).</summary>
    private const int MaxLength = 12 + 2 + 9 + 9 + 5 + 1 + 33;

    public static byte[] Create(ulong chainId, ulong height, uint round, VoteType type, Hash256? blockHash)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        return buffer[..Write(chainId, height, round, type, blockHash, buffer)].ToArray();
    }

    /// <summary>keccak256 of <see cref="Create"/>: the digest the validator key signs. Allocation-free.</summary>
    public static Hash256 SigningHash(ulong chainId, ulong height, uint round, VoteType type, Hash256? blockHash)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        return Keccak256.Hash(buffer[..Write(chainId, height, round, type, blockHash, buffer)]);
    }

    private static int Write(ulong chainId, ulong height, uint round, VoteType type, Hash256? blockHash, Span<byte> buffer)
    {
        var content = RlpWriter.LengthOfUInt64(chainId) + RlpWriter.LengthOfUInt64(height) + RlpWriter.LengthOfUInt64(round)
            + RlpWriter.LengthOfUInt64((byte)type) + (blockHash is null ? 1 : 1 + Hash256.Size);
        Prefix.CopyTo(buffer);
        var writer = new RlpWriter(buffer[Prefix.Length..]);
        writer.WriteListHeader(content);
        writer.WriteUInt64(chainId);
        writer.WriteUInt64(height);
        writer.WriteUInt64(round);
        writer.WriteUInt64((byte)type);
        if (blockHash is { } hash)
        {
            writer.WriteBytes(hash.Bytes);
        }
        else
        {
            writer.WriteBytes([]);
        }

        return Prefix.Length + writer.Position;
    }
}
