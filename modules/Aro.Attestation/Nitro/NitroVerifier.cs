using System.Globalization;
using System.Security.Cryptography;
using Aro.Attestation.X509;

namespace Aro.Attestation.Nitro;

/// <summary>
/// Verifies an AWS Nitro Enclaves attestation document offline at an explicit time: the COSE_Sign1 ES384
/// signature by the leaf certificate, the chain from the pinned AWS Nitro root through the document's
/// cabundle to the leaf, CA constraints, and every certificate's validity window.
/// </summary>
/// <remarks>
/// The chain is anchored in the caller's pinned root, never in <c>cabundle[0]</c>: the bundle's own copy
/// only has to equal the pinned one (<c>root_matches_pinned</c>), and cabundle[1] must be signed by the
/// pinned key. Signatures never depend on time; every validity comparison lives in <c>time_ok</c>.
/// No CRLs exist offline; the leaf's ~3 hour lifetime is the practical revocation bound.
/// </remarks>
public static class NitroVerifier
{
    public const string CoseSig = "cose_sig";
    public const string RootMatchesPinned = "root_matches_pinned";
    public const string CaBundleChain = "cabundle_chain";
    public const string CaConstraints = "ca_constraints";
    public const string TimeOk = "time_ok";

    /// <summary>
    /// Parses and verifies. A malformed document or root throws <see cref="AttestationFormatException"/>;
    /// anything that parses yields a verdict.
    /// </summary>
    /// <param name="document">The COSE_Sign1 attestation document as the NSM returned it.</param>
    /// <param name="pinnedRootPem">The AWS Nitro Enclaves root certificate the caller trusts (PEM or DER).</param>
    /// <param name="at">The verification time (block time on chain); never the wall clock.</param>
    public static AttestationVerdict Verify(ReadOnlySpan<byte> document, ReadOnlySpan<byte> pinnedRootPem, DateTimeOffset at) =>
        Verify(NitroDocument.Parse(document), NitroCertificates.ParsePinnedRoot(pinnedRootPem), at);

    internal static AttestationVerdict Verify(NitroDocument document, Certificate pinnedRoot, DateTimeOffset at) =>
        Verify(document, NitroCertificates.Parse(document), pinnedRoot, at);

    /// <summary>Verifies with certificates parsed beforehand, so a caller can cache them.</summary>
    internal static AttestationVerdict Verify(NitroDocument document, NitroCertificates certificates, Certificate pinnedRoot, DateTimeOffset at)
    {
        var checks = new List<VerificationCheck>(5)
        {
            new(CoseSig, VerifyCoseSignature(document, certificates.Leaf.PublicKey)),
            CheckPinnedRoot(certificates, pinnedRoot),
            CheckChain(certificates, pinnedRoot),
            CheckConstraints(certificates),
            CheckValidity(certificates, pinnedRoot, at),
        };

        var measurements = new List<Measurement>(document.Pcrs.Count);
        foreach (var pcr in document.Pcrs)
        {
            measurements.Add(new Measurement("pcr" + pcr.Index.ToString(CultureInfo.InvariantCulture), pcr.Value));
        }

        return new AttestationVerdict(AttestationKind.Nitro, at, checks, measurements, document.UserData ?? ReadOnlyMemory<byte>.Empty)
        {
            DebugMode = IsDebugMode(document),
            ProducedAt = document.Timestamp,
            PublicKey = document.PublicKey ?? ReadOnlyMemory<byte>.Empty,
            Nonce = document.Nonce ?? ReadOnlyMemory<byte>.Empty,
            Details = Describe(document, certificates),
        };
    }

