using System.Formats.Asn1;
using System.Runtime.InteropServices;

namespace Aro.Attestation.X509;

/// <summary>Small helpers shared by the certificate and CRL parsers: offsets for errors and X.509 Time.</summary>
internal static class DerReading
{
    /// <summary>Offset of <paramref name="part"/> inside the buffer it was sliced from, for error messages.</summary>
    public static long OffsetOf(ReadOnlyMemory<byte> part) =>
        MemoryMarshal.TryGetArray(part, out var segment) ? segment.Offset : 0;

    /// <summary>X.509 Time: UTCTime (RFC 5280 two-digit years: 50..99 are 19xx) or GeneralizedTime.</summary>
    public static DateTimeOffset ReadTime(AsnReader reader)
    {
        var tag = reader.PeekTag();
        if (tag.HasSameClassAndValue(Asn1Tag.UtcTime))
        {
            return reader.ReadUtcTime(2049);
        }

        if (tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime))
        {
            return reader.ReadGeneralizedTime();
        }

        throw new AsnContentException("expected UTCTime or GeneralizedTime");
    }

    public static bool IsTimeNext(AsnReader reader)
    {
        if (!reader.HasData)
        {
            return false;
        }

        var tag = reader.PeekTag();
        return tag.HasSameClassAndValue(Asn1Tag.UtcTime) || tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime);
    }

    /// <summary>Reads a BIT STRING that must have no unused bits (signatures, public keys).</summary>
    public static ReadOnlyMemory<byte> ReadWholeBitString(AsnReader reader)
    {
        if (!reader.TryReadPrimitiveBitString(out var unused, out var bits) || unused != 0)
        {
            throw new AsnContentException("bit string with unused bits or constructed encoding");
        }

        return bits;
    }

    /// <summary>Reads an AlgorithmIdentifier: OID and the raw DER of its parameters (empty when absent).</summary>
    public static AlgorithmIdentifier ReadAlgorithmIdentifier(AsnReader reader)
    {
        var sequence = reader.ReadSequence();
        var oid = sequence.ReadObjectIdentifier();
        var parameters = sequence.HasData ? sequence.ReadEncodedValue() : ReadOnlyMemory<byte>.Empty;
        sequence.ThrowIfNotEmpty();
        return new AlgorithmIdentifier(oid, parameters);
    }
}

/// <summary>An X.509 AlgorithmIdentifier; <see cref="Parameters"/> is the DER of the parameters or empty.</summary>
internal readonly record struct AlgorithmIdentifier(string Oid, ReadOnlyMemory<byte> Parameters)
{
    public bool HasAbsentOrNullParameters =>
        Parameters.IsEmpty || (Parameters.Length == 2 && Parameters.Span[0] == 0x05 && Parameters.Span[1] == 0x00);

    public bool SameAs(AlgorithmIdentifier other) =>
        Oid == other.Oid && Parameters.Span.SequenceEqual(other.Parameters.Span);
}
