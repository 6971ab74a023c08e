using System.Formats.Asn1;

namespace Aro.Attestation.X509;

/// <summary>
/// A parsed X.509 certificate for deterministic, offline chain checks (no <c>X509Chain</c>:
/// that consults OS stores, the wall clock and the network).
/// <para>What this folder supports:</para>
/// <list type="bullet">
/// <item><see cref="FromDer"/> / <see cref="Pem.DecodeCertificates(ReadOnlySpan{byte})"/>: DER, or PEM bundles of
/// several certificates (a trailing NUL, as in DCAP quotes, is tolerated). Bad input throws
/// <see cref="AttestationFormatException"/> with the field and offset.</item>
/// <item>TBSCertificate bytes exactly as encoded, signature algorithm and value, serial, issuer/subject DER,
/// validity, SubjectPublicKeyInfo, extensions (raw), basicConstraints.</item>
/// <item><see cref="IsSignedBy"/>: ecdsa-with-SHA256/384/512 (DER signature), RSASSA-PSS (SHA-256/384/512,
/// MGF1 with the same hash, salt = hash length; AMD uses SHA-384 / 48), sha256/384/512WithRSAEncryption.
/// Issuer keys: EC (P-256, P-384, P-521) or RSA. See <see cref="SignatureVerifier"/> for raw signatures.</item>
/// <item><see cref="IsValidAt"/>: <c>NotBefore &lt;= t &lt;= NotAfter</c> at a caller-supplied time.</item>
/// <item><see cref="CertificateRevocationList"/>: DER CRLs, thisUpdate/nextUpdate, revoked serials, signature by issuer.</item>
/// </list>
/// Instances are immutable and safe to share between threads.
/// </summary>
internal sealed class Certificate
{
    private const string BasicConstraintsOid = "2.5.29.19";

    private readonly Lazy<VerificationKey> _publicKey;

