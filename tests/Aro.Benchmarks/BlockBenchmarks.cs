using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Core.Transactions;
using Aro.State;
using BenchmarkDotNet.Attributes;

namespace Aro.Benchmarks;

/// <summary>
/// Block-level costs: header hash (encode + keccak), header decode, a 200-transfer block's decode
/// (every transaction decoded and hashed), its transactions root, the receipts root of 200
/// receipts with two logs each, and a bloom built from them.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class BlockBenchmarks
{
    private const int Transactions = 200;

    private BlockHeader _header = null!;
    private byte[] _encodedHeader = [];
    private byte[] _encodedBlock = [];
    private BlockBody _body = null!;
    private Receipt[] _receipts = [];
    private byte[][] _encodedReceipts = [];

    [GlobalSetup]
    public void Setup()
    {
        var key = new byte[32];
        key[31] = 0x2a;
        var to = Address.Parse("0x" + new string('1', 40));
        var transactions = Enumerable.Range(0, Transactions)
            .Select(i => TxSigner.Sign(Transaction.DynamicFee(1, (ulong)i, 1_000_000_000, 30_000_000_000, 21_000, to, 1_000, [], ImmutableArray<AccessListEntry>.Empty), key))
            .ToImmutableArray();
        _body = new BlockBody(transactions, null);
        _header = new BlockHeader
        {
            ParentHash = Keccak256.Hash("parent"u8),
            Number = 1,
            Timestamp = 1_700_000_000,
            Proposer = to,
            StateRoot = Keccak256.Hash("state"u8),
            TransactionsRoot = DerivedRoots.Transactions(_body),
            ReceiptsRoot = Keccak256.Hash("receipts"u8),
            LogsBloom = Bloom.Empty,
            GasLimit = 30_000_000,
            GasUsed = 21_000 * Transactions,
            BaseFeePerGas = 1_000_000_000UL,
            Epoch = 0,
            ValidatorSetHash = Keccak256.Hash("validators"u8),
            LastCommitHash = Hash256.Zero,
        };
        _encodedHeader = HeaderCodec.Encode(_header);
        _encodedBlock = BlockCodec.Encode(new Block(_header, _body));

        var topic = Keccak256.Hash("Transfer(address,address,uint256)"u8);
        _receipts = Enumerable.Range(0, Transactions)
            .Select(i => Receipt.Create(
                TxType.DynamicFee, true, 50_000UL * (ulong)(i + 1), [new Log(to, [topic, Keccak256.Hash([(byte)i])], new byte[32]), new Log(to, [topic], [])]))
            .ToArray();
        _encodedReceipts = _receipts.Select(ReceiptCodec.Encode).ToArray();
    }

    [Benchmark]
    public Hash256 HeaderHash() => Keccak256.Hash(HeaderCodec.Encode(_header));

    [Benchmark]
    public BlockHeader HeaderDecode() => HeaderCodec.Decode(_encodedHeader);

    [Benchmark]
    public Block BlockDecode200Transactions() => BlockCodec.Decode(_encodedBlock);

    [Benchmark]
    public Hash256 TransactionsRoot200() => DerivedRoots.Transactions(_body);

    [Benchmark]
    public Hash256 ReceiptsRoot200() => DerivedRoots.Receipts(_encodedReceipts);

    [Benchmark]
    public Bloom BlockBloom200Receipts()
    {
        var builder = new BloomBuilder();
        foreach (var receipt in _receipts)
        {
            foreach (var log in receipt.Logs)
            {
                builder.Add(log);
            }
        }

        return builder.ToBloom();
    }
}