    /// <summary>ES384 over the Sig_structure with the leaf key; the raw check benchmarks measure.</summary>
    internal static bool VerifyCoseSignature(NitroDocument document, VerificationKey leafKey) =>
        leafKey.IsEc
        && leafKey.KeySize == 384
        && leafKey.VerifyEcdsa(
            document.Cose.BuildSigStructure(),
            document.Cose.Signature.Span,
            HashAlgorithmName.SHA384,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>A debug-mode enclave reports PCR0, PCR1 and PCR2 as all zeros; its memory is not confidential.</summary>
    private static bool IsDebugMode(NitroDocument document)
    {
        var zeroImagePcrs = 0;
        foreach (var pcr in document.Pcrs)
        {
            if (pcr.Index <= 2 && !pcr.Value.Span.ContainsAnyExcept((byte)0))
            {
                zeroImagePcrs++;
            }
        }

        return zeroImagePcrs == 3;
    }

    private static VerificationCheck CheckPinnedRoot(NitroCertificates certificates, Certificate pinnedRoot) =>
        certificates.Bundle[0].Der.Span.SequenceEqual(pinnedRoot.Der.Span)
            ? new(RootMatchesPinned, true)
            : new(RootMatchesPinned, false, $"cabundle[0] {DistinguishedNames.Format(certificates.Bundle[0].Subject.Span)} is not the pinned root");

    private static VerificationCheck CheckChain(NitroCertificates certificates, Certificate pinnedRoot)
    {
        var issuer = pinnedRoot;
        for (var i = 1; i < certificates.Bundle.Count; i++)
        {
            if (!certificates.Bundle[i].IsSignedBy(issuer))
            {
                return new(CaBundleChain, false, $"cabundle[{i}] is not signed by {(i == 1 ? "the pinned root" : $"cabundle[{i - 1}]")}");
            }

            issuer = certificates.Bundle[i];
        }

        return certificates.Leaf.IsSignedBy(issuer)
            ? new(CaBundleChain, true)
            : new(CaBundleChain, false, "certificate is not signed by the last cabundle entry");
    }

    private static VerificationCheck CheckConstraints(NitroCertificates certificates)
    {
        for (var i = 1; i < certificates.Bundle.Count; i++)
        {
            if (!certificates.Bundle[i].IsCertificateAuthority)
            {
                return new(CaConstraints, false, $"cabundle[{i}] is not a CA (basicConstraints)");
            }
        }

        return certificates.Leaf.IsCertificateAuthority
            ? new(CaConstraints, false, "the signing certificate is a CA")
            : new(CaConstraints, true);
    }

    private static VerificationCheck CheckValidity(NitroCertificates certificates, Certificate pinnedRoot, DateTimeOffset at)
    {
        string? problem = null;
        Note(pinnedRoot, "root");
        for (var i = 1; i < certificates.Bundle.Count; i++)
        {
            Note(certificates.Bundle[i], $"cabundle[{i}]");
        }

        Note(certificates.Leaf, "certificate");
        return new VerificationCheck(TimeOk, problem is null, problem is null ? null : $"at {Iso(at)}: {problem}");

        void Note(Certificate certificate, string role)
        {
            if (!certificate.IsValidAt(at))
            {
                problem = (problem is null ? string.Empty : problem + "; ")
                    + $"{role} valid {Iso(certificate.NotBefore)}..{Iso(certificate.NotAfter)}";
            }
        }
    }

    private static SortedDictionary<string, string> Describe(NitroDocument document, NitroCertificates certificates)
    {
        var details = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["module_id"] = document.ModuleId,
            ["digest"] = document.Digest,
            ["timestamp"] = Iso(document.Timestamp),
            ["timestamp_ms"] = document.TimestampMs.ToString(CultureInfo.InvariantCulture),
            ["cabundle_len"] = document.CaBundle.Count.ToString(CultureInfo.InvariantCulture),
            ["leaf_subject"] = DistinguishedNames.Format(certificates.Leaf.Subject.Span),
            ["cose_tagged"] = document.CoseTagged ? "true" : "false",
            ["debug_mode_pcr0_2_zero"] = IsDebugMode(document) ? "true" : "false",
        };
        return details;
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
