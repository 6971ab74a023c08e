using Aro.Attestation.X509;

namespace Aro.Attestation.Dcap;

/// <summary>
/// The PCK certificate chain carried in a quote, with every time-independent fact about it established
/// once (links, CA flag, pinned root, revocation by the collateral's CRLs, SGX extension). Validity
/// windows are kept as data and compared per verification time.
/// </summary>
internal sealed class PckChain
{
    private PckChain(byte[] pem, Certificate leaf, Certificate authority)
    {
        Pem = pem;
        Leaf = leaf;
        Authority = authority;
    }

    /// <summary>The certification data this was built from, for an exact cache comparison.</summary>
    public byte[] Pem { get; }

    public Certificate Leaf { get; }

    /// <summary>The PCK Platform or Processor CA.</summary>
    public Certificate Authority { get; }

    public PckExtensions Extensions { get; private init; } = null!;

    public bool LinksToRoot { get; private init; }

    public string? LinkFailure { get; private init; }

    public bool AuthorityNotRevoked { get; private init; }

    public bool LeafNotRevoked { get; private init; }

    public string? RevocationDetail { get; private init; }

    public static PckChain Build(ReadOnlySpan<byte> pem, int offsetInQuote, Certificate root, DcapCollateral collateral)
    {
        IReadOnlyList<Certificate> certificates;
        try
        {
            certificates = X509.Pem.DecodeCertificates(pem, "quote.pck_chain");
        }
        catch (AttestationFormatException e)
        {
            throw new AttestationFormatException(e.Field, offsetInQuote + e.Offset, e.Reason, e);
        }

        if (certificates.Count is < 2 or > 3)
        {
            throw new AttestationFormatException("quote.pck_chain", offsetInQuote, $"{certificates.Count} certificates, expected PCK, PCK CA and optionally the root");
        }

        var leaf = certificates[0];
        var authority = certificates[1];
        string? failure = null;
        if (!leaf.IsSignedBy(authority))
        {
            failure = "PCK certificate is not signed by the PCK CA";
        }
        else if (!authority.IsCertificateAuthority)
        {
            failure = "PCK CA is not a CA";
        }
        else if (!authority.IsSignedBy(root))
        {
            failure = "PCK CA is not signed by the pinned root";
        }
        else if (certificates.Count == 3 && !certificates[2].Der.Span.SequenceEqual(root.Der.Span))
        {
            failure = "chain root differs from the pinned root";
        }

        var pckCrl = collateral.PckCrl;
        var crlCoversLeaf = pckCrl.Issuer.Span.SequenceEqual(leaf.Issuer.Span);
        var leafNotRevoked = crlCoversLeaf && !pckCrl.IsRevoked(leaf);
        var authorityNotRevoked = !collateral.RootCaCrl.IsRevoked(authority);
        return new PckChain(pem.ToArray(), leaf, authority)
        {
            Extensions = PckExtensions.Read(leaf),
            LinksToRoot = failure is null,
            LinkFailure = failure,
            LeafNotRevoked = leafNotRevoked,
            AuthorityNotRevoked = authorityNotRevoked,
            RevocationDetail = !crlCoversLeaf ? "the PCK CRL is not issued by the PCK certificate's CA" : leafNotRevoked ? null : "PCK certificate serial is on the PCK CRL",
        };
    }
}
