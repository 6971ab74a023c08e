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
    /// The value an EVM word is stored as: its minimal big-endian bytes, as Ethereum stores slots
    /// (empty for zero, which deletes the slot).
    /// </summary>
    /// <exception cref="ArgumentException">The word is longer than 32 bytes.</exception>
    public static byte[] FromWord(ReadOnlySpan<byte> word)
    {
        if (word.Length > WordSize)
        {
            throw new ArgumentException($"A word is at most {WordSize} bytes.", nameof(word));
        }

        var firstNonZero = word.IndexOfAnyExcept((byte)0);
        return firstNonZero < 0 ? [] : word[firstNonZero..].ToArray();
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
