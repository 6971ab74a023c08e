using Aro.Core.Blocks;
using Aro.Core.Crypto;

namespace Aro.Core.Tests.Blocks.Builders;

/// <summary>A header with distinct non-zero defaults in every field, so round trips exercise every encoding.</summary>
internal sealed class HeaderBuilder
{
    private Hash256 _parentHash = Keccak256.Hash("parent"u8);
    private ulong _number = 1;
    private ulong _timestamp = 1_700_000_000;
    private Address _proposer = TestKeys.AddressOf(TestKeys.ValidatorA);
    private Hash256 _stateRoot = Keccak256.Hash("state"u8);
    private Hash256 _transactionsRoot = Keccak256.Hash("transactions"u8);
    private Hash256 _receiptsRoot = Keccak256.Hash("receipts"u8);
    private Bloom _logsBloom = BloomWith("default log address");
    private ulong _gasLimit = 30_000_000;
    private ulong _gasUsed = 21_000;
    private UInt256 _baseFeePerGas = 1_000_000_000UL;
    private ulong _epoch = 3;
    private Hash256 _validatorSetHash = Keccak256.Hash("validators"u8);
    private Hash256 _lastCommitHash = Hash256.Zero;
    private Hash256 _evidenceHash = EvidenceList.EmptyHash;

    public BlockHeader TestObject => new()
    {
        ParentHash = _parentHash,
        Number = _number,
        Timestamp = _timestamp,
        Proposer = _proposer,
        StateRoot = _stateRoot,
        TransactionsRoot = _transactionsRoot,
        ReceiptsRoot = _receiptsRoot,
        LogsBloom = _logsBloom,
        GasLimit = _gasLimit,
        GasUsed = _gasUsed,
        BaseFeePerGas = _baseFeePerGas,
        Epoch = _epoch,
        ValidatorSetHash = _validatorSetHash,
        LastCommitHash = _lastCommitHash,
        EvidenceHash = _evidenceHash,
    };

    public HeaderBuilder WithNumber(ulong number)
    {
        _number = number;
        return this;
    }

    public HeaderBuilder WithParent(Hash256 parentHash)
    {
        _parentHash = parentHash;
        return this;
    }

    /// <summary>Child of <paramref name="parent"/>: its hash, the next number, one second later, same epoch.</summary>
    public HeaderBuilder WithParent(BlockHeader parent)
    {
        _parentHash = parent.Hash;
        _number = parent.Number + 1;
        _timestamp = parent.Timestamp + 1;
        _epoch = parent.Epoch;
        return this;
    }

    public HeaderBuilder WithTimestamp(ulong timestamp)
    {
        _timestamp = timestamp;
        return this;
    }

    public HeaderBuilder WithProposer(Address proposer)
    {
        _proposer = proposer;
        return this;
    }

    public HeaderBuilder WithStateRoot(Hash256 root)
    {
        _stateRoot = root;
        return this;
    }

    public HeaderBuilder WithTransactionsRoot(Hash256 root)
    {
        _transactionsRoot = root;
        return this;
    }

    public HeaderBuilder WithReceiptsRoot(Hash256 root)
    {
        _receiptsRoot = root;
        return this;
    }

    public HeaderBuilder WithBloom(Bloom bloom)
    {
        _logsBloom = bloom;
        return this;
    }

    public HeaderBuilder WithGas(ulong limit, ulong used)
    {
        _gasLimit = limit;
        _gasUsed = used;
        return this;
    }

    public HeaderBuilder WithBaseFee(UInt256 baseFee)
    {
        _baseFeePerGas = baseFee;
        return this;
    }

    public HeaderBuilder WithEpoch(ulong epoch)
    {
        _epoch = epoch;
        return this;
    }

    public HeaderBuilder WithValidatorSetHash(Hash256 hash)
    {
        _validatorSetHash = hash;
        return this;
    }

    public HeaderBuilder WithLastCommitHash(Hash256 hash)
    {
        _lastCommitHash = hash;
        return this;
    }

    /// <summary>Names <paramref name="commit"/> as this header's last commit (hash only; the body carries the commit).</summary>
    public HeaderBuilder WithLastCommit(Commit commit)
    {
        _lastCommitHash = commit.Hash;
        return this;
    }

    public HeaderBuilder WithEvidenceHash(Hash256 hash)
    {
        _evidenceHash = hash;
        return this;
    }

    private static Bloom BloomWith(string item)
    {
        var builder = new BloomBuilder();
        builder.Add(System.Text.Encoding.ASCII.GetBytes(item));
        return builder.ToBloom();
    }
}
