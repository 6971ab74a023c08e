using System.Formats.Asn1;
using System.Security.Cryptography;

namespace Aro.Attestation.X509;

/// <summary>
/// Verifies an X.509 signature (certificate, CRL) given its AlgorithmIdentifier. Unknown algorithms
/// and malformed parameters verify as false: a signature we cannot check is not a valid signature.
/// </summary>
internal static class SignatureVerifier
{
    private const string EcdsaSha256 = "1.2.840.10045.4.3.2";
    private const string EcdsaSha384 = "1.2.840.10045.4.3.3";
    private const string EcdsaSha512 = "1.2.840.10045.4.3.4";
    private const string RsaPss = "1.2.840.113549.1.1.10";
    private const string RsaSha256 = "1.2.840.113549.1.1.11";
    private const string RsaSha384 = "1.2.840.113549.1.1.12";
    private const string RsaSha512 = "1.2.840.113549.1.1.13";
    private const string Mgf1 = "1.2.840.113549.1.1.8";
    private const string Sha256 = "2.16.840.1.101.3.4.2.1";
    private const string Sha384 = "2.16.840.1.101.3.4.2.2";
    private const string Sha512 = "2.16.840.1.101.3.4.2.3";

    public static bool Verify(VerificationKey key, AlgorithmIdentifier algorithm, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        switch (algorithm.Oid)
        {
            case EcdsaSha256:
                return algorithm.Parameters.IsEmpty && key.VerifyEcdsa(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            case EcdsaSha384:
                return algorithm.Parameters.IsEmpty && key.VerifyEcdsa(data, signature, HashAlgorithmName.SHA384, DSASignatureFormat.Rfc3279DerSequence);
            case EcdsaSha512:
                return algorithm.Parameters.IsEmpty && key.VerifyEcdsa(data, signature, HashAlgorithmName.SHA512, DSASignatureFormat.Rfc3279DerSequence);
            case RsaSha256:
                return algorithm.HasAbsentOrNullParameters && key.VerifyRsa(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            case RsaSha384:
                return algorithm.HasAbsentOrNullParameters && key.VerifyRsa(data, signature, HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1);
            case RsaSha512:
                return algorithm.HasAbsentOrNullParameters && key.VerifyRsa(data, signature, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1);
            case RsaPss:
                return TryReadPssHash(algorithm.Parameters, out var hash) && key.VerifyRsa(data, signature, hash, RSASignaturePadding.Pss);
            default:
                return false;
        }
    }

    /// <summary>
    /// RSASSA-PSS-params (RFC 4055): accepted only when MGF1 uses the same hash and the salt length equals
    /// the hash length, because that is the only PSS variant .NET verifies.
    /// </summary>
    private static bool TryReadPssHash(ReadOnlyMemory<byte> parameters, out HashAlgorithmName hash)
    {
        hash = default;
        if (parameters.IsEmpty)
        {
            return false; // defaults are SHA-1 / salt 20: not accepted
        }

        try
        {
            var reader = new AsnReader(parameters, AsnEncodingRules.DER).ReadSequence();
            var hashOid = ReadHashOid(reader, 0);
            var mgfOid = Mgf1;
            string? mgfHashOid = null;
            var mgfTag = new Asn1Tag(TagClass.ContextSpecific, 1, isConstructed: true);
            if (reader.HasData && reader.PeekTag().HasSameClassAndValue(mgfTag))
            {
                var mgf = reader.ReadSequence(mgfTag);
                var mgfAlgorithm = DerReading.ReadAlgorithmIdentifier(mgf);
                mgf.ThrowIfNotEmpty();
                mgfOid = mgfAlgorithm.Oid;
                mgfHashOid = DerReading.ReadAlgorithmIdentifier(new AsnReader(mgfAlgorithm.Parameters, AsnEncodingRules.DER)).Oid;
            }

            var salt = 20;
            var saltTag = new Asn1Tag(TagClass.ContextSpecific, 2, isConstructed: true);
            if (reader.HasData && reader.PeekTag().HasSameClassAndValue(saltTag))
            {
                var saltReader = reader.ReadSequence(saltTag);
                if (!saltReader.TryReadInt32(out salt))
                {
                    return false;
                }
            }

            var trailerTag = new Asn1Tag(TagClass.ContextSpecific, 3, isConstructed: true);
            if (reader.HasData && reader.PeekTag().HasSameClassAndValue(trailerTag))
            {
                var trailerReader = reader.ReadSequence(trailerTag);
                if (!trailerReader.TryReadInt32(out var trailer) || trailer != 1)
                {
                    return false;
                }
            }

            reader.ThrowIfNotEmpty();
            (hash, var length) = hashOid switch
            {
                Sha256 => (HashAlgorithmName.SHA256, 32),
                Sha384 => (HashAlgorithmName.SHA384, 48),
                Sha512 => (HashAlgorithmName.SHA512, 64),
                _ => (default, 0),
            };
            return length != 0 && mgfOid == Mgf1 && mgfHashOid == hashOid && salt == length;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    private static string? ReadHashOid(AsnReader reader, int tagNumber)
    {
        var tag = new Asn1Tag(TagClass.ContextSpecific, tagNumber, isConstructed: true);
        if (!reader.HasData || !reader.PeekTag().HasSameClassAndValue(tag))
        {
            return null;
        }

        var wrapper = reader.ReadSequence(tag);
        var algorithm = DerReading.ReadAlgorithmIdentifier(wrapper);
        wrapper.ThrowIfNotEmpty();
        return algorithm.Oid;
    }
}
