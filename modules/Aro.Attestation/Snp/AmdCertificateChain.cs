using System.Security.Cryptography;
using Aro.Attestation.X509;

namespace Aro.Attestation.Snp;

/// <summary>
/// AMD's product chain as KDS serves it (<c>/vcek/v1/{product}/cert_chain</c>): the ASK, then the ARK.
/// Parsed once, it can be reused for every report of that product line.
/// </summary>
internal sealed class AmdCertificateChain
{
    private AmdCertificateChain(Certificate ask, Certificate ark)
    {
        Ask = ask;
        Ark = ark;
        ArkSha256 = SHA256.HashData(ark.Der.Span);
    }

    /// <summary>AMD SEV Key: signs VCEKs of one product line.</summary>
    public Certificate Ask { get; }

    /// <summary>AMD Root Key: self-signed, signs the ASK.</summary>
    public Certificate Ark { get; }

    public byte[] ArkSha256 { get; }

    public static AmdCertificateChain Parse(ReadOnlySpan<byte> askArkPem)
    {
        var certificates = Pem.DecodeCertificates(askArkPem, "snp.chain");
        if (certificates.Count != 2)
        {
            throw new AttestationFormatException("snp.chain", 0, $"expected ASK then ARK, found {certificates.Count} certificate(s)");
        }

        string[] roles = ["ASK", "ARK"];
        for (var i = 0; i < 2; i++)
        {
            // Import now so a broken key is a format error, not a failed signature check later.
            if (!certificates[i].PublicKey.IsRsa)
            {
                throw new AttestationFormatException("snp.chain", 0, $"the {roles[i]} does not hold an RSA key");
            }
        }

        return new AmdCertificateChain(certificates[0], certificates[1]);
    }
}
