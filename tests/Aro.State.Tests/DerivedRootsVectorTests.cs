using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Transactions;
using Aro.Testing;

namespace Aro.State.Tests;

/// <summary>Transactions and receipts roots against the execution-apis test chain (Ethereum's DeriveSha).</summary>
public class DerivedRootsVectorTests
{
    private const int ChainBlocks = 54;

    [Fact]
    public void Transactions_root_of_every_chain_block_matches_its_header()
    {
        var run = new VectorRun("chain.rlp transactions roots (raw)");
        foreach (var block in DerivedRootsVectors.Chain)
        {
            run.Case($"block {block.Number}", () => Assert.Equal(block.TransactionsRoot, DerivedRoots.Transactions(block.Transactions)));
        }

        run.AssertAll(atLeast: ChainBlocks);
    }

    [Fact]
    public void Transactions_root_over_decoded_and_reencoded_transactions_matches_its_header()
    {
        // Blocks holding blob (3) or set-code (4) transactions are skipped: TxDecoder refuses those types.
        var run = new VectorRun("chain.rlp transactions roots (TxDecoder → TxEncoder)");
        var transactionsChecked = 0;
        foreach (var block in DerivedRootsVectors.Chain)
        {
            if (block.Transactions.Any(tx => tx[0] is 3 or 4))
            {
                run.Skip();
                continue;
            }

            run.Case($"block {block.Number}", () =>
            {
                var reencoded = block.Transactions.Select(raw => TxEncoder.Encode(TxDecoder.Decode(raw))).ToList();
                Assert.Equal(block.TransactionsRoot, DerivedRoots.Transactions(reencoded));
                transactionsChecked += reencoded.Count;
            });
        }

        run.AssertAll(atLeast: 45);
        Assert.True(transactionsChecked >= 200, $"only {transactionsChecked} transactions re-encoded");
    }

    [Fact]
    public void Raw_receipts_decode_reencode_byte_exact_and_give_the_block_receipts_root()
    {
        using var response = DerivedRootsVectors.Response("debug_getRawReceipts", "get-block-n.io");
        var raw = response.RootElement.GetProperty("result").EnumerateArray().Select(r => Hex.Decode(r.GetString()!)).ToList();
        var run = new VectorRun("debug_getRawReceipts/get-block-n.io");
        var receipts = new List<Receipt>();
        foreach (var (encoded, index) in raw.Select((r, i) => (r, i)))
        {
            run.Case($"receipt {index}", () =>
            {
                var receipt = ReceiptCodec.Decode(encoded);
                Assert.Equal(encoded, ReceiptCodec.Encode(receipt));
                receipts.Add(receipt);
            });
        }

        run.AssertAll(atLeast: 3);
        var block = DerivedRootsVectors.BlockNumber(3);
        Assert.Equal(block.ReceiptsRoot, DerivedRoots.Receipts(raw));
        Assert.Equal(block.ReceiptsRoot, DerivedRoots.Receipts(receipts));
    }

    [Fact]
    public void No_raw_receipts_give_the_genesis_receipts_root()
    {
        using var receipts = DerivedRootsVectors.Response("debug_getRawReceipts", "get-genesis.io");
        using var genesis = DerivedRootsVectors.Response("eth_getBlockByNumber", "get-genesis.io");
        Assert.Equal(0, receipts.RootElement.GetProperty("result").GetArrayLength());
        var expected = Hash256.Parse(genesis.RootElement.GetProperty("result").GetProperty("receiptsRoot").GetString()!);
        Assert.Equal(expected, DerivedRoots.Receipts(Array.Empty<byte[]>()));
        Assert.Equal(expected, DerivedRoots.Transactions(Array.Empty<byte[]>()));
    }

    [Fact]
    public void Receipts_rebuilt_from_rpc_receipts_give_the_block_receipts_root()
    {
        var run = new VectorRun("eth_getBlockReceipts receipts roots");
        foreach (var file in DerivedRootsVectors.IoFiles("eth_getBlockReceipts"))
        {
            using var response = DerivedRootsVectors.Response(file);
            if (!response.RootElement.TryGetProperty("result", out var result) || result.ValueKind != System.Text.Json.JsonValueKind.Array || result.GetArrayLength() == 0)
            {
                run.Skip();
                continue;
            }

            run.Case(System.IO.Path.GetFileName(file), () =>
            {
                var block = DerivedRootsVectors.BlockNumber(DerivedRootsVectors.Quantity(result[0].GetProperty("blockNumber")));
                Assert.Equal(block.Hash, Hash256.Parse(result[0].GetProperty("blockHash").GetString()!));
                var receipts = result.EnumerateArray().Select(DerivedRootsVectors.Receipt).ToList();
                Assert.Equal(block.ReceiptsRoot, DerivedRoots.Receipts(receipts));
            });
        }

        run.AssertAll(atLeast: 3);
    }
}
