using System.Formats.Asn1;
using Aro.Attestation.X509;

namespace Aro.Attestation.Snp;

/// <summary>
/// A VCEK (or VLEK) certificate with AMD's extensions (KDS spec, pub. 57230) read out: the product name,
/// the security patch levels it was derived for and the chip's hardware ID.
/// </summary>
/// <remarks>
/// Extensions absent from the certificate stay null and make the binding checks fail, not the parse:
/// they are claims to compare, and "the VCEK does not say" is a verification result. Malformed DER inside
/// a present extension is a format error.
/// </remarks>
internal sealed class VcekCertificate
{
    private const string AmdOid = "1.3.6.1.4.1.3704.1.";
    private const string ProductNameOid = AmdOid + "2";
    private const string BootLoaderSplOid = AmdOid + "3.1";
    private const string TeeSplOid = AmdOid + "3.2";
    private const string SnpSplOid = AmdOid + "3.3";
    private const string MicrocodeSplOid = AmdOid + "3.8";

    // Turin's FMC (firmware microcontroller) SPL, following the .3.x numbering (go-sev-guest kds.go).
    private const string FmcSplOid = AmdOid + "3.9";
    private const string HardwareIdOid = AmdOid + "4";

    /// <summary>hwID of Milan/Genoa VCEKs (TCB struct version 0): the whole 64-byte CHIP_ID.</summary>
    public const int ChipIdLength = 64;

    /// <summary>hwID of Turin VCEKs (TCB struct version 1): the first 8 bytes of CHIP_ID (KDS spec, table 13).</summary>
    public const int TurinHardwareIdLength = 8;

    private VcekCertificate(Certificate certificate)
    {
        Certificate = certificate;
        ProductName = ReadIa5String(certificate, ProductNameOid);
        Product = SnpProductNames.FromVcekProductName(ProductName);
        BootLoaderSpl = ReadSpl(certificate, BootLoaderSplOid, "blSPL");
        TeeSpl = ReadSpl(certificate, TeeSplOid, "teeSPL");
        SnpSpl = ReadSpl(certificate, SnpSplOid, "snpSPL");
        MicrocodeSpl = ReadSpl(certificate, MicrocodeSplOid, "ucodeSPL");
        FmcSpl = ReadSpl(certificate, FmcSplOid, "fmcSPL");
        HardwareId = ReadHardwareId(certificate);
    }

    public Certificate Certificate { get; }

    /// <summary>productName, e.g. "Milan-B0"; null when absent.</summary>
    public string? ProductName { get; }

    public SnpProduct Product { get; }

    public byte? BootLoaderSpl { get; }

    public byte? TeeSpl { get; }

    public byte? SnpSpl { get; }

    public byte? MicrocodeSpl { get; }

    public byte? FmcSpl { get; }

    /// <summary>hwID: the CHIP_ID (64 bytes, or its first 8 on Turin) the key was derived for; null when absent (VLEKs have none).</summary>
    public ReadOnlyMemory<byte>? HardwareId { get; }

    /// <summary>The TCB_VERSION the VCEK's SPL extensions describe, or null if any required SPL is missing.</summary>
    public SnpTcbVersion? TcbVersion(SnpProduct product)
    {
        if (BootLoaderSpl is not { } bl || TeeSpl is not { } tee || SnpSpl is not { } snp || MicrocodeSpl is not { } ucode)
        {
            return null;
        }

        if (product == SnpProduct.Turin && FmcSpl is null)
        {
            return null;
        }

        return SnpTcbVersion.Compose(product, new SnpTcbComponents(bl, tee, snp, ucode, FmcSpl));
    }

    /// <summary>Accepts a DER certificate or a PEM file holding exactly one certificate.</summary>
    public static VcekCertificate Parse(ReadOnlySpan<byte> derOrPem)
    {
        Certificate certificate;
        if (LooksLikePem(derOrPem))
        {
            var certificates = Pem.DecodeCertificates(derOrPem, "vcek");
            if (certificates.Count != 1)
            {
                throw new AttestationFormatException("vcek", 0, $"expected one PEM certificate, found {certificates.Count}");
            }

            certificate = certificates[0];
        }
        else
        {
            certificate = Certificate.FromDer(derOrPem);
        }

        // Importing the key here turns a malformed key into a format error instead of a later surprise.
        if (!certificate.PublicKey.IsEc || certificate.PublicKey.KeySize != 384)
        {
            throw new AttestationFormatException("vcek.subjectPublicKeyInfo", 0, "VCEK key is not ECDSA P-384");
        }

        return new VcekCertificate(certificate);
    }

    internal static bool LooksLikePem(ReadOnlySpan<byte> data)
    {
        var start = data.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && data[start..].StartsWith("-----BEGIN"u8);
    }

    private static string? ReadIa5String(Certificate certificate, string oid)
    {
        var extension = certificate.FindExtension(oid);
        if (extension is null)
        {
            return null;
        }

        return ReadExtension(extension, "productName", reader => reader.ReadCharacterString(UniversalTagNumber.IA5String));
    }

    private static byte? ReadSpl(Certificate certificate, string oid, string name)
    {
        var extension = certificate.FindExtension(oid);
        if (extension is null)
        {
            return null;
        }

        return ReadExtension(extension, name, reader =>
            reader.TryReadInt32(out var value) && value is >= 0 and <= byte.MaxValue
                ? (byte)value
                : throw new AsnContentException($"{name} is not an integer in 0..255"));
    }

    private static ReadOnlyMemory<byte>? ReadHardwareId(Certificate certificate)
    {
        var extension = certificate.FindExtension(HardwareIdOid);
        if (extension is null)
        {
            return null;
        }

        // AMD writes the raw bytes as the extnValue, untagged; accept a DER OCTET STRING wrapper as well.
        if (extension.Value.Length is ChipIdLength or TurinHardwareIdLength)
        {
            return extension.Value;
        }

        return ReadExtension(extension, "hwID", reader =>
        {
            var value = reader.ReadOctetString();
            return value.Length is ChipIdLength or TurinHardwareIdLength
                ? new ReadOnlyMemory<byte>(value)
                : throw new AsnContentException($"hwID is {value.Length} bytes, expected {ChipIdLength} or {TurinHardwareIdLength}");
        });
    }

    private static T ReadExtension<T>(CertificateExtension extension, string name, Func<AsnReader, T> read)
    {
        try
        {
            var reader = new AsnReader(extension.Value, AsnEncodingRules.DER);
            var value = read(reader);
            reader.ThrowIfNotEmpty();
            return value;
        }
        catch (AsnContentException e)
        {
            throw new AttestationFormatException($"vcek.extensions.{name}", DerReading.OffsetOf(extension.Value), e.Message, e);
        }
    }
}
