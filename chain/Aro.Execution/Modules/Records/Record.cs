using Aro.Core;
using Aro.Core.Rlp;

namespace Aro.Execution.Modules.Records;

/// <summary>Builds a record as an RLP list of fields (integers minimal big-endian, strings as UTF-8 bytes).</summary>
public sealed class RecordWriter
{
    private readonly List<RlpItem> _items = new(16);

    public RecordWriter Add(ulong value) => Add((UInt256)value);

    public RecordWriter Add(in UInt256 value)
    {
        _items.Add(RlpItem.FromBytes(value.ToBigEndianMinimal()));
        return this;
    }

    public RecordWriter Add(bool value) => Add(value ? 1UL : 0UL);

    public RecordWriter Add(in Address value)
    {
        _items.Add(RlpItem.FromBytes(value.Bytes));
        return this;
    }

    public RecordWriter Add(ReadOnlySpan<byte> value)
    {
        _items.Add(RlpItem.FromBytes(value));
        return this;
    }

    public RecordWriter Add(string value) => Add(System.Text.Encoding.UTF8.GetBytes(value));

    public RecordWriter Add(in Hash256 value) => Add(value.Bytes);

    /// <summary>A nested list of byte strings (roots of trust, allowed values).</summary>
    public RecordWriter AddList(IEnumerable<byte[]> values)
    {
        _items.Add(RlpItem.FromList([.. values.Select(static v => RlpItem.FromBytes(v))]));
        return this;
    }

    public byte[] ToArray() => RlpCodec.Encode(RlpItem.FromList([.. _items]));
}

/// <summary>Reads the fields of a record written by <see cref="RecordWriter"/>, in the same order.</summary>
public ref struct RecordReader
{
    private RlpReader _fields;

    public RecordReader(ReadOnlySpan<byte> record)
    {
        var outer = new RlpReader(record);
        _fields = outer.ReadList();
        outer.EnsureEnd();
    }

    public ulong UInt64() => _fields.ReadUInt64();

    public UInt256 UInt256() => _fields.ReadUInt256();

    // Written as 0 or 1 only; any non-zero reads as true.
    public bool Bool() => _fields.ReadUInt64() != 0;

    public Address Address() => new(_fields.ReadBytes());

    public byte[] Bytes() => _fields.ReadBytes().ToArray();

    public string String() => System.Text.Encoding.UTF8.GetString(_fields.ReadBytes());

    public Hash256 Hash256() => new(_fields.ReadBytes());

    public List<byte[]> List()
    {
        var list = _fields.ReadList();
        var values = new List<byte[]>();
        while (list.HasMore)
        {
            values.Add(list.ReadBytes().ToArray());
        }

        return values;
    }

    public readonly bool HasMore => _fields.HasMore;

    public readonly void End() => _fields.EnsureEnd();
}
