using Aro.Core;
using Aro.Core.Crypto;
using Aro.Core.Rlp;

namespace Aro.State.Tests;

/// <summary>
/// An independent root computation for checking the trie: builds the canonical trie of a final key
/// set from scratch, top-down over the sorted keys, as an RLP item tree. It shares no code with the
/// trie under test (its own nibble split, hex-prefix and node layout).
/// </summary>
internal static class ReferenceTrie
{
    public static Hash256 Root(IEnumerable<KeyValuePair<byte[], byte[]>> entries)
    {
        var items = entries
            .Select(e => (Path: ToNibbles(e.Key), e.Value))
            .OrderBy(e => Convert.ToHexString(e.Path), StringComparer.Ordinal)
            .ToList();
        return items.Count == 0 ? Keccak256.Hash([0x80]) : Keccak256.Hash(RlpCodec.Encode(Build(items, 0)));
    }

    private static RlpItem Build(List<(byte[] Path, byte[] Value)> items, int depth)
    {
        if (items.Count == 1)
        {
            return RlpItem.FromList(RlpItem.FromBytes(CompactPath(items[0].Path[depth..], leaf: true)), RlpItem.FromBytes(items[0].Value));
        }

        var shared = SharedLength(items, depth);
        if (shared > 0)
        {
            var prefix = items[0].Path[depth..(depth + shared)];
            return RlpItem.FromList(RlpItem.FromBytes(CompactPath(prefix, leaf: false)), Reference(Build(items, depth + shared)));
        }

        var slots = new RlpItem[17];
        for (var nibble = 0; nibble < 16; nibble++)
        {
            var group = items.Where(i => i.Path.Length > depth && i.Path[depth] == nibble).ToList();
            slots[nibble] = group.Count == 0 ? RlpItem.FromBytes([]) : Reference(Build(group, depth + 1));
        }

        var ending = items.Where(i => i.Path.Length == depth).Select(i => i.Value).SingleOrDefault();
        slots[16] = RlpItem.FromBytes(ending ?? []);
        return RlpItem.FromList(slots);
    }

    private static RlpItem Reference(RlpItem node)
    {
        var encoded = RlpCodec.Encode(node);
        return encoded.Length < 32 ? node : RlpItem.FromBytes(Keccak256.Hash(encoded).Bytes);
    }

    private static int SharedLength(List<(byte[] Path, byte[] Value)> items, int depth)
    {
        var shared = 0;
        while (items.All(i => i.Path.Length > depth + shared && i.Path[depth + shared] == items[0].Path[depth + shared]))
        {
            shared++;
        }

        return shared;
    }

    private static byte[] ToNibbles(byte[] key) => key.SelectMany(b => new[] { (byte)(b / 16), (byte)(b % 16) }).ToArray();

    private static byte[] CompactPath(byte[] nibbles, bool leaf)
    {
        var flag = (leaf ? 2 : 0) + (nibbles.Length % 2);
        var all = nibbles.Length % 2 == 1 ? new[] { (byte)flag }.Concat(nibbles) : new[] { (byte)flag, (byte)0 }.Concat(nibbles);
        var digits = all.ToArray();
        var bytes = new byte[digits.Length / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)((digits[2 * i] * 16) + digits[(2 * i) + 1]);
        }

        return bytes;
    }
}
