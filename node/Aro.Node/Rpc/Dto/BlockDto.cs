using System.Text.Json.Serialization;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Crypto;

namespace Aro.Node.Rpc.Dto;

/// <summary>
/// A block as eth_getBlockBy* answers it, or a header as newHeads sends it (no transactions, uncles or
/// size). Field names and order follow geth's London-era block object; proof-of-work fields carry the
/// post-merge constants. The Aro header fields with no Ethereum equivalent follow as extras.
/// </summary>
internal sealed class BlockDto
{
    public required UInt256 BaseFeePerGas { get; init; }

    public UInt256 Difficulty => UInt256.Zero;

    public byte[] ExtraData => [];

    public required ulong GasLimit { get; init; }

    public required ulong GasUsed { get; init; }

    public required Hash256 Hash { get; init; }

    public required byte[] LogsBloom { get; init; }

    /// <summary>The proposer: fees go to it, as to a miner.</summary>
    public required Address Miner { get; init; }

    public Hash256 MixHash => Hash256.Zero;

    public byte[] Nonce => new byte[8];

    public required ulong Number { get; init; }

    public required Hash256 ParentHash { get; init; }

    public required Hash256 ReceiptsRoot { get; init; }

    /// <summary>keccak(rlp([])): there are no uncles.</summary>
    public Hash256 Sha3Uncles => EmptyUnclesHash;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ulong? Size { get; init; }

    public required Hash256 StateRoot { get; init; }

    public required ulong Timestamp { get; init; }

    /// <summary>Hashes (<see cref="Hash256"/>) or full objects (<see cref="TransactionDto"/>); absent for a header.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<object>? Transactions { get; init; }

    public required Hash256 TransactionsRoot { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Hash256>? Uncles { get; init; }

    /// <summary>Aro: the GPoS epoch.</summary>
    public required ulong Epoch { get; init; }

    /// <summary>Aro: the hash of the validator set that signs this block's commit.</summary>
    public required Hash256 ValidatorSetHash { get; init; }

    /// <summary>Aro: keccak(rlp(commit)) of the parent's commit (zero after genesis).</summary>
    public required Hash256 LastCommitHash { get; init; }

    /// <summary>Aro: keccak(rlp(evidence list)) of the double-sign evidence the block carries (keccak(rlp([])) for none).</summary>
    public required Hash256 EvidenceHash { get; init; }

    /// <summary>Aro: the double-sign evidence the block carries, in block order; absent for a header.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<EvidenceDto>? Evidence { get; init; }

    private static readonly Hash256 EmptyUnclesHash = Keccak256.Hash([0xc0]);

    public static BlockDto Header(BlockHeader header) => Create(header, null, null, null);

    public static BlockDto Full(Block block, bool fullTransactions)
    {
        var txs = block.Body.Transactions;
        var items = new object[txs.Length];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = fullTransactions ? TransactionDto.Mined(txs[i], block.Header, i) : txs[i].Hash;
        }

        var evidence = new EvidenceDto[block.Body.Evidence.Length];
        for (var i = 0; i < evidence.Length; i++)
        {
            evidence[i] = EvidenceDto.From(block.Body.Evidence[i]);
        }

        return Create(block.Header, items, evidence, (ulong)BlockCodec.Encode(block).Length);
    }

    private static BlockDto Create(BlockHeader header, object[]? transactions, EvidenceDto[]? evidence, ulong? size) => new()
    {
        BaseFeePerGas = header.BaseFeePerGas,
        GasLimit = header.GasLimit,
        GasUsed = header.GasUsed,
        Hash = header.Hash,
        LogsBloom = header.LogsBloom.Bytes.ToArray(),
        Miner = header.Proposer,
        Number = header.Number,
        ParentHash = header.ParentHash,
        ReceiptsRoot = header.ReceiptsRoot,
        Size = size,
        StateRoot = header.StateRoot,
        Timestamp = header.Timestamp,
        Transactions = transactions,
        TransactionsRoot = header.TransactionsRoot,
        Uncles = transactions is null ? null : [],
        Epoch = header.Epoch,
        ValidatorSetHash = header.ValidatorSetHash,
        LastCommitHash = header.LastCommitHash,
        EvidenceHash = header.EvidenceHash,
        Evidence = evidence,
    };
}
