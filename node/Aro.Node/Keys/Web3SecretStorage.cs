using System.Security.Cryptography;
using System.Text;
using Aro.Core;
using Aro.Core.Crypto;

namespace Aro.Node.Keys;

/// <summary>
/// Web3 Secret Storage, version 3: a secp256k1 private key encrypted under a password, as geth and
/// ethers store accounts. Key = KDF(password, salt); ciphertext = AES-128-CTR(DK[0..16], iv, key);
/// mac = keccak256(DK[16..32] ++ ciphertext). Writes scrypt; reads scrypt and pbkdf2 (hmac-sha256).
/// The password is taken as its UTF-8 bytes, unnormalised, as geth does (ethers applies NFKC first,
/// which only differs for passwords that are not already in NFKC form).
/// </summary>
internal static class Web3SecretStorage
{
    private const int SaltLength = 32;
    private const int CipherKeyLength = 16;

    /// <summary>Encrypts <paramref name="privateKey"/> with a fresh random salt, iv and id; returns the file's JSON.</summary>
    public static string Encrypt(ReadOnlySpan<byte> privateKey, string password, ScryptParameters cost)
    {
        Span<byte> salt = stackalloc byte[SaltLength];
        Span<byte> iv = stackalloc byte[KeystoreDocument.IvLength];
        RandomNumberGenerator.Fill(salt);
        RandomNumberGenerator.Fill(iv);
        return KeystoreJson.Write(Encrypt(privateKey, password, cost, salt, iv, Guid.NewGuid()));
    }

    /// <summary>Encrypts with the given salt, iv and id (known-answer tests; everything else wants the random overload).</summary>
    internal static KeystoreDocument Encrypt(
        ReadOnlySpan<byte> privateKey, string password, ScryptParameters cost, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> iv, Guid id)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!Secp256k1.IsValidPrivateKey(privateKey))
        {
            throw new ArgumentException("Not a secp256k1 private key (32 bytes in [1, n-1]).", nameof(privateKey));
        }

        if (iv.Length != KeystoreDocument.IvLength)
        {
            throw new ArgumentException("The iv is 16 bytes.", nameof(iv));
        }

        Span<byte> derivedKey = stackalloc byte[KeystoreDocument.MinDerivedKeyLength];
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        try
        {
            KeyDerivation.Scrypt(passwordBytes, salt, cost, derivedKey);
            var ciphertext = new byte[Secp256k1.PrivateKeyLength];
            AesCtr.Transform(derivedKey[..CipherKeyLength], iv, privateKey, ciphertext);
            var mac = new byte[KeystoreDocument.MacLength];
            ComputeMac(derivedKey, ciphertext, mac);
            return new KeystoreDocument
            {
                Address = AddressOf(privateKey),
                Id = id.ToString("D"),
                Kdf = KeystoreKdf.Scrypt,
                Scrypt = cost,
                Salt = salt.ToArray(),
                DerivedKeyLength = derivedKey.Length,
                Iv = iv.ToArray(),
                Ciphertext = ciphertext,
                Mac = mac,
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derivedKey);
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    /// <summary>Parses and decrypts a key file; returns the 32-byte private key (the caller should zero it when done).</summary>
    /// <exception cref="KeystorePasswordException">The MAC does not match: wrong password or altered file.</exception>
    /// <exception cref="KeystoreException">The file is malformed or contradicts itself.</exception>
    public static byte[] Decrypt(string json, string password) => Decrypt(KeystoreJson.Parse(json), password);

    /// <inheritdoc cref="Decrypt(string, string)"/>
    public static byte[] Decrypt(KeystoreDocument document, string password)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(password);
        Span<byte> derivedKey = stackalloc byte[document.DerivedKeyLength];
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        var privateKey = new byte[Secp256k1.PrivateKeyLength];
        try
        {
            if (document.Kdf == KeystoreKdf.Scrypt)
            {
                KeyDerivation.Scrypt(passwordBytes, document.Salt, document.Scrypt, derivedKey);
            }
            else
            {
                KeyDerivation.Pbkdf2Sha256(passwordBytes, document.Salt, document.Pbkdf2Iterations, derivedKey);
            }

            Span<byte> mac = stackalloc byte[KeystoreDocument.MacLength];
            ComputeMac(derivedKey, document.Ciphertext, mac);
            if (!CryptographicOperations.FixedTimeEquals(mac, document.Mac))
            {
                throw new KeystorePasswordException();
            }

            // A short plaintext is a big-endian number missing its leading zero bytes (see KeystoreJson).
            var padding = privateKey.Length - document.Ciphertext.Length;
            AesCtr.Transform(derivedKey[..CipherKeyLength], document.Iv, document.Ciphertext, privateKey.AsSpan(padding));
            if (!Secp256k1.IsValidPrivateKey(privateKey))
            {
                throw new KeystoreException("crypto.ciphertext", "the MAC matches but the plaintext is not a valid secp256k1 private key");
            }

            if (document.Address is { } claimed && AddressOf(privateKey) is var actual && actual != claimed)
            {
                throw new KeystoreException("address", $"the file claims address {claimed} but holds the key of {actual}");
            }

            return privateKey;
        }
        catch
        {
            CryptographicOperations.ZeroMemory(privateKey);
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derivedKey);
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    internal static Address AddressOf(ReadOnlySpan<byte> privateKey)
    {
        Span<byte> publicKey = stackalloc byte[Secp256k1.UncompressedPublicKeyLength];
        Secp256k1.GetPublicKey(privateKey, publicKey);
        return Address.FromPublicKey(publicKey);
    }

    private static void ComputeMac(ReadOnlySpan<byte> derivedKey, ReadOnlySpan<byte> ciphertext, Span<byte> mac)
    {
        Span<byte> body = stackalloc byte[CipherKeyLength + Secp256k1.PrivateKeyLength];
        body = body[..(CipherKeyLength + ciphertext.Length)];
        derivedKey[CipherKeyLength..(2 * CipherKeyLength)].CopyTo(body);
        ciphertext.CopyTo(body[CipherKeyLength..]);
        Keccak256.Hash(body, mac);
        CryptographicOperations.ZeroMemory(body);
    }
}
