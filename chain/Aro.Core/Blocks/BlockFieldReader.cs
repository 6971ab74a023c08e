using System.Diagnostics.CodeAnalysis;
using Aro.Core.Rlp;

namespace Aro.Core.Blocks;

/// <summary>
/// Reads the items of one RLP list in order and turns each field-level defect into a
/// <see cref="BlockFormatException"/> naming the structure and field. RLP-level defects propagate as
/// <see cref="RlpException"/>; the public Decode entry points wrap them.
/// </summary>
internal ref struct BlockFieldReader
{
    private RlpReader _fields;
    private readonly string _what;
    private readonly int _expected;

    public BlockFieldReader(RlpReader fields, string what, int expected)
    {
        _fields = fields;
        _what = what;
        _expected = expected;
    }

    public ulong ReadUInt64(string field)
    {
        var bytes = ReadInteger(field, sizeof(ulong));
        ulong value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    public uint ReadUInt32(string field)
    {
        var bytes = ReadInteger(field, sizeof(uint));
        uint value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    public UInt256 ReadUInt256(string field) => UInt256.FromBigEndian(ReadInteger(field, UInt256.Size));

    public Hash256 ReadHash(string field) => new(ReadFixed(field, Hash256.Size));

    public Address ReadAddress(string field) => new(ReadFixed(field, Address.Size));

    public ReadOnlySpan<byte> ReadFixed(string field, int length)
    {
        var bytes = Next(field).ReadBytes();
        return bytes.Length == length
            ? bytes
            : throw new BlockFormatException(BlockError.InvalidLength, $"{_what}: {field} is {bytes.Length} bytes; it must be {length}.");
    }

    public ReadOnlySpan<byte> ReadBytes(string field) => Next(field).ReadBytes();

    public RlpReader ReadList(string field) => Next(field).ReadList();

    public ReadOnlySpan<byte> ReadRaw(string field) => Next(field).ReadRaw();

    /// <summary>Throws <see cref="BlockError.WrongFieldCount"/> when items remain.</summary>
    public readonly void EnsureEnd()
    {
        if (_fields.HasMore)
        {
            throw new BlockFormatException(BlockError.WrongFieldCount, $"{_what} has more than {_expected} fields.");
        }
    }

    // Leading zeros first: a padded over-wide value is non-canonical before it is too large.
    private ReadOnlySpan<byte> ReadInteger(string field, int maxLength)
    {
        var bytes = Next(field).ReadBytes();
        if (bytes.Length > 0 && bytes[0] == 0)
        {
            throw new BlockFormatException(BlockError.NonCanonicalInteger, $"{_what}: {field} has a leading zero byte.");
        }

        return bytes.Length <= maxLength
            ? bytes
            : throw new BlockFormatException(BlockError.FieldTooLarge, $"{_what}: {field} is {bytes.Length} bytes; at most {maxLength} allowed.");
    }

    [UnscopedRef]
    private ref RlpReader Next(string field)
    {
        if (!_fields.HasMore)
        {
            throw new BlockFormatException(BlockError.WrongFieldCount, $"{_what} ends before '{field}'; it has {_expected} fields.");
        }

        return ref _fields;
    }
}
