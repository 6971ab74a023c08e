using Aro.Core.Blocks;
using Aro.Core.Rlp;
using Aro.Core.Tests.Blocks.Builders;
using Aro.Core.Transactions;

namespace Aro.Core.Tests.Blocks;

public class BlockCodecTests
{
    private static Block ChildWithTransactions()
    {
        var parent = Build.Header().WithNumber(4).TestObject;
        return Build.Block().WithParent(parent).WithSampleTransactions().TestObject;
    }

    [Fact]
    public void Round_trips_a_block_with_transactions_and_last_commit()
    {
        var block = ChildWithTransactions();

        var decoded = BlockCodec.Decode(BlockCodec.Encode(block));

        Assert.Equal(block.Header, decoded.Header);
        Assert.Equal(block.Body.LastCommit, decoded.Body.LastCommit);
        Assert.Equal(block.Body.Transactions.Select(t => t.Hash), decoded.Body.Transactions.Select(t => t.Hash));
        Assert.Equal(BlockCodec.Encode(block), BlockCodec.Encode(decoded));
    }

    [Fact]
    public void Round_trips_the_first_block_without_a_last_commit()
    {
        var block = Build.Block().TestObject;

        var decoded = BlockCodec.Decode(BlockCodec.Encode(block));

        Assert.Null(decoded.Body.LastCommit);
        Assert.Empty(decoded.Body.Transactions);
        Assert.Equal(block.Hash, decoded.Hash);
    }

    [Fact]
    public void Block_hash_is_the_header_hash()
    {
        var block = ChildWithTransactions();

        Assert.Equal(block.Header.Hash, BlockCodec.Decode(BlockCodec.Encode(block)).Hash);
    }

    [Fact]
    public void Round_trips_a_body()
    {
        var body = ChildWithTransactions().Body;

        var decoded = BlockCodec.DecodeBody(BlockCodec.EncodeBody(body));

        Assert.Equal(body.LastCommit, decoded.LastCommit);
        Assert.Equal(BlockCodec.EncodeBody(body), BlockCodec.EncodeBody(decoded));
    }

    [Fact]
    public void Keeps_each_transaction_network_encoding()
    {
        var block = ChildWithTransactions();

        var decoded = BlockCodec.Decode(BlockCodec.Encode(block));

        Assert.Equal(
            block.Body.Transactions.Select(TxEncoder.Encode),
            decoded.Body.EncodedTransactions.Select(e => e.ToArray()));
    }

    [Fact]
    public void Writes_a_legacy_transaction_as_its_list_and_a_typed_one_as_a_string()
    {
        var block = ChildWithTransactions();

        var transactions = RlpCodec.DecodeTree(BlockCodec.Encode(block)).Items[1].Items;

        Assert.True(transactions[0].IsList);
        Assert.False(transactions[1].IsList);
        Assert.Equal(TxEncoder.Encode(block.Body.Transactions[1]), transactions[1].Bytes.ToArray());
    }

    [Fact]
    public void Writes_an_absent_last_commit_as_the_empty_list()
    {
        var encoded = BlockCodec.Encode(Build.Block().TestObject);

        Assert.Equal(0xc0, encoded[^1]);
    }

    [Fact]
    public void Constructor_rejects_a_last_commit_the_header_does_not_name()
    {
        var parent = Build.Header().WithNumber(4).TestObject;
        var header = Build.Header().WithParent(parent).TestObject;
        var commit = Build.Commit().For(parent).TestObject;

        Assert.Throws<ArgumentException>(() => new Block(header, new BlockBody([], commit)));
    }

    [Fact]
    public void Decode_rejects_a_last_commit_with_another_hash()
    {
        var block = ChildWithTransactions();
        var other = Build.Commit().For(Build.Header().WithNumber(4).TestObject).WithRound(1).TestObject;
        var encoded = RlpEdit.ReplaceRaw(BlockCodec.Encode(block), 2, CommitCodec.Encode(other));

        Assert.Equal(BlockError.LastCommitMismatch, Assert.Throws<BlockFormatException>(() => BlockCodec.Decode(encoded)).Error);
    }

    [Fact]
    public void Decode_rejects_a_last_commit_for_another_height()
    {
        var parent = Build.Header().WithNumber(4).TestObject;
        var commit = Build.Commit().For(parent).WithHeight(3).TestObject;
        var header = Build.Header().WithParent(parent).WithLastCommit(commit).TestObject;

        var encoded = EncodeUnchecked(header, commit);

        Assert.Equal(BlockError.LastCommitMismatch, Assert.Throws<BlockFormatException>(() => BlockCodec.Decode(encoded)).Error);
    }

