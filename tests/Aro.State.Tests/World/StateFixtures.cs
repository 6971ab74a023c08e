using Aro.Core;
using Aro.Core.Crypto;
using Aro.State.Trie;
using Aro.State.World;

namespace Aro.State.Tests.World;

internal static class StateFixtures
{
    public static readonly Address Alice = Address.Parse("0x00000000000000000000000000000000000a11ce");
    public static readonly Address Bob = Address.Parse("0x0000000000000000000000000000000000000b0b");
    public static readonly Address Staking = Address.Parse("0x0000000000000000000000000000000000001000");
    public static readonly Address WorkProof = Address.Parse("0x0000000000000000000000000000000000001001");

    public static Address AddressOf(int i)
    {
        var bytes = new byte[Address.Size];
        bytes[0] = 0xaa;
        bytes[16] = (byte)(i >> 24);
        bytes[17] = (byte)(i >> 16);
        bytes[18] = (byte)(i >> 8);
        bytes[19] = (byte)i;
        return new Address(bytes);
    }

    public static byte[] Bytes(string hex) => Hex.Decode(hex);

    /// <summary>The state root of the given accounts, built straight on a secure trie (independent of WorldState).</summary>
    public static Hash256 ExpectedRoot(params (Address Address, Account Account)[] accounts)
    {
        var trie = new SecureTrie(new MemoryTrieNodeStore());
        foreach (var (address, account) in accounts)
        {
            trie.Set(address.Bytes, AccountCodec.Encode(account));
        }

        return trie.RootHash;
    }

    /// <summary>The storage root of the given key/value pairs, built straight on a secure trie.</summary>
    public static Hash256 ExpectedStorageRoot(params (byte[] Key, byte[] Value)[] slots)
    {
        var trie = new SecureTrie(new MemoryTrieNodeStore());
        foreach (var (key, value) in slots)
        {
            trie.Set(key, Aro.Core.Rlp.RlpCodec.EncodeBytes(value));
        }

        return trie.RootHash;
    }

    public static Account WithBalance(ulong balance, ulong nonce = 0) =>
        Account.Empty with { Balance = balance, Nonce = nonce };

    public static Hash256 Keccak(ReadOnlySpan<byte> data) => Keccak256.Hash(data);
}
