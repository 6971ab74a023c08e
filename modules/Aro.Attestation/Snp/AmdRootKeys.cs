namespace Aro.Attestation.Snp;

/// <summary>
/// SHA-256 fingerprints of AMD's root keys (ARK DER) for each SEV-SNP product line, the trust anchors
/// an SNP chain must end in. The supplied ASK/ARK bundle is only trusted if its ARK is one of these.
/// </summary>
internal static class AmdRootKeys
{
    public static readonly byte[] MilanArkSha256 = Convert.FromHexString("69d063b45344d26a2e94e1f4210de49ef555308287d4c174445c95639a540bcd");
    public static readonly byte[] GenoaArkSha256 = Convert.FromHexString("4c6598d19c18719c5dfd4a7d335f674e5bfe1d8f800cea2cf270c10d103db2f1");
    public static readonly byte[] TurinArkSha256 = Convert.FromHexString("1f084161a44bb6d93778a904877d4819cafa5d05ef4193b2ded9dd9c73dd3f6a");

    /// <summary>The product whose ARK has this fingerprint, or <see cref="SnpProduct.Unknown"/> if it is not AMD's.</summary>
    public static SnpProduct Identify(ReadOnlySpan<byte> arkSha256)
    {
        if (arkSha256.SequenceEqual(MilanArkSha256))
        {
            return SnpProduct.Milan;
        }

        if (arkSha256.SequenceEqual(GenoaArkSha256))
        {
            return SnpProduct.Genoa;
        }

        return arkSha256.SequenceEqual(TurinArkSha256) ? SnpProduct.Turin : SnpProduct.Unknown;
    }
}
