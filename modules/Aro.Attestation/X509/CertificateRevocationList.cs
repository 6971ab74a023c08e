using System.Formats.Asn1;

namespace Aro.Attestation.X509;

/// <summary>
/// A parsed X.509 v2 CRL (RFC 5280 §5): the signed TBSCertList, issuer, update times and revoked serials.
/// Signature and time checks are separate calls so a verifier can report them as separate checks.
/// </summary>
internal sealed class CertificateRevocationList
{
    private readonly HashSet<string> _revokedSerials;

    private CertificateRevocationList(
        ReadOnlyMemory<byte> der,
        ReadOnlyMemory<byte> tbs,
        AlgorithmIdentifier signatureAlgorithm,
        ReadOnlyMemory<byte> signature,
        ReadOnlyMemory<byte> issuer,
        DateTimeOffset thisUpdate,
        DateTimeOffset? nextUpdate,
        HashSet<string> revokedSerials)
    {
        Der = der;
        TbsCertList = tbs;
        SignatureAlgorithm = signatureAlgorithm;
        Signature = signature;
        Issuer = issuer;
        ThisUpdate = thisUpdate;
        NextUpdate = nextUpdate;
        _revokedSerials = revokedSerials;
    }

    public ReadOnlyMemory<byte> Der { get; }

    public ReadOnlyMemory<byte> TbsCertList { get; }

    public AlgorithmIdentifier SignatureAlgorithm { get; }

    public ReadOnlyMemory<byte> Signature { get; }

    /// <summary>Issuer Name DER.</summary>
    public ReadOnlyMemory<byte> Issuer { get; }

    public DateTimeOffset ThisUpdate { get; }

    /// <summary>Absent nextUpdate means the CRL never becomes stale by itself.</summary>
    public DateTimeOffset? NextUpdate { get; }

    public int RevokedCount => _revokedSerials.Count;

    /// <summary><c>thisUpdate &lt;= t &lt;= nextUpdate</c>.</summary>
    public bool IsCurrentAt(DateTimeOffset time) => ThisUpdate <= time && (NextUpdate is null || time <= NextUpdate.Value);

    /// <summary>Issuer name matches and its key verifies the signature over TBSCertList. Time-independent.</summary>
    public bool IsSignedBy(Certificate issuer) =>
        Issuer.Span.SequenceEqual(issuer.Subject.Span)
        && SignatureVerifier.Verify(issuer.PublicKey, SignatureAlgorithm, TbsCertList.Span, Signature.Span);

    /// <summary>Whether this CRL lists the certificate's serial. The caller checks the CRL's issuer is the certificate's.</summary>
    public bool IsRevoked(Certificate certificate) => _revokedSerials.Contains(Convert.ToHexStringLower(certificate.SerialNumber.Span));

    public static CertificateRevocationList FromDer(ReadOnlySpan<byte> der) => FromDer(new ReadOnlyMemory<byte>(der.ToArray()));

    public static CertificateRevocationList FromDer(ReadOnlyMemory<byte> der)
    {
        var field = "crl";
        ReadOnlyMemory<byte> position = der;
        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.DER);
            var list = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            field = "crl.tbsCertList";
            var tbs = list.ReadEncodedValue();
            position = tbs;
            field = "crl.signatureAlgorithm";
            var signatureAlgorithm = DerReading.ReadAlgorithmIdentifier(list);
            field = "crl.signatureValue";
            var signature = DerReading.ReadWholeBitString(list);
            list.ThrowIfNotEmpty();

            var reader = new AsnReader(tbs, AsnEncodingRules.DER).ReadSequence();
            field = "tbsCertList.version";
            if (reader.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
            {
                if (!reader.TryReadInt32(out var version) || version != 1)
                {
                    throw new AsnContentException("unsupported CRL version");
                }
            }

            field = "tbsCertList.signature";
            var innerAlgorithm = DerReading.ReadAlgorithmIdentifier(reader);
            if (!innerAlgorithm.SameAs(signatureAlgorithm))
            {
                throw new AttestationFormatException(field, DerReading.OffsetOf(tbs), "differs from the outer signatureAlgorithm");
            }

            field = "tbsCertList.issuer";
            var issuer = reader.ReadEncodedValue();
            field = "tbsCertList.thisUpdate";
            var thisUpdate = DerReading.ReadTime(reader);
            field = "tbsCertList.nextUpdate";
            DateTimeOffset? nextUpdate = DerReading.IsTimeNext(reader) ? DerReading.ReadTime(reader) : null;

            field = "tbsCertList.revokedCertificates";
            var revoked = new HashSet<string>(StringComparer.Ordinal);
            if (reader.HasData && reader.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
            {
                var entries = reader.ReadSequence();
                while (entries.HasData)
                {
                    var entry = entries.ReadSequence();
                    revoked.Add(Convert.ToHexStringLower(entry.ReadIntegerBytes().Span));
                    DerReading.ReadTime(entry);
                    if (entry.HasData)
                    {
                        entry.ReadSequence(); // crlEntryExtensions: reason codes etc. do not change "revoked"
                    }

                    entry.ThrowIfNotEmpty();
                }
            }

            field = "tbsCertList.crlExtensions";
            if (reader.HasData)
            {
                var wrapper = reader.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true));
                var extensions = wrapper.ReadSequence();
                wrapper.ThrowIfNotEmpty();
                while (extensions.HasData)
                {
                    var extension = CertificateExtension.Read(extensions);
                    if (extension.Critical && extension.Oid is not ("2.5.29.20" or "2.5.29.35"))
                    {
                        // A critical extension we do not understand (e.g. issuingDistributionPoint scoping) could narrow the CRL.
                        throw new AttestationFormatException(field, DerReading.OffsetOf(tbs), $"unsupported critical CRL extension {extension.Oid}");
                    }
                }
            }

            reader.ThrowIfNotEmpty();
            return new CertificateRevocationList(der, tbs, signatureAlgorithm, signature, issuer, thisUpdate, nextUpdate, revoked);
        }
        catch (AsnContentException e)
        {
            throw new AttestationFormatException(field, DerReading.OffsetOf(position), e.Message, e);
        }
    }
}
