using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Generators;

namespace Aro.Node.Keys;

/// <summary>The two password-based key derivation functions of Web3 Secret Storage.</summary>
internal static class KeyDerivation
{
    public static void Scrypt(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, ScryptParameters cost, Span<byte> derivedKey)
    {
        if (cost.Check() is { } problem)
        {
            throw new ArgumentException($"scrypt {problem.Field} {problem.Reason}.", nameof(cost));
        }

        var passwordBytes = password.ToArray();
        byte[]? key = null;
        try
        {
            key = SCrypt.Generate(passwordBytes, salt.ToArray(), cost.N, cost.R, cost.P, derivedKey.Length);
            key.CopyTo(derivedKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
            if (key is not null)
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }
    }

    public static void Pbkdf2Sha256(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int iterations, Span<byte> derivedKey) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, derivedKey, iterations, HashAlgorithmName.SHA256);
}