    [Fact]
    public void Decode_rejects_a_last_commit_for_a_block_other_than_the_parent()
    {
        var parent = Build.Header().WithNumber(4).TestObject;
        var commit = Build.Commit().For(Build.Header().WithNumber(4).WithTimestamp(1).TestObject).TestObject;
        var header = Build.Header().WithParent(parent).WithLastCommit(commit).TestObject;

        var encoded = EncodeUnchecked(header, commit);

        Assert.Equal(BlockError.LastCommitMismatch, Assert.Throws<BlockFormatException>(() => BlockCodec.Decode(encoded)).Error);
    }

    [Fact]
    public void Decode_rejects_a_block_after_the_first_without_a_last_commit()
    {
        var header = Build.Header().WithNumber(2).TestObject;

        var encoded = EncodeUnchecked(header, null);

        Assert.Equal(BlockError.LastCommitMismatch, Assert.Throws<BlockFormatException>(() => BlockCodec.Decode(encoded)).Error);
    }

    [Fact]
    public void Decode_rejects_the_first_block_with_a_nonzero_last_commit_hash()
    {
        var header = Build.Header().WithNumber(1).WithLastCommitHash(Aro.Core.Crypto.Keccak256.Hash("x"u8)).TestObject;

        var encoded = EncodeUnchecked(header, null);

        Assert.Equal(BlockError.LastCommitMismatch, Assert.Throws<BlockFormatException>(() => BlockCodec.Decode(encoded)).Error);
    }

    [Fact]
    public void Decode_rejects_a_legacy_transaction_wrapped_in_a_string()
    {
        var block = ChildWithTransactions();
        var legacy = TxEncoder.Encode(block.Body.Transactions[0]);
        var encoded = RlpEdit.Replace(BlockCodec.Encode(block), 1, RlpItem.FromList(RlpItem.FromBytes(legacy)));

        Assert.Equal(BlockError.InvalidTransaction, Assert.Throws<BlockFormatException>(() => BlockCodec.Decode(encoded)).Error);
    }

    [Fact]
    public void Decode_rejects_a_malformed_transaction_keeping_the_cause()
    {
        var block = ChildWithTransactions();
        var encoded = RlpEdit.Replace(BlockCodec.Encode(block), 1, RlpItem.FromList(RlpItem.FromBytes([0x02, 0xc0])));

        var error = Assert.Throws<BlockFormatException>(() => BlockCodec.Decode(encoded));

        Assert.Equal(BlockError.InvalidTransaction, error.Error);
        Assert.IsType<TransactionFormatException>(error.InnerException);
    }

    [Fact]
    public void Decode_rejects_trailing_bytes_and_wrong_item_counts()
    {
        var encoded = BlockCodec.Encode(ChildWithTransactions());

        Assert.Equal(BlockError.MalformedRlp, Assert.Throws<BlockFormatException>(() => BlockCodec.Decode([.. encoded, 0x80])).Error);
        Assert.Equal(BlockError.WrongFieldCount, Assert.Throws<BlockFormatException>(() => BlockCodec.Decode(RlpEdit.RemoveLast(encoded))).Error);
        Assert.Equal(BlockError.WrongFieldCount, Assert.Throws<BlockFormatException>(() => BlockCodec.Decode(RlpEdit.Append(encoded, RlpItem.FromList()))).Error);
        Assert.Equal(BlockError.WrongFieldCount, Assert.Throws<BlockFormatException>(() => BlockCodec.Decode([0xc0])).Error);
    }

    [Fact]
    public void Decode_body_rejects_a_missing_last_commit()
    {
        var encoded = RlpEdit.RemoveLast(BlockCodec.EncodeBody(ChildWithTransactions().Body));

        Assert.Equal(BlockError.WrongFieldCount, Assert.Throws<BlockFormatException>(() => BlockCodec.DecodeBody(encoded)).Error);
    }

    // A block the Block constructor would refuse, assembled item by item.
    private static byte[] EncodeUnchecked(BlockHeader header, Commit? commit) =>
        RlpEdit.List([HeaderCodec.Encode(header), [0xc0], commit is null ? [0xc0] : CommitCodec.Encode(commit), [0xc0]]);
}
