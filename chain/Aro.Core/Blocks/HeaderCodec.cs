using Aro.Core.Crypto;
using Aro.Core.Rlp;

namespace Aro.Core.Blocks;

/// <summary>
/// rlp([parentHash, number, timestamp, proposer, stateRoot, transactionsRoot, receiptsRoot,
/// logsBloom, gasLimit, gasUsed, baseFeePerGas, epoch, validatorSetHash, lastCommitHash, evidenceHash]) — the
/// table in Blocks/README.md. Integers are canonical (minimal big-endian, zero is 0x80); hashes 32,
/// proposer 20 and bloom 256 bytes exactly. Only that form decodes, so the block hash is unique.
/// </summary>
public static class HeaderCodec
{
    public const int FieldCount = 15;

    private const string What = "Block header";

    private const int HashItem = 1 + Hash256.Size;

    private const int BloomItem = 3 + Bloom.Size;

    public static byte[] Encode(BlockHeader header)
    {
        var buffer = new byte[EncodedLength(header)];
        var writer = new RlpWriter(buffer);
        Write(ref writer, header);
        return buffer;
    }

    public static int EncodedLength(BlockHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return RlpWriter.LengthOfList(ContentLength(header));
    }

    /// <exception cref="BlockFormatException">Anything but exactly one canonical header (trailing bytes included).</exception>
    public static BlockHeader Decode(ReadOnlySpan<byte> encoded)
    {
        try
        {
            var reader = new RlpReader(encoded);
            var header = Read(ref reader);
            reader.EnsureEnd();
            return header;
        }
        catch (RlpException e)
        {
            throw new BlockFormatException(BlockError.MalformedRlp, $"{What} is not canonical RLP: {e.Message}", e);
        }
    }

    internal static Hash256 ComputeHash(BlockHeader header)
    {
        var length = EncodedLength(header);
        Span<byte> buffer = stackalloc byte[length];
        var writer = new RlpWriter(buffer);
        Write(ref writer, header);
        return Keccak256.Hash(buffer);
    }

    internal static void Write(ref RlpWriter writer, BlockHeader header)
    {
        writer.WriteListHeader(ContentLength(header));
        writer.WriteBytes(header.ParentHash.Bytes);
        writer.WriteUInt64(header.Number);
        writer.WriteUInt64(header.Timestamp);
        writer.WriteAddress(header.Proposer);
        writer.WriteBytes(header.StateRoot.Bytes);
        writer.WriteBytes(header.TransactionsRoot.Bytes);
        writer.WriteBytes(header.ReceiptsRoot.Bytes);
        var bloom = header.LogsBloom;
        writer.WriteBytes(bloom.Bytes);
        writer.WriteUInt64(header.GasLimit);
        writer.WriteUInt64(header.GasUsed);
        writer.WriteUInt256(header.BaseFeePerGas);
        writer.WriteUInt64(header.Epoch);
        writer.WriteBytes(header.ValidatorSetHash.Bytes);
        writer.WriteBytes(header.LastCommitHash.Bytes);
        writer.WriteBytes(header.EvidenceHash.Bytes);
    }

    /// <summary>Reads one header item (RLP errors propagate) and caches keccak of its bytes as the hash.</summary>
    internal static BlockHeader Read(ref RlpReader reader)
    {
        var raw = reader.ReadRaw();
        var list = new RlpReader(raw).ReadList();
        var fields = new BlockFieldReader(list, What, FieldCount);
        var header = new BlockHeader
        {
            ParentHash = fields.ReadHash("parentHash"),
            Number = fields.ReadUInt64("number"),
            Timestamp = fields.ReadUInt64("timestamp"),
            Proposer = fields.ReadAddress("proposer"),
            StateRoot = fields.ReadHash("stateRoot"),
            TransactionsRoot = fields.ReadHash("transactionsRoot"),
            ReceiptsRoot = fields.ReadHash("receiptsRoot"),
            LogsBloom = new Bloom(fields.ReadFixed("logsBloom", Bloom.Size)),
            GasLimit = fields.ReadUInt64("gasLimit"),
            GasUsed = fields.ReadUInt64("gasUsed"),
            BaseFeePerGas = fields.ReadUInt256("baseFeePerGas"),
            Epoch = fields.ReadUInt64("epoch"),
            ValidatorSetHash = fields.ReadHash("validatorSetHash"),
            LastCommitHash = fields.ReadHash("lastCommitHash"),
            EvidenceHash = fields.ReadHash("evidenceHash"),
        };
        fields.EnsureEnd();
        header.SetDecodedHash(Keccak256.Hash(raw));
        return header;
    }

    // Seven hashes (parent, state, transactions, receipts, validator set, last commit, evidence), proposer, bloom, integers.
    private static int ContentLength(BlockHeader header) =>
        (7 * HashItem) + RlpUInt256Extensions.AddressLength + BloomItem
        + RlpWriter.LengthOfUInt64(header.Number)
        + RlpWriter.LengthOfUInt64(header.Timestamp)
        + RlpWriter.LengthOfUInt64(header.GasLimit)
        + RlpWriter.LengthOfUInt64(header.GasUsed)
        + RlpUInt256Extensions.LengthOfUInt256(header.BaseFeePerGas)
        + RlpWriter.LengthOfUInt64(header.Epoch);
}
