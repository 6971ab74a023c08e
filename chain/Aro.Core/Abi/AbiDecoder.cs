using System.Text;

namespace Aro.Core.Abi;

/// <summary>
/// Strict ABI decoding: accepts exactly the encodings <see cref="AbiEncoder"/> produces, so
/// <c>Encode(Decode(x)) == x</c> for every accepted input and calldata cannot be malleated.
/// Rejected, always with <see cref="AbiFormatException"/>: truncated input, trailing bytes,
/// offsets that are not the canonical next position, lengths beyond the input, non-zero padding,
/// integers out of range for their width, bools other than 0/1, addresses with dirty high bytes,
/// and strings that are not valid UTF-8.
/// </summary>
public static class AbiDecoder
{
    /// <summary>Decodes enc((v1, ..., vn)) for parameter types (t1, ..., tn).</summary>
    /// <exception cref="AbiFormatException">The input is not the canonical encoding of values of these types.</exception>
    public static AbiValue[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(types);
        var list = new AbiType[types.Count];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = types[i];
        }

        return Decode(AbiType.Parameters(list), data);
    }

    internal static AbiValue[] Decode(AbiType parameters, ReadOnlySpan<byte> data)
    {
        var items = DecodeItems(data, parameters, parameters.ComponentArray.Length, out var consumed);
        if (consumed != data.Length)
        {
            throw new AbiFormatException($"{data.Length - consumed} bytes follow the encoded values.");
        }

        return items;
    }

    /// <summary>Decodes one 32-byte static elementary value (also used for indexed event topics).</summary>
    internal static AbiValue DecodeWord(ReadOnlySpan<byte> word, AbiType type)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt:
                if (!AbiWords.HasZeroPrefix(word, AbiWords.Size - (type.Size / 8)))
                {
                    throw new AbiFormatException($"Value is out of range for {type}.");
                }

                return AbiValue.FromWord(AbiValueKind.UInt, AbiWords.ReadWord(word));
            case AbiTypeKind.Int:
                if (!AbiWords.IsSignExtended(word, type.Size))
                {
                    throw new AbiFormatException($"Value is out of range for {type}.");
                }

                return AbiValue.FromWord(AbiValueKind.Int, AbiWords.ReadWord(word));
            case AbiTypeKind.Address:
                if (!AbiWords.HasZeroPrefix(word, AbiWords.Size - Address.Size))
                {
                    throw new AbiFormatException("Address has non-zero high bytes.");
                }

                return AbiValue.FromWord(AbiValueKind.Address, AbiWords.ReadWord(word));
            case AbiTypeKind.Bool:
                if (!AbiWords.HasZeroPrefix(word, AbiWords.Size - 1) || word[AbiWords.Size - 1] > 1)
                {
                    throw new AbiFormatException("Bool is neither 0 nor 1.");
                }

                return AbiValue.Bool(word[AbiWords.Size - 1] == 1);
            default:
                if (word[type.Size..].IndexOfAnyExcept((byte)0) >= 0)
                {
                    throw new AbiFormatException($"{type} has non-zero padding.");
                }

                return AbiValue.Bytes(word[..type.Size].ToArray());
        }
    }

    /// <summary>
    /// Decodes a value whose encoding starts at <paramref name="data"/>[0]; the span runs to the end
    /// of the input. <paramref name="consumed"/> is the length of the value's encoding.
    /// </summary>
    private static AbiValue DecodeValue(ReadOnlySpan<byte> data, AbiType type, out int consumed)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes or AbiTypeKind.String:
                var bytes = ReadBytes(data, out consumed);
                return type.Kind == AbiTypeKind.Bytes ? AbiValue.Bytes(bytes.ToArray()) : AbiValue.String(ReadUtf8(bytes));
            case AbiTypeKind.DynamicArray:
                var count = ReadHeadWord(data, "Array length");
                var elements = data[AbiWords.Size..];

                // Every element takes at least one word, so this bounds the allocation by the input.
                if (count > elements.Length / type.Element!.HeadSize)
                {
                    throw new AbiFormatException($"Array length {count} exceeds the input.");
                }

                var items = DecodeItems(elements, type, count, out var itemsConsumed);
                consumed = AbiWords.Size + itemsConsumed;
                return AbiValue.List(items);
            case AbiTypeKind.FixedArray:
                return AbiValue.List(DecodeItems(data, type, type.Size, out consumed));
            case AbiTypeKind.Tuple:
                return AbiValue.List(DecodeItems(data, type, type.ComponentArray.Length, out consumed));
            default:
                if (data.Length < AbiWords.Size)
                {
                    throw new AbiFormatException("Input ends inside a value.");
                }

                consumed = AbiWords.Size;
                return DecodeWord(data[..AbiWords.Size], type);
        }
    }

    private static AbiValue[] DecodeItems(ReadOnlySpan<byte> data, AbiType container, int count, out int consumed)
    {
        var headsSize = 0L;
        for (var i = 0; i < count; i++)
        {
            headsSize += container.ItemType(i).HeadSize;
        }

        if (headsSize > data.Length)
        {
            throw new AbiFormatException("Input ends inside the head of a tuple or array.");
        }

        var items = new AbiValue[count];
        var head = 0;
        var tail = (int)headsSize;
        for (var i = 0; i < count; i++)
        {
            var itemType = container.ItemType(i);
            if (itemType.IsDynamic)
            {
                var offset = ReadHeadWord(data[head..], "Offset");
                if (offset != tail)
                {
                    throw new AbiFormatException($"Offset {offset} is not the canonical {tail}.");
                }

                items[i] = DecodeValue(data[tail..], itemType, out var used);
                tail += used;
            }
            else
            {
                items[i] = DecodeValue(data.Slice(head, itemType.HeadSize), itemType, out _);
            }

            head += itemType.HeadSize;
        }

        consumed = tail;
        return items;
    }

    private static ReadOnlySpan<byte> ReadBytes(ReadOnlySpan<byte> data, out int consumed)
    {
        var length = ReadHeadWord(data, "Byte length");
        var available = data.Length - AbiWords.Size;
        var padded = AbiWords.Padded(length);
        if (padded > available)
        {
            throw new AbiFormatException($"Byte length {length} exceeds the input.");
        }

        var content = data.Slice(AbiWords.Size, (int)padded);
        if (content[length..].IndexOfAnyExcept((byte)0) >= 0)
        {
            throw new AbiFormatException("Bytes or string has non-zero padding.");
        }

        consumed = AbiWords.Size + (int)padded;
        return content[..length];
    }

    private static int ReadHeadWord(ReadOnlySpan<byte> data, string what)
    {
        if (data.Length < AbiWords.Size)
        {
            throw new AbiFormatException($"Input ends inside an {what.ToLowerInvariant()} word.");
        }

        return AbiWords.ReadLength(data[..AbiWords.Size], what);
    }

    private static string ReadUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return AbiEncoder.StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new AbiFormatException("String is not valid UTF-8.", e);
        }
    }
}
