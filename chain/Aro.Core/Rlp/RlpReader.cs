using System.Runtime.CompilerServices;

namespace Aro.Core.Rlp;

/// <summary>
/// Strict, allocation-free RLP decoder over a span. Only the canonical encoding of each item is
/// accepted, so every decoded value has exactly one byte representation (hashes stay unique).
/// Any malformed input raises <see cref="RlpException"/>; the reader never reads past its span.
/// </summary>
public ref struct RlpReader
{
    private readonly ReadOnlySpan<byte> _data;

    // Where _data starts inside the outermost buffer, so nested readers report absolute offsets.
    private readonly int _origin;
    private int _position;

    public RlpReader(ReadOnlySpan<byte> data)
        : this(data, 0)
    {
    }

    private RlpReader(ReadOnlySpan<byte> data, int origin)
    {
        _data = data;
        _origin = origin;
        _position = 0;
    }

    /// <summary>Offset of the next item inside this reader's span.</summary>
    public readonly int Position => _position;

    public readonly bool HasMore => _position < _data.Length;

    /// <summary>Offset of the next item inside the outermost buffer (what <see cref="RlpException.Offset"/> reports).</summary>
    internal readonly int AbsolutePosition => _origin + _position;

    /// <summary>True when the next item is a list. Throws <see cref="RlpException"/> at the end of input.</summary>
    public readonly bool IsNextList
    {
        get
        {
            if (_position >= _data.Length)
            {
                throw Error(RlpError.Truncated, _position);
            }

            return _data[_position] >= 0xc0;
        }
    }

    /// <summary>Reads a string item and returns its payload (a single byte below 0x80 is its own payload).</summary>
    public ReadOnlySpan<byte> ReadBytes()
    {
        var header = ReadHeader();
        if (header.IsList)
        {
            throw Error(RlpError.UnexpectedList, header.Start);
        }

        var payload = _data.Slice(header.PayloadOffset, header.PayloadLength);
        _position = header.End;
        return payload;
    }

    /// <summary>
    /// Reads a canonical unsigned integer of at most <paramref name="maxLength"/> bytes and returns its
    /// minimal big-endian bytes (empty for zero). Leading zero bytes, including a lone 0x00, are rejected.
    /// </summary>
    public ReadOnlySpan<byte> ReadIntegerBytes(int maxLength)
    {
        var start = _position;
        var payload = ReadBytes();

        // Leading zeros first: a zero-padded over-wide value is non-canonical before it is too large
        // (the order Ethereum's transaction tests and the tx/block field readers use).
        if (payload.Length > 0 && payload[0] == 0)
        {
            throw Error(RlpError.LeadingZeros, start);
        }

        if (payload.Length > maxLength)
        {
            throw Error(RlpError.IntegerTooLarge, start);
        }

        return payload;
    }

    /// <summary>Reads a canonical unsigned integer that fits in 64 bits (0 is 0x80).</summary>
    public ulong ReadUInt64()
    {
        var payload = ReadIntegerBytes(sizeof(ulong));
        ulong value = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            value = (value << 8) | payload[i];
        }

        return value;
    }

    /// <summary>
    /// Reads a list header and returns the payload length. The reader then stands on the first
    /// item of the list; the caller reads exactly that many bytes of items.
    /// </summary>
    public int ReadListHeader()
    {
        var header = ReadHeader();
        if (!header.IsList)
        {
            throw Error(RlpError.UnexpectedString, header.Start);
        }

        _position = header.PayloadOffset;
        return header.PayloadLength;
    }

    /// <summary>Reads a list and returns a reader over its payload; call <see cref="EnsureEnd"/> on it when done.</summary>
    public RlpReader ReadList()
    {
        var header = ReadHeader();
        if (!header.IsList)
        {
            throw Error(RlpError.UnexpectedString, header.Start);
        }

        _position = header.End;
        return new RlpReader(_data.Slice(header.PayloadOffset, header.PayloadLength), _origin + header.PayloadOffset);
    }

    /// <summary>Returns the whole encoding of the next item, header included (what a hash is taken over).</summary>
    public ReadOnlySpan<byte> ReadRaw()
    {
        var header = ReadHeader();
        _position = header.End;
        return _data[header.Start..header.End];
    }

    /// <summary>Skips the next item after validating its header (not its nested contents).</summary>
    public void Skip() => _position = ReadHeader().End;

    /// <summary>Throws <see cref="RlpError.TrailingBytes"/> unless every byte has been consumed.</summary>
    public readonly void EnsureEnd()
    {
        if (_position != _data.Length)
        {
            throw Error(RlpError.TrailingBytes, _position);
        }
    }

    private readonly Header ReadHeader()
    {
        var start = _position;
        var data = _data;
        if (start >= data.Length)
        {
            throw Error(RlpError.Truncated, start);
        }

        var prefix = data[start];
        if (prefix < 0x80)
        {
            return new Header(start, start, 1, isList: false);
        }

        if (prefix <= 0xb7)
        {
            var length = prefix - 0x80;
            var header = Short(start, length, isList: false);
            if (length == 1 && data[start + 1] < 0x80)
            {
                throw Error(RlpError.NonCanonicalSingleByte, start);
            }

            return header;
        }

        if (prefix <= 0xbf)
        {
            return Long(start, prefix - 0xb7, isList: false);
        }

        if (prefix <= 0xf7)
        {
            return Short(start, prefix - 0xc0, isList: true);
        }

        return Long(start, prefix - 0xf7, isList: true);
    }

    private readonly Header Short(int start, int length, bool isList)
    {
        if (length > _data.Length - start - 1)
        {
            throw Error(RlpError.Truncated, start);
        }

        return new Header(start, start + 1, length, isList);
    }

    private readonly Header Long(int start, int lengthOfLength, bool isList)
    {
        var data = _data;
        var lengthOffset = start + 1;
        if (lengthOfLength > data.Length - lengthOffset)
        {
            throw Error(RlpError.Truncated, start);
        }

        if (data[lengthOffset] == 0)
        {
            throw Error(RlpError.LeadingZeros, lengthOffset);
        }

        ulong length = 0;
        for (var i = 0; i < lengthOfLength; i++)
        {
            length = (length << 8) | data[lengthOffset + i];
        }

        if (length < 56)
        {
            throw Error(RlpError.NonCanonicalSize, start);
        }

        if (length > int.MaxValue)
        {
            throw Error(RlpError.LengthOverflow, start);
        }

        var payloadOffset = lengthOffset + lengthOfLength;
        if ((int)length > data.Length - payloadOffset)
        {
            throw Error(RlpError.Truncated, start);
        }

        return new Header(start, payloadOffset, (int)length, isList);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly RlpException Error(RlpError error, int offset) => new(error, _origin + offset);

    private readonly struct Header
    {
        public Header(int start, int payloadOffset, int payloadLength, bool isList)
        {
            Start = start;
            PayloadOffset = payloadOffset;
            PayloadLength = payloadLength;
            IsList = isList;
        }

        public int Start { get; }

        public int PayloadOffset { get; }

        public int PayloadLength { get; }

        public bool IsList { get; }

        public int End => PayloadOffset + PayloadLength;
    }
}