    private Certificate(
        ReadOnlyMemory<byte> der,
        ReadOnlyMemory<byte> tbs,
        AlgorithmIdentifier signatureAlgorithm,
        ReadOnlyMemory<byte> signature,
        ReadOnlyMemory<byte> serialNumber,
        ReadOnlyMemory<byte> issuer,
        ReadOnlyMemory<byte> subject,
        DateTimeOffset notBefore,
        DateTimeOffset notAfter,
        ReadOnlyMemory<byte> subjectPublicKeyInfo,
        IReadOnlyList<CertificateExtension> extensions)
    {
        Der = der;
        TbsCertificate = tbs;
        SignatureAlgorithm = signatureAlgorithm;
        Signature = signature;
        SerialNumber = serialNumber;
        Issuer = issuer;
        Subject = subject;
        NotBefore = notBefore;
        NotAfter = notAfter;
        SubjectPublicKeyInfo = subjectPublicKeyInfo;
        Extensions = extensions;
        _publicKey = new Lazy<VerificationKey>(() => VerificationKey.FromSubjectPublicKeyInfo(SubjectPublicKeyInfo), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The whole certificate DER.</summary>
    public ReadOnlyMemory<byte> Der { get; }

    /// <summary>TBSCertificate exactly as encoded: the bytes the issuer signed.</summary>
    public ReadOnlyMemory<byte> TbsCertificate { get; }

    public AlgorithmIdentifier SignatureAlgorithm { get; }

    /// <summary>signatureValue BIT STRING contents (for ECDSA a DER SEQUENCE { r, s }).</summary>
    public ReadOnlyMemory<byte> Signature { get; }

    /// <summary>serialNumber INTEGER contents as encoded (big-endian two's complement, minimal).</summary>
    public ReadOnlyMemory<byte> SerialNumber { get; }

    /// <summary>Issuer Name DER.</summary>
    public ReadOnlyMemory<byte> Issuer { get; }

    /// <summary>Subject Name DER.</summary>
    public ReadOnlyMemory<byte> Subject { get; }

    public DateTimeOffset NotBefore { get; }

    public DateTimeOffset NotAfter { get; }

    /// <summary>SubjectPublicKeyInfo DER.</summary>
    public ReadOnlyMemory<byte> SubjectPublicKeyInfo { get; }

    public IReadOnlyList<CertificateExtension> Extensions { get; }

    /// <summary>The subject's public key, imported once.</summary>
    public VerificationKey PublicKey => _publicKey.Value;

    /// <summary>basicConstraints cA; false when the extension is absent.</summary>
    public bool IsCertificateAuthority
    {
        get
        {
            var extension = FindExtension(BasicConstraintsOid);
            if (extension is null)
            {
                return false;
            }

            try
            {
                var reader = new AsnReader(extension.Value, AsnEncodingRules.DER).ReadSequence();
                return reader.HasData && reader.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean) && reader.ReadBoolean();
            }
            catch (AsnContentException)
            {
                return false;
            }
        }
    }

    /// <summary>Subject as RFC 4514-ish text, for messages only.</summary>
    public string SubjectName
    {
        get
        {
            try
            {
                return new System.Security.Cryptography.X509Certificates.X500DistinguishedName(Subject.Span).Name;
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                return "subject " + Convert.ToHexStringLower(Subject.Span);
            }
        }
    }

    public bool IsValidAt(DateTimeOffset time) => NotBefore <= time && time <= NotAfter;

    /// <summary>True when <paramref name="issuer"/>'s key verifies this certificate's signature over TBSCertificate. Time-independent.</summary>
    public bool IsSignedBy(Certificate issuer) =>
        Issuer.Span.SequenceEqual(issuer.Subject.Span)
        && SignatureVerifier.Verify(issuer.PublicKey, SignatureAlgorithm, TbsCertificate.Span, Signature.Span);

    public CertificateExtension? FindExtension(string oid)
    {
        foreach (var extension in Extensions)
        {
            if (extension.Oid == oid)
            {
                return extension;
            }
        }

        return null;
    }

    public static Certificate FromDer(ReadOnlySpan<byte> der) => FromDer(new ReadOnlyMemory<byte>(der.ToArray()));

    /// <summary>Parses one DER certificate; the memory is kept (not copied), so it must not change afterwards.</summary>
    public static Certificate FromDer(ReadOnlyMemory<byte> der)
    {
        var field = "certificate";
        ReadOnlyMemory<byte> position = der;
        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.DER);
            var certificate = outer.ReadSequence();
            outer.ThrowIfNotEmpty();

            field = "certificate.tbsCertificate";
            var tbs = certificate.ReadEncodedValue();
            position = tbs;
            field = "certificate.signatureAlgorithm";
            var signatureAlgorithm = DerReading.ReadAlgorithmIdentifier(certificate);
            field = "certificate.signatureValue";
            var signature = DerReading.ReadWholeBitString(certificate);
            certificate.ThrowIfNotEmpty();

            var reader = new AsnReader(tbs, AsnEncodingRules.DER).ReadSequence();
            field = "tbsCertificate.version";
            var explicitVersion = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
            if (reader.PeekTag().HasSameClassAndValue(explicitVersion))
            {
                var versionReader = reader.ReadSequence(explicitVersion);
                if (!versionReader.TryReadInt32(out var version) || version is < 0 or > 2)
                {
                    throw new AsnContentException("unsupported version");
                }

                versionReader.ThrowIfNotEmpty();
            }

            field = "tbsCertificate.serialNumber";
            var serial = reader.ReadIntegerBytes();
            field = "tbsCertificate.signature";
            var innerAlgorithm = DerReading.ReadAlgorithmIdentifier(reader);
            if (!innerAlgorithm.SameAs(signatureAlgorithm))
            {
                throw new AttestationFormatException(field, DerReading.OffsetOf(tbs), "differs from the outer signatureAlgorithm");
            }

            field = "tbsCertificate.issuer";
            var issuer = reader.ReadEncodedValue();
            field = "tbsCertificate.validity";
            var validity = reader.ReadSequence();
            var notBefore = DerReading.ReadTime(validity);
            var notAfter = DerReading.ReadTime(validity);
            validity.ThrowIfNotEmpty();
            field = "tbsCertificate.subject";
            var subject = reader.ReadEncodedValue();
            field = "tbsCertificate.subjectPublicKeyInfo";
            var spki = reader.ReadEncodedValue();

            field = "tbsCertificate.uniqueIds";
            var issuerUniqueId = new Asn1Tag(TagClass.ContextSpecific, 1);
            var subjectUniqueId = new Asn1Tag(TagClass.ContextSpecific, 2);
            if (reader.HasData && reader.PeekTag().HasSameClassAndValue(issuerUniqueId))
            {
                reader.ReadEncodedValue();
            }

            if (reader.HasData && reader.PeekTag().HasSameClassAndValue(subjectUniqueId))
            {
                reader.ReadEncodedValue();
            }

            field = "tbsCertificate.extensions";
            var extensions = new List<CertificateExtension>();
            if (reader.HasData)
            {
                var wrapper = reader.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 3, isConstructed: true));
                var list = wrapper.ReadSequence();
                wrapper.ThrowIfNotEmpty();
                while (list.HasData)
                {
                    extensions.Add(CertificateExtension.Read(list));
                }
            }

            reader.ThrowIfNotEmpty();
            return new Certificate(der, tbs, signatureAlgorithm, signature, serial, issuer, subject, notBefore, notAfter, spki, extensions);
        }
        catch (AsnContentException e)
        {
            throw new AttestationFormatException(field, DerReading.OffsetOf(position), e.Message, e);
        }
    }
}

/// <summary>One certificate extension; <see cref="Value"/> is the extnValue OCTET STRING contents.</summary>
internal sealed record CertificateExtension(string Oid, bool Critical, ReadOnlyMemory<byte> Value)
{
    internal static CertificateExtension Read(AsnReader list)
    {
        var extension = list.ReadSequence();
        var oid = extension.ReadObjectIdentifier();
        var critical = false;
        if (extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean))
        {
            critical = extension.ReadBoolean();
        }

        if (!extension.TryReadPrimitiveOctetString(out var value))
        {
            throw new AsnContentException("constructed extnValue");
        }

        extension.ThrowIfNotEmpty();
        return new CertificateExtension(oid, critical, value);
    }
}
