namespace Aro.Core.Rlp;

/// <summary>
/// A decoded RLP tree: either a byte string or a list of items. For tools, tests and debugging;
/// hot paths read typed fields with <see cref="RlpReader"/> instead of materialising a tree.
/// </summary>
public sealed class RlpItem
{
    private readonly byte[]? _bytes;
    private readonly RlpItem[]? _items;

    private RlpItem(byte[]? bytes, RlpItem[]? items)
    {
        _bytes = bytes;
        _items = items;
    }

    public bool IsList => _items is not null;

    /// <summary>The payload of a string item.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? throw new InvalidOperationException("RLP item is a list, not a string.");

    /// <summary>The children of a list item.</summary>
    public IReadOnlyList<RlpItem> Items => _items ?? throw new InvalidOperationException("RLP item is a string, not a list.");

    public static RlpItem FromBytes(ReadOnlySpan<byte> bytes) => new(bytes.ToArray(), null);

    public static RlpItem FromList(params RlpItem[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new RlpItem(null, (RlpItem[])items.Clone());
    }

    /// <summary>Takes ownership of <paramref name="items"/> (the decoder's freshly built array).</summary>
    internal static RlpItem Wrap(RlpItem[] items) => new(null, items);

    /// <summary>Encoded length of this item, header included.</summary>
    public int EncodedLength => IsList ? RlpWriter.LengthOfList(ContentLength()) : RlpWriter.LengthOfBytes(_bytes);

    internal int ContentLength()
    {
        var length = 0;
        foreach (var item in _items!)
        {
            length = checked(length + item.EncodedLength);
        }

        return length;
    }

    internal void WriteTo(ref RlpWriter writer)
    {
        if (!IsList)
        {
            writer.WriteBytes(_bytes);
            return;
        }

        writer.WriteListHeader(ContentLength());
        foreach (var item in _items!)
        {
            item.WriteTo(ref writer);
        }
    }
}
