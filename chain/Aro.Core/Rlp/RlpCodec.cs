namespace Aro.Core.Rlp;

/// <summary>
/// Whole-buffer conveniences over <see cref="RlpReader"/> and <see cref="RlpWriter"/>. Not named
/// <c>Rlp</c>: inside any <c>Aro.Core.*</c> namespace that name would bind to the namespace.
/// </summary>
public static class RlpCodec
{
    /// <summary>Nesting limit for generic decoding: deep enough for any Ethereum structure, shallow enough for the stack.</summary>
    public const int DefaultMaxDepth = 64;

    public static byte[] Encode(RlpItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var buffer = new byte[item.EncodedLength];
        var writer = new RlpWriter(buffer);
        item.WriteTo(ref writer);
        return buffer;
    }

    public static byte[] EncodeBytes(ReadOnlySpan<byte> value)
    {
        var buffer = new byte[RlpWriter.LengthOfBytes(value)];
        new RlpWriter(buffer).WriteBytes(value);
        return buffer;
    }

    public static byte[] EncodeUInt64(ulong value)
    {
        var buffer = new byte[RlpWriter.LengthOfUInt64(value)];
        new RlpWriter(buffer).WriteUInt64(value);
        return buffer;
    }

    /// <summary>
    /// Checks that <paramref name="encoded"/> is exactly one canonical RLP item, recursively, without
    /// allocating. Throws <see cref="RlpException"/> otherwise.
    /// </summary>
    public static void Validate(ReadOnlySpan<byte> encoded, int maxDepth = DefaultMaxDepth)
    {
        var reader = new RlpReader(encoded);
        ValidateItem(ref reader, maxDepth);
        reader.EnsureEnd();
    }

    /// <summary>Decodes exactly one canonical RLP item into a tree. Throws <see cref="RlpException"/> on any defect.</summary>
    public static RlpItem DecodeTree(ReadOnlySpan<byte> encoded, int maxDepth = DefaultMaxDepth)
    {
        var reader = new RlpReader(encoded);
        var item = DecodeItem(ref reader, maxDepth);
        reader.EnsureEnd();
        return item;
    }

    private static void ValidateItem(ref RlpReader reader, int depthLeft)
    {
        if (!reader.IsNextList)
        {
            reader.ReadBytes();
            return;
        }

        var offset = reader.AbsolutePosition;
        var list = reader.ReadList();
        if (depthLeft == 0)
        {
            throw new RlpException(RlpError.DepthExceeded, offset);
        }

        while (list.HasMore)
        {
            ValidateItem(ref list, depthLeft - 1);
        }
    }

    private static RlpItem DecodeItem(ref RlpReader reader, int depthLeft)
    {
        if (!reader.IsNextList)
        {
            return RlpItem.FromBytes(reader.ReadBytes());
        }

        var offset = reader.AbsolutePosition;
        var list = reader.ReadList();
        if (depthLeft == 0)
        {
            throw new RlpException(RlpError.DepthExceeded, offset);
        }

        var items = new List<RlpItem>();
        while (list.HasMore)
        {
            items.Add(DecodeItem(ref list, depthLeft - 1));
        }

        return RlpItem.Wrap([.. items]);
    }
}
