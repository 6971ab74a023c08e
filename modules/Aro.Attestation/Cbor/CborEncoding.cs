using System.Buffers.Binary;

namespace Aro.Attestation.Cbor;

/// <summary>
/// The few canonical CBOR heads needed to rebuild a COSE <c>Sig_structure</c>; the signed bytes must be
/// the deterministic encoding (RFC 9052 §4.4), so heads are always the shortest form.
/// </summary>
internal static class CborEncoding
{
    /// <summary>Bytes a head with this argument takes.</summary>
    public static int HeadLength(ulong argument) => argument switch
    {
        < 24 => 1,
        <= byte.MaxValue => 2,
        <= ushort.MaxValue => 3,
        <= uint.MaxValue => 5,
        _ => 9,
    };

    /// <summary>Writes a head at the start of <paramref name="destination"/> and returns its length.</summary>
    public static int WriteHead(Span<byte> destination, CborMajorType major, ulong argument)
    {
        var type = (byte)((byte)major << 5);
        switch (HeadLength(argument))
        {
            case 1:
                destination[0] = (byte)(type | (byte)argument);
                return 1;
            case 2:
                destination[0] = (byte)(type | 24);
                destination[1] = (byte)argument;
                return 2;
            case 3:
                destination[0] = (byte)(type | 25);
                BinaryPrimitives.WriteUInt16BigEndian(destination[1..], (ushort)argument);
                return 3;
            case 5:
                destination[0] = (byte)(type | 26);
                BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)argument);
                return 5;
            default:
                destination[0] = (byte)(type | 27);
                BinaryPrimitives.WriteUInt64BigEndian(destination[1..], argument);
                return 9;
        }
    }
}
