using System.Text;

namespace Aro.Core.Abi;

/// <summary>
/// Standard (strict-mode) ABI encoding: the encoding the Solidity specification defines, with the
/// smallest offsets and no gaps. Values are checked against their types first; a value out of range
/// for its width (uint8 = 256, int8 = -129, a 3-byte value for bytes4) is an <see cref="AbiFormatException"/>.
/// </summary>
public static class AbiEncoder
{
    internal static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>enc((v1, ..., vn)) for parameter types (t1, ..., tn).</summary>
    /// <exception cref="AbiFormatException">A value does not fit its type, or the counts differ.</exception>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<AbiValue> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        var list = new AbiType[types.Count];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = types[i];
        }

        var items = new AbiValue[values.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = values[i];
        }

        return Encode(AbiType.Parameters(list), items, prefix: 0, selector: 0);
    }

    /// <summary>Encodes a parameter tuple after <paramref name="prefix"/> bytes (0 or 4) holding the big-endian selector.</summary>
    internal static byte[] Encode(AbiType parameters, AbiValue[] values, int prefix, uint selector)
    {
        CheckArity(parameters, values);
        var size = MeasureItems(parameters, values) + prefix;
        if (size > int.MaxValue)
        {
            throw new AbiFormatException("Encoding exceeds the maximum size.");
        }

        var output = new byte[size];
        if (prefix != 0)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(output, selector);
        }

        WriteItems(output.AsSpan(prefix), parameters, values);
        return output;
    }

    /// <summary>Total encoded size of a value, checking its shape against the type on the way.</summary>
    internal static long Measure(AbiType type, in AbiValue value)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt:
                Expect(type, value, AbiValueKind.UInt);
                return AbiWords.Size;
            case AbiTypeKind.Int:
                Expect(type, value, AbiValueKind.Int);
                return AbiWords.Size;
            case AbiTypeKind.Address:
                Expect(type, value, AbiValueKind.Address);
                return AbiWords.Size;
            case AbiTypeKind.Bool:
                Expect(type, value, AbiValueKind.Bool);
                return AbiWords.Size;
            case AbiTypeKind.FixedBytes:
                Expect(type, value, AbiValueKind.Bytes);
                var fixedLength = ((byte[])value.Reference!).Length;
                if (fixedLength != type.Size)
                {
                    throw new AbiFormatException($"{type} holds exactly {type.Size} bytes, got {fixedLength}.");
                }

                return AbiWords.Size;
            case AbiTypeKind.Bytes:
                Expect(type, value, AbiValueKind.Bytes);
                return AbiWords.Size + AbiWords.Padded(((byte[])value.Reference!).Length);
            case AbiTypeKind.String:
                Expect(type, value, AbiValueKind.String);
                return AbiWords.Size + AbiWords.Padded(Utf8Length((string)value.Reference!));
            case AbiTypeKind.DynamicArray:
                Expect(type, value, AbiValueKind.List);
                return AbiWords.Size + MeasureItems(type, (AbiValue[])value.Reference!);
            default:
                Expect(type, value, AbiValueKind.List);
                var items = (AbiValue[])value.Reference!;
                CheckArity(type, items);
                return MeasureItems(type, items);
        }
    }

    /// <summary>Writes a value at the start of <paramref name="destination"/> (zero-filled) and returns the bytes used.</summary>
    internal static int Write(Span<byte> destination, AbiType type, in AbiValue value)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt:
                var word = destination[..AbiWords.Size];
                value.Word.WriteBigEndian(word);
                if (!AbiWords.HasZeroPrefix(word, AbiWords.Size - (type.Size / 8)))
                {
                    throw new AbiFormatException($"{value} is out of range for {type}.");
                }

                return AbiWords.Size;
            case AbiTypeKind.Int:
                var signedWord = destination[..AbiWords.Size];
                value.Word.WriteBigEndian(signedWord);
                if (!AbiWords.IsSignExtended(signedWord, type.Size))
                {
                    throw new AbiFormatException($"{value} is out of range for {type}.");
                }

                return AbiWords.Size;
            case AbiTypeKind.Address or AbiTypeKind.Bool:
                value.Word.WriteBigEndian(destination[..AbiWords.Size]);
                return AbiWords.Size;
            case AbiTypeKind.FixedBytes:
                ((byte[])value.Reference!).CopyTo(destination);
                return AbiWords.Size;
            case AbiTypeKind.Bytes:
                return WriteBytes(destination, (byte[])value.Reference!);
            case AbiTypeKind.String:
                var text = (string)value.Reference!;
                var length = StrictUtf8.GetBytes(text, destination[AbiWords.Size..]);
                AbiWords.WriteLength(destination, length);
                return AbiWords.Size + (int)AbiWords.Padded(length);
            case AbiTypeKind.DynamicArray:
                var elements = (AbiValue[])value.Reference!;
                AbiWords.WriteLength(destination, elements.Length);
                return AbiWords.Size + WriteItems(destination[AbiWords.Size..], type, elements);
            default:
                return WriteItems(destination, type, (AbiValue[])value.Reference!);
        }
    }

    internal static int Utf8Length(string text)
    {
        try
        {
            return StrictUtf8.GetByteCount(text);
        }
        catch (EncoderFallbackException e)
        {
            throw new AbiFormatException("String is not valid UTF-16 (unpaired surrogate), so it has no UTF-8 encoding.", e);
        }
    }

    private static int WriteBytes(Span<byte> destination, byte[] bytes)
    {
        AbiWords.WriteLength(destination, bytes.Length);
        bytes.CopyTo(destination[AbiWords.Size..]);
        return AbiWords.Size + (int)AbiWords.Padded(bytes.Length);
    }

    /// <summary>Heads then tails of the items of a tuple or array; offsets count from the first head.</summary>
    private static int WriteItems(Span<byte> destination, AbiType container, AbiValue[] items)
    {
        var head = 0;
        var tail = HeadsSize(container, items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            var itemType = container.ItemType(i);
            if (itemType.IsDynamic)
            {
                AbiWords.WriteLength(destination.Slice(head, AbiWords.Size), tail);
                tail += Write(destination[tail..], itemType, items[i]);
            }
            else
            {
                Write(destination.Slice(head, itemType.HeadSize), itemType, items[i]);
            }

            head += itemType.HeadSize;
        }

        return tail;
    }

    private static long MeasureItems(AbiType container, AbiValue[] items)
    {
        long total = HeadsSize(container, items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            var itemType = container.ItemType(i);
            var size = Measure(itemType, items[i]);
            if (itemType.IsDynamic)
            {
                total += size;
            }

            if (total > int.MaxValue)
            {
                throw new AbiFormatException("Encoding exceeds the maximum size.");
            }
        }

        return total;
    }

    private static int HeadsSize(AbiType container, int count)
    {
        if (container.Kind == AbiTypeKind.Tuple)
        {
            var sum = 0;
            foreach (var component in container.ComponentArray)
            {
                sum += component.HeadSize;
            }

            return sum;
        }

        var total = (long)container.Element!.HeadSize * count;
        return total <= int.MaxValue ? (int)total : throw new AbiFormatException("Encoding exceeds the maximum size.");
    }

    private static void CheckArity(AbiType container, AbiValue[] items)
    {
        var expected = container.Kind == AbiTypeKind.Tuple ? container.ComponentArray.Length : container.Size;
        if (items.Length != expected)
        {
            throw new AbiFormatException($"{(container.Kind == AbiTypeKind.Tuple ? "Tuple" : "Array")} {container} takes {expected} values, got {items.Length}.");
        }
    }

    private static void Expect(AbiType type, in AbiValue value, AbiValueKind kind)
    {
        if (value.Kind != kind)
        {
            throw new AbiFormatException($"A {type} takes a {kind} value, got {value.Kind}.");
        }
    }
}
