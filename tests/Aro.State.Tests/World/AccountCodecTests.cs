using Aro.Core;
using Aro.Core.Crypto;
using Aro.State.Trie;
using Aro.State.World;

namespace Aro.State.Tests.World;

public class AccountCodecTests
{
    [Fact]
    public void Empty_account_has_zero_nonce_and_balance_the_empty_root_and_the_hash_of_no_code()
    {
        Assert.Equal(0ul, Account.Empty.Nonce);
        Assert.True(Account.Empty.Balance.IsZero);
        Assert.Equal(Hash256.Parse("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421"), Account.Empty.StorageRoot);
        Assert.Equal(Hash256.Parse("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"), Account.Empty.CodeHash);
        Assert.True(Account.Empty.IsEmpty);
    }

    [Fact]
    public void Encodes_as_the_rlp_list_of_nonce_balance_storage_root_and_code_hash()
    {
        var account = new Account(1, 0x05f446a7, PatriciaTrie.EmptyRootHash, Keccak256.EmptyHash);

        var encoded = AccountCodec.Encode(account);

        // test1 of ethereum/tests hex_encoded_securetrie_test.json holds exactly this account.
        Assert.Equal(
            "f848018405f446a7a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
            Hex.Encode(encoded, prefix: false));
        Assert.Equal(encoded.Length, AccountCodec.GetLength(account));
    }

    [Theory]
    [InlineData(0ul, "0")]
    [InlineData(127ul, "127")]
    [InlineData(ulong.MaxValue, "115792089237316195423570985008687907853269984665640564039457584007913129639935")]
    public void Round_trips_extreme_nonces_and_balances(ulong nonce, string balance)
    {
        var account = new Account(nonce, UInt256.Parse(balance), Keccak256.Hash([1]), Keccak256.Hash([2]));

        Assert.Equal(account, AccountCodec.Decode(AccountCodec.Encode(account)));
    }

    [Theory]
    [InlineData("f84301a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")] // three items
    [InlineData("f8450180a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a47080")] // five items
    [InlineData("f8430180a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b4219fc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a4")] // 31-byte code hash
    [InlineData("f846820001 80a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")] // nonce with a leading zero
    [InlineData("c0")]
    [InlineData("80")]
    [InlineData("")]
    public void Rejects_non_canonical_accounts_with_a_typed_error(string hex)
    {
        Assert.Throws<StateEncodingException>(() => AccountCodec.Decode(Hex.Decode(hex.Replace(" ", "", StringComparison.Ordinal))));
    }

    [Fact]
    public void Rejects_trailing_bytes_after_the_account()
    {
        var encoded = AccountCodec.Encode(Account.Empty);

        Assert.Throws<StateEncodingException>(() => AccountCodec.Decode([.. encoded, 0x80]));
    }
}
