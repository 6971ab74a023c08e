using Aro.Core.Rlp;
using Aro.Core.Transactions;

namespace Aro.Core.Tests.Transactions;

/// <summary>Builds raw transactions field by field, so a test can break exactly one thing.</summary>
internal static class TxRlp
{
    public static RlpItem Bytes(params byte[] bytes) => RlpItem.FromBytes(bytes);

    public static RlpItem Filled(int length, byte value) => RlpItem.FromBytes(Enumerable.Repeat(value, length).ToArray());

    public static RlpItem Int(ulong value) => RlpItem.FromBytes(((UInt256)value).ToBigEndianMinimal());

    public static RlpItem List(params RlpItem[] items) => RlpItem.FromList(items);

    /// <summary>The 12 fields of a well-formed EIP-1559 transaction (the signature is not a valid one; decode does not check it).</summary>
    public static RlpItem[] DynamicFeeFields() =>
    [
        Int(1), Int(7), Int(1_000_000_000), Int(30_000_000_000), Int(21_000), Filled(20, 0x11), Int(5), Bytes(0xde, 0xad),
        List(List(Filled(20, 0x22), List(Filled(32, 0x33)))), Int(1), Filled(32, 0x44), Filled(32, 0x55),
    ];

    /// <summary>The 11 fields of a well-formed EIP-2930 transaction: the EIP-1559 ones without the priority fee.</summary>
    public static RlpItem[] AccessListFields() => [.. DynamicFeeFields()[..2], .. DynamicFeeFields()[3..]];

    /// <summary>The 9 fields of a well-formed EIP-155 legacy transaction for chain id 1 (v = 37).</summary>
    public static RlpItem[] LegacyFields() =>
    [
        Int(7), Int(1_000_000_000), Int(21_000), Filled(20, 0x11), Int(5), Bytes(0xde, 0xad), Int(37), Filled(32, 0x44), Filled(32, 0x55),
    ];

    public static RlpItem[] With(this RlpItem[] fields, int index, RlpItem replacement)
    {
        var copy = (RlpItem[])fields.Clone();
        copy[index] = replacement;
        return copy;
    }

    public static byte[] Typed(TxType type, RlpItem[] fields) => Typed((byte)type, fields);

    public static byte[] Typed(byte type, RlpItem[] fields) => [type, .. RlpCodec.Encode(List(fields))];

    public static byte[] Legacy(RlpItem[] fields) => RlpCodec.Encode(List(fields));
}
