using System.Text;
using System.Text.Json;
using Aro.Attestation.X509;

namespace Aro.Attestation.Dcap;

/// <summary>
/// Intel DCAP collateral for one platform (FMSPC): TCB info, QE identity, their issuer chains and signatures,
/// the Root CA CRL and the PCK CRL with its issuer chain. Loaded from the <c>QuoteCollateralV3</c> JSON layout
/// (keys <c>tcb_info</c>, <c>tcb_info_signature</c>, <c>tcb_info_issuer_chain</c>, <c>qe_identity</c>, ...).
/// Loading only parses; nothing here is trusted until a <see cref="DcapVerifier"/> checks it.
/// </summary>
public sealed class DcapCollateral
{
    private DcapCollateral()
    {
    }

    /// <summary>The exact signed UTF-8 bytes of the tcbInfo object.</summary>
    internal ReadOnlyMemory<byte> TcbInfoBytes { get; private init; }

    internal byte[] TcbInfoSignature { get; private init; } = [];

    internal IReadOnlyList<Certificate> TcbInfoIssuerChain { get; private init; } = [];

    internal TcbInfo TcbInfo { get; private init; } = null!;

    /// <summary>The exact signed UTF-8 bytes of the enclaveIdentity object.</summary>
    internal ReadOnlyMemory<byte> QeIdentityBytes { get; private init; }

    internal byte[] QeIdentitySignature { get; private init; } = [];

    internal IReadOnlyList<Certificate> QeIdentityIssuerChain { get; private init; } = [];

    internal EnclaveIdentity QeIdentity { get; private init; } = null!;

    internal CertificateRevocationList RootCaCrl { get; private init; } = null!;

    internal CertificateRevocationList PckCrl { get; private init; } = null!;

    internal IReadOnlyList<Certificate> PckCrlIssuerChain { get; private init; } = [];

    /// <summary>Parses collateral.json; malformed content throws <see cref="AttestationFormatException"/> naming the key.</summary>
    public static DcapCollateral FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonFields.Parse(Encoding.UTF8.GetBytes(json), "collateral");
        var root = document.RootElement;
        const string path = "collateral";

        // The signature covers the text exactly as Intel served it, so keep its UTF-8 bytes and never re-serialise.
        var tcbInfoBytes = Encoding.UTF8.GetBytes(JsonFields.String(root, "tcb_info", path));
        var qeIdentityBytes = Encoding.UTF8.GetBytes(JsonFields.String(root, "qe_identity", path));
        return new DcapCollateral
        {
            TcbInfoBytes = tcbInfoBytes,
            TcbInfoSignature = Signature(root, "tcb_info_signature"),
            TcbInfoIssuerChain = Chain(root, "tcb_info_issuer_chain"),
            TcbInfo = TcbInfo.Parse(tcbInfoBytes),
            QeIdentityBytes = qeIdentityBytes,
            QeIdentitySignature = Signature(root, "qe_identity_signature"),
            QeIdentityIssuerChain = Chain(root, "qe_identity_issuer_chain"),
            QeIdentity = EnclaveIdentity.Parse(qeIdentityBytes),
            RootCaCrl = Crl(root, "root_ca_crl"),
            PckCrl = Crl(root, "pck_crl"),
            PckCrlIssuerChain = Chain(root, "pck_crl_issuer_chain"),
        };
    }

    private static byte[] Signature(JsonElement root, string name) => JsonFields.Hex(root, name, "collateral", 64);

    private static IReadOnlyList<Certificate> Chain(JsonElement root, string name) =>
        Pem.DecodeCertificates(JsonFields.String(root, name, "collateral").AsSpan(), "collateral." + name);

    private static CertificateRevocationList Crl(JsonElement root, string name)
    {
        var text = JsonFields.String(root, name, "collateral");
        return CertificateRevocationList.FromDer(new ReadOnlyMemory<byte>(JsonFields.FromHex(text, "collateral." + name)));
    }
}
