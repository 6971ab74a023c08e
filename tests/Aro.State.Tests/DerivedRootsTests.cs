using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Core.Transactions;
using Aro.State.Trie;

namespace Aro.State.Tests;

public class DerivedRootsTests
{
    private static readonly byte[] ItemA = [0xc1, 0x01];
    private static readonly byte[] ItemB = [0x02, 0xc2, 0x05, 0x06];

    [Fact]
    public void Empty_list_gives_the_empty_trie_root()
    {
        Assert.Equal(PatriciaTrie.EmptyRootHash, DerivedRoots.Transactions(Array.Empty<byte[]>()));
        Assert.Equal(PatriciaTrie.EmptyRootHash, DerivedRoots.Receipts(Array.Empty<Receipt>()));
    }

    [Fact]
    public void Keys_are_the_rlp_of_each_index()
    {
        var trie = new PatriciaTrie(new MemoryTrieNodeStore());
        trie.Set([0x80], ItemA);
        trie.Set([0x01], ItemB);

        Assert.Equal(trie.RootHash, DerivedRoots.Transactions([ItemA, ItemB]));
    }

    [Fact]
    public void Order_of_items_changes_the_root()
    {
        Assert.NotEqual(DerivedRoots.Transactions([ItemA, ItemB]), DerivedRoots.Transactions([ItemB, ItemA]));
    }

    [Fact]
    public void Index_128_and_above_use_two_byte_keys()
    {
        var items = Enumerable.Range(0, 130).Select(i => new byte[] { 0xc1, (byte)(i % 0x7f) }).ToArray();
        var trie = new PatriciaTrie(new MemoryTrieNodeStore());
        for (var i = 0; i < items.Length; i++)
        {
            trie.Set(Aro.Core.Rlp.RlpCodec.EncodeUInt64((ulong)i), items[i]);
        }

        Assert.Equal(trie.RootHash, DerivedRoots.Transactions(items));
    }

    [Fact]
    public void Body_root_equals_the_root_over_its_encoded_transactions()
    {
        var key = new byte[32];
        key[31] = 7;
        var tx = TxSigner.Sign(Transaction.DynamicFee(1, 0, 1UL, 2UL, 21_000, Address.Zero, 1UL, [], ImmutableArray<AccessListEntry>.Empty), key);
        var body = new BlockBody([tx], null);

        Assert.Equal(DerivedRoots.Transactions([TxEncoder.Encode(tx)]), DerivedRoots.Transactions(body));
    }

    [Fact]
    public void Receipt_root_equals_the_root_over_their_encodings()
    {
        var receipts = new[]
        {
            Receipt.Create(TxType.Legacy, true, 21_000, []),
            Receipt.Create(TxType.DynamicFee, false, 60_000, [new Log(Address.Zero, [Keccak256.Hash("e"u8)], [1])]),
        };

        Assert.Equal(DerivedRoots.Receipts(receipts.Select(ReceiptCodec.Encode).ToList()), DerivedRoots.Receipts(receipts));
    }

    [Fact]
    public void Rejects_an_empty_item()
    {
        Assert.Throws<ArgumentException>(() => DerivedRoots.Transactions([ItemA, []]));
    }
}
