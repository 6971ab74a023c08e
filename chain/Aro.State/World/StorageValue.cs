using Aro.Core.Rlp;

namespace Aro.State.World;

/// <summary>
/// How storage values sit in a storage trie: rlp(value bytes) under keccak(key). Module records are
/// arbitrary-length byte strings (themselves RLP); EVM words are their minimal big-endian bytes.
/// </summary>
public static class StorageValue
{
    public const int WordSize = 32;

    public static byte[] Encode(ReadOnlySpan<byte> value) => RlpCodec.EncodeBytes(value);

    /// <exception cref="StateEncodingException">Not a single canonical, non-empty RLP string.</exception>
    public static byte[] Decode(ReadOnlySpan<byte> rlp)
    {
        try
        {
            var reader = new RlpReader(rlp);
            var value = reader.ReadBytes();
            reader.EnsureEnd();
            return value.IsEmpty
                ? throw new StateEncodingException("A stored storage value is empty; empty values are deletions.")
                : value.ToArray();
        }
        catch (RlpException ex)
        {
            throw new StateEncodingException("A storage value is not a canonical RLP string.", ex);
        }
    }

    /// <summary>
    /// What eth_getStorageAt answers for a value: values up to 32 bytes left-padded to a 32-byte word
    /// (absent = zero word); longer values (module records) whole, since cutting them would misreport state.
    /// </summary>
    public static byte[] ToWord(byte[]? value)
    {
        if (value is not null && value.Length > WordSize)
        {
            return value.AsSpan().ToArray();
        }

        var word = new byte[WordSize];
        value?.CopyTo(word.AsSpan(WordSize - value.Length));
        return word;
    }
}
