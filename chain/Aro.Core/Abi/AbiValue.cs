using System.Numerics;

namespace Aro.Core.Abi;

/// <summary>
/// A value to encode or a decoded value. Which kinds fit which types:
/// uint* ↔ <see cref="AbiValueKind.UInt"/> (<see cref="Core.UInt256"/>);
/// int* ↔ <see cref="AbiValueKind.Int"/> (a 256-bit two's complement word; <see cref="BigInteger"/> or
/// <see cref="long"/> at the API edge, so no Int256 type is needed);
/// bool, address, string; bytesN and bytes ↔ <see cref="AbiValueKind.Bytes"/> (byte[]);
/// T[k], T[] and tuples ↔ <see cref="AbiValueKind.List"/> (AbiValue[]).
/// The arrays are held, not copied: do not mutate them after handing them over.
/// </summary>
public readonly struct AbiValue : IEquatable<AbiValue>
{
    private static readonly BigInteger TwoTo255 = BigInteger.One << 255;
    private static readonly BigInteger TwoTo256 = BigInteger.One << 256;

    private readonly UInt256 _word;
    private readonly object? _reference;

    private AbiValue(AbiValueKind kind, UInt256 word, object? reference)
    {
        Kind = kind;
        _word = word;
        _reference = reference;
    }

    public AbiValueKind Kind { get; }

    /// <summary>The 32-byte word of a uint, int (two's complement), bool or address value.</summary>
    internal UInt256 Word => _word;

    internal object? Reference => _reference;

    public static AbiValue UInt(UInt256 value) => new(AbiValueKind.UInt, value, null);

    public static AbiValue UInt(ulong value) => new(AbiValueKind.UInt, value, null);

    public static AbiValue Int(long value)
    {
        var fill = value < 0 ? ulong.MaxValue : 0;
        return new AbiValue(AbiValueKind.Int, new UInt256((ulong)value, fill, fill, fill), null);
    }

    /// <exception cref="AbiFormatException">Outside the int256 range.</exception>
    public static AbiValue Int(BigInteger value)
    {
        if (value < -TwoTo255 || value >= TwoTo255)
        {
            throw new AbiFormatException($"{value} is outside the int256 range.");
        }

        return new AbiValue(AbiValueKind.Int, Core.UInt256.FromBigInteger(value.Sign < 0 ? value + TwoTo256 : value), null);
    }

    public static AbiValue Bool(bool value) => new(AbiValueKind.Bool, value ? Core.UInt256.One : Core.UInt256.Zero, null);

    public static AbiValue Address(Address value) => new(AbiValueKind.Address, Core.UInt256.FromBigEndian(value.Bytes), null);

    /// <summary>A bytes or bytesN value.</summary>
    public static AbiValue Bytes(byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new AbiValue(AbiValueKind.Bytes, default, value);
    }

    public static AbiValue String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new AbiValue(AbiValueKind.String, default, value);
    }

    /// <summary>An array or tuple value.</summary>
    public static AbiValue List(params AbiValue[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new AbiValue(AbiValueKind.List, default, items);
    }

    internal static AbiValue TopicHash(Hash256 topic) => new(AbiValueKind.TopicHash, default, topic);

    internal static AbiValue FromWord(AbiValueKind kind, UInt256 word) => new(kind, word, null);

    public UInt256 AsUInt256() => Kind == AbiValueKind.UInt ? _word : throw WrongKind(AbiValueKind.UInt);

    /// <exception cref="OverflowException">The value does not fit in 64 bits.</exception>
    public ulong AsUInt64() => (ulong)AsUInt256();

    public BigInteger AsBigInteger()
    {
        if (Kind == AbiValueKind.UInt)
        {
            return _word.ToBigInteger();
        }

        if (Kind != AbiValueKind.Int)
        {
            throw WrongKind(AbiValueKind.Int);
        }

        var unsigned = _word.ToBigInteger();
        return unsigned >= TwoTo255 ? unsigned - TwoTo256 : unsigned;
    }

    /// <exception cref="OverflowException">The value does not fit in 64 bits.</exception>
    public long AsInt64()
    {
        if (Kind != AbiValueKind.Int)
        {
            throw WrongKind(AbiValueKind.Int);
        }

        Span<byte> word = stackalloc byte[AbiType.WordSize];
        _word.WriteBigEndian(word);
        return AbiWords.IsSignExtended(word, 64)
            ? System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(word[24..])
            : throw new OverflowException("Value does not fit in a long.");
    }

    public bool AsBool() => Kind == AbiValueKind.Bool ? !_word.IsZero : throw WrongKind(AbiValueKind.Bool);

    public Address AsAddress()
    {
        if (Kind != AbiValueKind.Address)
        {
            throw WrongKind(AbiValueKind.Address);
        }

        Span<byte> word = stackalloc byte[AbiType.WordSize];
        _word.WriteBigEndian(word);
        return new Address(word[12..]);
    }

    public byte[] AsBytes() => Kind == AbiValueKind.Bytes ? (byte[])_reference! : throw WrongKind(AbiValueKind.Bytes);

    public string AsString() => Kind == AbiValueKind.String ? (string)_reference! : throw WrongKind(AbiValueKind.String);

    public AbiValue[] AsList() => Kind == AbiValueKind.List ? (AbiValue[])_reference! : throw WrongKind(AbiValueKind.List);

    /// <summary>The topic of a dynamic indexed event argument, which cannot be decoded back to its value.</summary>
    public Hash256 AsTopicHash() => Kind == AbiValueKind.TopicHash ? (Hash256)_reference! : throw WrongKind(AbiValueKind.TopicHash);

    /// <summary>Structural equality: same kind and the same word, bytes, string or items.</summary>
    public bool Equals(AbiValue other)
    {
        if (Kind != other.Kind || _word != other._word)
        {
            return false;
        }

        switch (Kind)
        {
            case AbiValueKind.Bytes:
                return ((byte[])_reference!).AsSpan().SequenceEqual((byte[])other._reference!);
            case AbiValueKind.String:
                return string.Equals((string)_reference!, (string)other._reference!, StringComparison.Ordinal);
            case AbiValueKind.TopicHash:
                return (Hash256)_reference! == (Hash256)other._reference!;
            case AbiValueKind.List:
                var items = (AbiValue[])_reference!;
                var otherItems = (AbiValue[])other._reference!;
                if (items.Length != otherItems.Length)
                {
                    return false;
                }

                for (var i = 0; i < items.Length; i++)
                {
                    if (!items[i].Equals(otherItems[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    public override bool Equals(object? obj) => obj is AbiValue other && Equals(other);

    public override int GetHashCode() => Kind switch
    {
        AbiValueKind.Bytes => HashCode.Combine(Kind, ((byte[])_reference!).Length),
        AbiValueKind.String => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode((string)_reference!)),
        AbiValueKind.List => HashCode.Combine(Kind, ((AbiValue[])_reference!).Length),
        _ => HashCode.Combine(Kind, _word, _reference),
    };

    public static bool operator ==(AbiValue left, AbiValue right) => left.Equals(right);

    public static bool operator !=(AbiValue left, AbiValue right) => !left.Equals(right);

    public override string ToString() => Kind switch
    {
        AbiValueKind.UInt or AbiValueKind.Int => AsBigInteger().ToString(System.Globalization.CultureInfo.InvariantCulture),
        AbiValueKind.Bool => AsBool() ? "true" : "false",
        AbiValueKind.Address => AsAddress().ToString(),
        AbiValueKind.Bytes => Hex.Encode((byte[])_reference!),
        AbiValueKind.String => "\"" + (string)_reference! + "\"",
        AbiValueKind.TopicHash => "topic " + _reference,
        AbiValueKind.List => "[" + string.Join(", ", (AbiValue[])_reference!) + "]",
        _ => "none",
    };

    private InvalidOperationException WrongKind(AbiValueKind expected) =>
        new($"ABI value is {Kind}, not {expected}.");
}
