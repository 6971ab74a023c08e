using System.Formats.Asn1;
using System.Security.Cryptography;

namespace Aro.Attestation.X509;

/// <summary>
/// A public key imported once from a SubjectPublicKeyInfo (EC or RSA) and reused for every verification.
/// Verification is serialised per key so one instance can be shared between threads.
/// </summary>
internal sealed class VerificationKey
{
    private const string EcPublicKeyOid = "1.2.840.10045.2.1";
    private const string RsaEncryptionOid = "1.2.840.113549.1.1.1";
    private const string RsaPssOid = "1.2.840.113549.1.1.10";

    private readonly ECDsa? _ec;
    private readonly RSA? _rsa;
    private readonly Lock _lock = new();

    private VerificationKey(ECDsa? ec, RSA? rsa)
    {
        _ec = ec;
        _rsa = rsa;
    }

    public bool IsEc => _ec is not null;

    public bool IsRsa => _rsa is not null;

    /// <summary>EC key size in bits (256, 384, 521) or RSA modulus size.</summary>
    public int KeySize => _ec?.KeySize ?? _rsa!.KeySize;

    /// <summary>Imports an EC or RSA SubjectPublicKeyInfo; a key the runtime cannot import (e.g. a point off the curve) throws <see cref="AttestationFormatException"/>.</summary>
    public static VerificationKey FromSubjectPublicKeyInfo(ReadOnlyMemory<byte> spki)
    {
        string algorithm;
        try
        {
            var reader = new AsnReader(spki, AsnEncodingRules.DER).ReadSequence();
            algorithm = DerReading.ReadAlgorithmIdentifier(reader).Oid;
        }
        catch (AsnContentException e)
        {
            throw new AttestationFormatException("subjectPublicKeyInfo", DerReading.OffsetOf(spki), e.Message, e);
        }

        try
        {
            switch (algorithm)
            {
                case EcPublicKeyOid:
                {
                    var ec = ECDsa.Create();
                    ec.ImportSubjectPublicKeyInfo(spki.Span, out _);
                    return new VerificationKey(ec, null);
                }

                case RsaEncryptionOid:
                case RsaPssOid:
                {
                    var rsa = RSA.Create();
                    rsa.ImportSubjectPublicKeyInfo(spki.Span, out _);
                    return new VerificationKey(null, rsa);
                }

                default:
                    throw new AttestationFormatException("subjectPublicKeyInfo.algorithm", DerReading.OffsetOf(spki), $"unsupported key algorithm {algorithm}");
            }
        }
        catch (Exception e) when (e is CryptographicException or PlatformNotSupportedException)
        {
            // An unknown curve OID surfaces as PlatformNotSupportedException: still just a key we cannot use.
            throw new AttestationFormatException("subjectPublicKeyInfo", DerReading.OffsetOf(spki), e.Message, e);
        }
    }

    /// <summary>A raw uncompressed P-256 point X‖Y (64 bytes, as in DCAP quotes); null when it is not a valid point.</summary>
    public static VerificationKey? FromP256Point(ReadOnlySpan<byte> xy)
    {
        if (xy.Length != 64)
        {
            return null;
        }

        var parameters = new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = xy[..32].ToArray(), Y = xy[32..].ToArray() },
        };

        ECDsa? ec = null;
        try
        {
            ec = ECDsa.Create();
            ec.ImportParameters(parameters);
            return new VerificationKey(ec, null);
        }
        catch (CryptographicException)
        {
            ec?.Dispose();
            return null;
        }
        catch (PlatformNotSupportedException)
        {
            ec?.Dispose();
            return null;
        }
    }

    public bool VerifyEcdsa(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, HashAlgorithmName hash, DSASignatureFormat format)
    {
        if (_ec is null)
        {
            return false;
        }

        lock (_lock)
        {
            try
            {
                return _ec.VerifyData(data, signature, hash, format);
            }
            catch (CryptographicException)
            {
                return false;
            }
        }
    }

    public bool VerifyRsa(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, HashAlgorithmName hash, RSASignaturePadding padding)
    {
        if (_rsa is null)
        {
            return false;
        }

        lock (_lock)
        {
            try
            {
                return _rsa.VerifyData(data, signature, hash, padding);
            }
            catch (CryptographicException)
            {
                return false;
            }
        }
    }
}
