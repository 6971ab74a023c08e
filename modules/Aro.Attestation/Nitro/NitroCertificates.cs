using Aro.Attestation.X509;

namespace Aro.Attestation.Nitro;

/// <summary>The certificates a Nitro document carries, parsed: the cabundle (root first) and the signing leaf.</summary>
internal sealed class NitroCertificates
{
    private NitroCertificates(IReadOnlyList<Certificate> bundle, Certificate leaf)
    {
        Bundle = bundle;
        Leaf = leaf;
    }

    public IReadOnlyList<Certificate> Bundle { get; }

    public Certificate Leaf { get; }

    /// <summary>Parses every certificate and imports every key, so broken DER or keys are format errors up front.</summary>
    public static NitroCertificates Parse(NitroDocument document)
    {
        var bundle = new List<Certificate>(document.CaBundle.Count);
        foreach (var der in document.CaBundle)
        {
            bundle.Add(WithKey(Certificate.FromDer(der)));
        }

        return new NitroCertificates(bundle, WithKey(Certificate.FromDer(document.Certificate)));
    }

    /// <summary>The caller's trust anchor: one certificate, PEM or DER.</summary>
    public static Certificate ParsePinnedRoot(ReadOnlySpan<byte> pemOrDer)
    {
        var start = pemOrDer.IndexOfAnyExcept(" \t\r\n"u8);
        if (start >= 0 && pemOrDer[start..].StartsWith("-----BEGIN"u8))
        {
            var certificates = Pem.DecodeCertificates(pemOrDer, "nitro.root");
            if (certificates.Count != 1)
            {
                throw new AttestationFormatException("nitro.root", 0, $"expected one root certificate, found {certificates.Count}");
            }

            return WithKey(certificates[0]);
        }

        return WithKey(Certificate.FromDer(pemOrDer));
    }

    private static Certificate WithKey(Certificate certificate)
    {
        _ = certificate.PublicKey;
        return certificate;
    }
}
