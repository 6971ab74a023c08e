namespace Aro.Core.Rlp;

/// <summary>RLP of <see cref="UInt256"/> and <see cref="Address"/>: canonical minimal big-endian integers and 20-byte strings.</summary>
public static class RlpUInt256Extensions
{
    /// <summary>An address always encodes as 0x94 followed by its 20 bytes.</summary>
    public const int AddressLength = 1 + Address.Size;

    /// <summary>Encoded length of <paramref name="value"/> as an RLP integer.</summary>
    public static int LengthOfUInt256(in UInt256 value) => value < 0x80 ? 1 : 1 + value.ByteLength;

    /// <summary>Writes the minimal big-endian form (zero is 0x80).</summary>
    public static unsafe void WriteUInt256(this ref RlpWriter writer, in UInt256 value)
    {
        if (value < 0x80)
        {
            writer.WriteUInt64((ulong)value);
            return;
        }

        // A pointer-backed span: the escape analysis cannot tie it to the writer, which only copies from it.
        var buffer = stackalloc byte[UInt256.Size];
        var bytes = new Span<byte>(buffer, UInt256.Size);
        value.WriteBigEndian(bytes);
        writer.WriteBigEndianInteger(bytes);
    }

    public static void WriteAddress(this ref RlpWriter writer, in Address address) => writer.WriteBytes(address.Bytes);

    /// <summary>Reads a canonical integer of at most 32 bytes (<see cref="RlpError.IntegerTooLarge"/>, <see cref="RlpError.LeadingZeros"/> otherwise).</summary>
    public static UInt256 ReadUInt256(this ref RlpReader reader) => UInt256.FromBigEndian(reader.ReadIntegerBytes(UInt256.Size));
}
