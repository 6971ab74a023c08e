using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace Aro.Attestation.Cbor;

/// <summary>
/// A strict forward-only CBOR (RFC 8949) reader for the subset attestation documents use: unsigned and
/// negative integers, byte and text strings, arrays, maps, tags, false/true/null.
/// </summary>
/// <remarks>
/// The NSM emits canonical CBOR, so anything a canonical encoder cannot produce is rejected rather than
/// tolerated: indefinite lengths, non-minimal argument encodings, reserved additional-information values.
/// Floats, <c>undefined</c> and other simple values are outside the subset and rejected too. Every
/// length is checked against the bytes that remain before anything is sliced, so a hostile length can
/// neither over-read nor make the reader allocate. Map-key order and duplicate keys are the caller's
/// concern (the NSM payload is not key-sorted). Errors are <see cref="AttestationFormatException"/>s
/// naming the caller's field and the absolute offset of the offending item.
/// </remarks>
internal ref struct CborReader
{
    /// <summary>Nesting allowed below the current item when skipping a value of unknown shape.</summary>
    public const int MaxSkipDepth = 16;

    private readonly ReadOnlySpan<byte> _data;
    private readonly long _baseOffset;
    private int _position;

    /// <param name="data">The encoded items.</param>
    /// <param name="baseOffset">Offset of <paramref name="data"/> inside the outer input, so errors point into the file.</param>
    public CborReader(ReadOnlySpan<byte> data, long baseOffset = 0)
    {
        _data = data;
        _baseOffset = baseOffset;
    }

    /// <summary>Position of the next item, relative to the start of this reader's data.</summary>
    public readonly int Position => _position;

    /// <summary>Absolute offset of the next item in the outer input.</summary>
    public readonly long Offset => _baseOffset + _position;

    public readonly bool IsAtEnd => _position >= _data.Length;

    public readonly CborMajorType PeekMajorType(string field)
    {
        if (IsAtEnd)
        {
            throw Error(field, _position, "truncated: expected a CBOR item");
        }

        return (CborMajorType)(_data[_position] >> 5);
    }

    /// <summary>Consumes a <c>null</c> (0xf6) and returns true, or leaves the reader untouched and returns false.</summary>
    public bool TryReadNull()
    {
        if (!IsAtEnd && _data[_position] == 0xF6)
        {
            _position++;
            return true;
        }

        return false;
    }

    public bool ReadBoolean(string field)
    {
        var start = _position;
        var initial = PeekInitialByte(field);
        switch (initial)
        {
            case 0xF4:
                _position++;
                return false;
            case 0xF5:
                _position++;
                return true;
            default:
                throw Error(field, start, $"expected a boolean, found initial byte 0x{initial:x2}");
        }
    }

    public ulong ReadUInt64(string field)
    {
        var start = _position;
        var (major, argument) = ReadHead(field);
        if (major != CborMajorType.UnsignedInteger)
        {
            throw Error(field, start, $"expected an unsigned integer, found {major}");
        }

        return argument;
    }

    /// <summary>Reads an unsigned or negative integer that fits in a signed 64-bit value.</summary>
    public long ReadInt64(string field)
    {
        var start = _position;
        var (major, argument) = ReadHead(field);
        if (major is not (CborMajorType.UnsignedInteger or CborMajorType.NegativeInteger))
        {
            throw Error(field, start, $"expected an integer, found {major}");
        }

        if (argument > long.MaxValue)
        {
            throw Error(field, start, "integer out of the signed 64-bit range");
        }

        // Negative integers encode -1 - n.
        return major == CborMajorType.UnsignedInteger ? (long)argument : -1L - (long)argument;
    }

    public ReadOnlySpan<byte> ReadByteString(string field)
    {
        var range = ReadStringRange(field, CborMajorType.ByteString);
        return _data[range];
    }

    /// <summary>Reads a byte string and returns where its content lies in this reader's data (no copy).</summary>
    public Range ReadByteStringRange(string field) => ReadStringRange(field, CborMajorType.ByteString);

    /// <summary>Reads a text string, rejecting invalid UTF-8.</summary>
    public string ReadTextString(string field)
    {
        var start = _position;
        var content = _data[ReadStringRange(field, CborMajorType.TextString)];
        if (!Utf8.IsValid(content))
        {
            throw Error(field, start, "text string is not valid UTF-8");
        }

        return Encoding.UTF8.GetString(content);
    }

    /// <summary>Reads a text string and compares it with <paramref name="expected"/> without allocating.</summary>
    public bool ReadTextStringEquals(string field, ReadOnlySpan<byte> expectedUtf8)
    {
        var start = _position;
        var content = _data[ReadStringRange(field, CborMajorType.TextString)];
        if (!Utf8.IsValid(content))
        {
            throw Error(field, start, "text string is not valid UTF-8");
        }

        return content.SequenceEqual(expectedUtf8);
    }

    /// <summary>Reads an array header and returns the element count.</summary>
    public int ReadArrayHeader(string field) => ReadContainerHeader(field, CborMajorType.Array, bytesPerEntry: 1);

    /// <summary>Reads a map header and returns the number of key/value pairs.</summary>
    public int ReadMapHeader(string field) => ReadContainerHeader(field, CborMajorType.Map, bytesPerEntry: 2);

    public ulong ReadTag(string field)
    {
        var start = _position;
        var (major, argument) = ReadHead(field);
        if (major != CborMajorType.Tag)
        {
            throw Error(field, start, $"expected a tag, found {major}");
        }

        return argument;
    }

    /// <summary>Skips one complete item of any supported shape, nested at most <see cref="MaxSkipDepth"/> deep.</summary>
    public void SkipValue(string field) => SkipValue(field, 0);

    /// <summary>Rejects anything after the last item: a document is exactly one item.</summary>
    public readonly void ExpectEnd(string field)
    {
        if (!IsAtEnd)
        {
            throw Error(field, _position, $"{_data.Length - _position} trailing byte(s) after the CBOR item");
        }
    }

    private void SkipValue(string field, int depth)
    {
        if (depth > MaxSkipDepth)
        {
            throw Error(field, _position, $"nesting deeper than {MaxSkipDepth}");
        }

        switch (PeekMajorType(field))
        {
            case CborMajorType.UnsignedInteger:
            case CborMajorType.NegativeInteger:
                ReadHead(field);
                break;
            case CborMajorType.ByteString:
                ReadStringRange(field, CborMajorType.ByteString);
                break;
            case CborMajorType.TextString:
                ReadTextString(field);
                break;
            case CborMajorType.Array:
                for (var i = ReadArrayHeader(field); i > 0; i--)
                {
                    SkipValue(field, depth + 1);
                }

                break;
            case CborMajorType.Map:
                for (var i = ReadMapHeader(field); i > 0; i--)
                {
                    SkipValue(field, depth + 1);
                    SkipValue(field, depth + 1);
                }

                break;
            case CborMajorType.Tag:
                ReadTag(field);
                SkipValue(field, depth + 1);
                break;
            default:
                ReadHead(field);
                break;
        }
    }

    private int ReadContainerHeader(string field, CborMajorType expected, int bytesPerEntry)
    {
        var start = _position;
        var (major, argument) = ReadHead(field);
        if (major != expected)
        {
            throw Error(field, start, $"expected {expected}, found {major}");
        }

        // Every entry takes at least one byte, so a count beyond what remains is a truncation, not a huge allocation.
        var remaining = (ulong)(_data.Length - _position);
        if (argument > remaining / (ulong)bytesPerEntry)
        {
            throw Error(field, start, $"truncated: {expected} of {argument} entries in {remaining} remaining byte(s)");
        }

        return (int)argument;
    }

    private Range ReadStringRange(string field, CborMajorType expected)
    {
        var start = _position;
        var (major, argument) = ReadHead(field);
        if (major != expected)
        {
            throw Error(field, start, $"expected {expected}, found {major}");
        }

        var remaining = (ulong)(_data.Length - _position);
        if (argument > remaining)
        {
            throw Error(field, start, $"truncated: {expected} of {argument} byte(s) with {remaining} remaining");
        }

        var contentStart = _position;
        _position += (int)argument;
        return new Range(contentStart, _position);
    }

    private readonly byte PeekInitialByte(string field)
    {
        if (IsAtEnd)
        {
            throw Error(field, _position, "truncated: expected a CBOR item");
        }

        return _data[_position];
    }

    /// <summary>Reads an initial byte and its argument, enforcing the canonical (shortest) encoding.</summary>
    private (CborMajorType Major, ulong Argument) ReadHead(string field)
    {
        var start = _position;
        var initial = PeekInitialByte(field);
        var major = (CborMajorType)(initial >> 5);
        var info = initial & 0x1F;

        if (major == CborMajorType.SimpleOrFloat)
        {
            // Only false, true and null belong to the subset; 0xf7 undefined, simple(n) and floats do not.
            if (info is < 20 or > 22)
            {
                throw Error(field, start, $"unsupported simple value or float (initial byte 0x{initial:x2})");
            }

            _position++;
            return (major, (ulong)info);
        }

        if (info < 24)
        {
            _position++;
            return (major, (ulong)info);
        }

        if (info == 31)
        {
            throw Error(field, start, "indefinite length is not allowed");
        }

        if (info > 27)
        {
            throw Error(field, start, $"reserved additional information {info}");
        }

        var width = 1 << (info - 24);
        if (_data.Length - start - 1 < width)
        {
            throw Error(field, start, "truncated: argument runs past the end");
        }

        var bytes = _data.Slice(start + 1, width);
        ulong argument = width switch
        {
            1 => bytes[0],
            2 => BinaryPrimitives.ReadUInt16BigEndian(bytes),
            4 => BinaryPrimitives.ReadUInt32BigEndian(bytes),
            _ => BinaryPrimitives.ReadUInt64BigEndian(bytes),
        };

        var minimal = width switch
        {
            1 => argument >= 24,
            2 => argument > byte.MaxValue,
            4 => argument > ushort.MaxValue,
            _ => argument > uint.MaxValue,
        };
        if (!minimal)
        {
            throw Error(field, start, $"non-minimal encoding of {argument} in {width} byte(s)");
        }

        _position = start + 1 + width;
        return (major, argument);
    }

    private readonly AttestationFormatException Error(string field, int position, string reason) =>
        new(field, _baseOffset + position, reason);
}
