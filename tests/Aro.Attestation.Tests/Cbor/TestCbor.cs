using System.Text;
using Aro.Attestation.Cbor;

namespace Aro.Attestation.Tests.Cbor;

/// <summary>Builds CBOR items for tests (canonical heads), so malformed documents are written on purpose.</summary>
internal static class TestCbor
{
    public static byte[] UInt(ulong value) => Head(CborMajorType.UnsignedInteger, value);

    public static byte[] NegInt(long value) => Head(CborMajorType.NegativeInteger, (ulong)(-1 - value));

    public static byte[] Bytes(byte[] value) => [.. Head(CborMajorType.ByteString, (ulong)value.Length), .. value];

    public static byte[] Text(string value)
    {
        var utf8 = Encoding.UTF8.GetBytes(value);
        return [.. Head(CborMajorType.TextString, (ulong)utf8.Length), .. utf8];
    }

    public static byte[] Null => [0xF6];

    public static byte[] Array(params byte[][] items) => [.. Head(CborMajorType.Array, (ulong)items.Length), .. items.SelectMany(i => i)];

    public static byte[] Map(params (byte[] Key, byte[] Value)[] entries) =>
        [.. Head(CborMajorType.Map, (ulong)entries.Length), .. entries.SelectMany(e => e.Key.Concat(e.Value))];

    public static byte[] Head(CborMajorType major, ulong argument)
    {
        var buffer = new byte[9];
        var length = CborEncoding.WriteHead(buffer, major, argument);
        return buffer[..length];
    }
}
