using Aro.Core.Rlp;

namespace Aro.Core.Tests.Blocks;

/// <summary>Re-encodes a valid structure with one item replaced, inserted or removed, to build malformed inputs.</summary>
internal static class RlpEdit
{
    public static byte[] Replace(byte[] encoded, int index, RlpItem replacement) => Edit(encoded, items => items[index] = replacement);

    public static byte[] ReplaceBytes(byte[] encoded, int index, byte[] bytes) => Replace(encoded, index, RlpItem.FromBytes(bytes));

    /// <summary>Replaces an item with raw (possibly non-canonical) bytes, spliced in verbatim.</summary>
    public static byte[] ReplaceRaw(byte[] encoded, int index, byte[] rawItem)
    {
        var reader = new RlpReader(encoded);
        var list = reader.ReadList();
        var items = new List<byte[]>();
        while (list.HasMore)
        {
            items.Add(list.ReadRaw().ToArray());
        }

        items[index] = rawItem;
        return List(items);
    }

    public static byte[] Append(byte[] encoded, RlpItem extra) => Edit(encoded, items => items.Add(extra));

    public static byte[] RemoveLast(byte[] encoded) => Edit(encoded, items => items.RemoveAt(items.Count - 1));

    public static byte[] List(IReadOnlyList<byte[]> rawItems)
    {
        var content = rawItems.Sum(i => i.Length);
        var buffer = new byte[RlpWriter.LengthOfList(content)];
        var writer = new RlpWriter(buffer);
        writer.WriteListHeader(content);
        foreach (var item in rawItems)
        {
            writer.WriteRaw(item);
        }

        return buffer;
    }

    private static byte[] Edit(byte[] encoded, Action<List<RlpItem>> edit)
    {
        var items = RlpCodec.DecodeTree(encoded).Items.ToList();
        edit(items);
        return RlpCodec.Encode(RlpItem.FromList([.. items]));
    }
}
