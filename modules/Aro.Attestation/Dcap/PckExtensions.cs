using System.Formats.Asn1;
using Aro.Attestation.X509;

namespace Aro.Attestation.Dcap;

/// <summary>
/// The platform facts Intel puts in a PCK certificate's SGX extension (1.2.840.113741.1.13.1,
/// Intel PCK Certificate and CRL Profile): TCB component SVNs, PCESVN, CPUSVN, PCE-ID and FMSPC.
/// </summary>
internal sealed class PckExtensions
{
    public const string SgxExtensionOid = "1.2.840.113741.1.13.1";
    private const string TcbOid = SgxExtensionOid + ".2";
    private const string PceIdOid = SgxExtensionOid + ".3";
    private const string FmspcOid = SgxExtensionOid + ".4";

    private PckExtensions(byte[] components, int pceSvn, byte[] cpuSvn, byte[] pceId, byte[] fmspc)
    {
        TcbComponents = components;
        PceSvn = pceSvn;
        CpuSvn = cpuSvn;
        PceId = pceId;
        Fmspc = fmspc;
    }

    /// <summary>SGX TCB component SVNs 1..16 (each 0..255).</summary>
    public byte[] TcbComponents { get; }

    public int PceSvn { get; }

    public byte[] CpuSvn { get; }

    public byte[] PceId { get; }

    public byte[] Fmspc { get; }

    public static PckExtensions Read(Certificate pck)
    {
        var extension = pck.FindExtension(SgxExtensionOid)
            ?? throw new AttestationFormatException("pck.extensions", 0, "no SGX extension: not a PCK certificate");
        try
        {
            byte[]? components = null;
            int? pceSvn = null;
            byte[]? cpuSvn = null, pceId = null, fmspc = null;
            var sequence = new AsnReader(extension.Value, AsnEncodingRules.DER).ReadSequence();
            while (sequence.HasData)
            {
                var entry = sequence.ReadSequence();
                var oid = entry.ReadObjectIdentifier();
                switch (oid)
                {
                    case TcbOid:
                        (components, pceSvn, cpuSvn) = ReadTcb(entry.ReadSequence());
                        break;
                    case PceIdOid:
                        pceId = ReadOctets(entry, 2);
                        break;
                    case FmspcOid:
                        fmspc = ReadOctets(entry, 6);
                        break;
                    default:
                        entry.ReadEncodedValue(); // PPID, SGX type, platform instance, configuration: not used for verification
                        break;
                }

                entry.ThrowIfNotEmpty();
            }

            if (components is null || pceSvn is null || cpuSvn is null || pceId is null || fmspc is null)
            {
                throw new AsnContentException("missing TCB, PCE-ID or FMSPC");
            }

            return new PckExtensions(components, pceSvn.Value, cpuSvn, pceId, fmspc);
        }
        catch (AsnContentException e)
        {
            throw new AttestationFormatException("pck.extensions.sgx", DerReading.OffsetOf(extension.Value), e.Message, e);
        }
    }

    private static (byte[] Components, int PceSvn, byte[] CpuSvn) ReadTcb(AsnReader tcb)
    {
        var components = new byte[16];
        var seen = 0;
        int? pceSvn = null;
        byte[]? cpuSvn = null;
        while (tcb.HasData)
        {
            var entry = tcb.ReadSequence();
            var oid = entry.ReadObjectIdentifier();
            if (!oid.StartsWith(TcbOid + ".", StringComparison.Ordinal) || !int.TryParse(oid.AsSpan(TcbOid.Length + 1), out var index))
            {
                throw new AsnContentException($"unexpected TCB entry {oid}");
            }

            if (index is >= 1 and <= 16)
            {
                if (!entry.TryReadInt32(out var svn) || svn is < 0 or > 255)
                {
                    throw new AsnContentException($"TCB component {index} out of range");
                }

                components[index - 1] = (byte)svn;
                seen |= 1 << (index - 1);
            }
            else if (index == 17)
            {
                if (!entry.TryReadInt32(out var svn) || svn is < 0 or > 65535)
                {
                    throw new AsnContentException("PCESVN out of range");
                }

                pceSvn = svn;
            }
            else if (index == 18)
            {
                cpuSvn = ReadOctets(entry, 16);
            }
            else
            {
                throw new AsnContentException($"unexpected TCB entry {oid}");
            }

            entry.ThrowIfNotEmpty();
        }

        if (seen != 0xFFFF || pceSvn is null || cpuSvn is null)
        {
            throw new AsnContentException("incomplete TCB");
        }

        return (components, pceSvn.Value, cpuSvn);
    }

    private static byte[] ReadOctets(AsnReader reader, int length)
    {
        var value = reader.ReadOctetString();
        if (value.Length != length)
        {
            throw new AsnContentException($"expected {length} bytes, got {value.Length}");
        }

        return value;
    }
}
