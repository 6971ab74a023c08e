using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Aro.Core.Crypto;

namespace Aro.Core.Blocks;

/// <summary>
/// Ethereum's 2048-bit logs bloom (Yellow Paper 4.4.1): each log's address and topics set three
/// bits, taken from byte pairs (0,1), (2,3), (4,5) of the item's keccak, mod 2048, counted from the
/// last byte. Immutable; build one with <see cref="BloomBuilder"/> or <see cref="FromLogs"/>.
/// A false from <see cref="Contains(ReadOnlySpan{byte})"/> is definite; a true may be a false positive.
/// </summary>
public readonly struct Bloom : IEquatable<Bloom>
{
    public const int Size = 256;

    public static readonly Bloom Empty;

    private readonly Bytes256 _bytes;

    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not exactly 256 bytes.</exception>
    public Bloom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"A bloom is {Size} bytes, got {bytes.Length}.", nameof(bytes));
        }

        bytes.CopyTo(_bytes);
    }

    internal Bloom(in Bytes256 bytes) => _bytes = bytes;

    /// <summary>The bytes in place; valid only while this value's storage is.</summary>
    public ReadOnlySpan<byte> Bytes => MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef(in _bytes[0]), Size);

    public bool IsEmpty => Bytes.IndexOfAnyExcept((byte)0) < 0;

    /// <summary>The bloom of a receipt: its logs' addresses and topics.</summary>
    public static Bloom FromLogs(IReadOnlyList<Log> logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        var builder = new BloomBuilder();
        for (var i = 0; i < logs.Count; i++)
        {
            builder.Add(logs[i]);
        }

        return builder.ToBloom();
    }

    /// <summary>True when every bit <paramref name="item"/> (an address or topic, hashed here) sets is set.</summary>
    public bool Contains(ReadOnlySpan<byte> item) => Matches(BloomProbe.Of(item));

    public bool Contains(in Address address) => Contains(address.Bytes);

    public bool Contains(in Hash256 topic) => Contains(topic.Bytes);

    /// <summary>Tests a precomputed probe: a filter hashes its addresses and topics once, not once per block.</summary>
    public bool Matches(in BloomProbe probe)
    {
        var bytes = Bytes;
        return (bytes[probe.Index0] & probe.Mask0) != 0
            && (bytes[probe.Index1] & probe.Mask1) != 0
            && (bytes[probe.Index2] & probe.Mask2) != 0;
    }

    /// <summary>The union (bitwise OR): a block's bloom is the union of its receipts'.</summary>
    public static Bloom operator |(in Bloom left, in Bloom right) => Combine(left, right);

    public static Bloom Combine(in Bloom left, in Bloom right)
    {
        var result = default(Bytes256);
        Span<byte> target = result;
        left.Bytes.CopyTo(target);
        BloomBuilder.Or(target, right.Bytes);
        return new Bloom(result);
    }

    /// <summary>Parses 512 hex digits with an optional 0x prefix.</summary>
    /// <exception cref="HexFormatException">Wrong length or a non-hex character.</exception>
    public static Bloom Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = Hex.StripPrefix(hex.AsSpan());
        Span<byte> bytes = stackalloc byte[Size];
        return digits.Length == Size * 2 && Hex.TryDecodeDigits(digits, bytes)
            ? new Bloom(bytes)
            : throw new HexFormatException($"A bloom is {Size * 2} hex digits with an optional 0x prefix.");
    }

    /// <summary>0x followed by 512 lowercase hex digits.</summary>
    public override string ToString() => Hex.Encode(Bytes);

    public bool Equals(Bloom other) => Bytes.SequenceEqual(other.Bytes);

    public override bool Equals(object? obj) => obj is Bloom other && Equals(other);

    public override int GetHashCode() => Unsafe.ReadUnaligned<int>(in _bytes[Size - 4]);

    public static bool operator ==(in Bloom left, in Bloom right) => left.Equals(right);

    public static bool operator !=(in Bloom left, in Bloom right) => !left.Equals(right);
}

/// <summary>The three bit positions one address or topic sets in a <see cref="Bloom"/>.</summary>
public readonly struct BloomProbe
{
    private BloomProbe(int index0, byte mask0, int index1, byte mask1, int index2, byte mask2)
    {
        Index0 = index0;
        Mask0 = mask0;
        Index1 = index1;
        Mask1 = mask1;
        Index2 = index2;
        Mask2 = mask2;
    }

    internal int Index0 { get; }

    internal byte Mask0 { get; }

    internal int Index1 { get; }

    internal byte Mask1 { get; }

    internal int Index2 { get; }

    internal byte Mask2 { get; }

    /// <summary>Hashes <paramref name="item"/> (the raw address or topic bytes) once.</summary>
    public static BloomProbe Of(ReadOnlySpan<byte> item)
    {
        Span<byte> hash = stackalloc byte[Keccak256.Size];
        Keccak256.Hash(item, hash);
        var (i0, m0) = Bit(hash[0], hash[1]);
        var (i1, m1) = Bit(hash[2], hash[3]);
        var (i2, m2) = Bit(hash[4], hash[5]);
        return new BloomProbe(i0, m0, i1, m1, i2, m2);
    }

    public static BloomProbe Of(in Address address) => Of(address.Bytes);

    public static BloomProbe Of(in Hash256 topic) => Of(topic.Bytes);

    internal void SetIn(Span<byte> bloom)
    {
        bloom[Index0] |= Mask0;
        bloom[Index1] |= Mask1;
        bloom[Index2] |= Mask2;
    }

    // Bit b (0..2047) counts from the least significant bit of the last byte (the bloom is a big-endian number).
    private static (int Index, byte Mask) Bit(byte high, byte low)
    {
        var bit = ((high << 8) | low) & 2047;
        return (Bloom.Size - 1 - (bit >> 3), (byte)(1 << (bit & 7)));
    }
}

/// <summary>Inline storage for <see cref="Bloom"/>.</summary>
[InlineArray(Bloom.Size)]
internal struct Bytes256
{
    private byte _element0;
}
