using Aro.Core;
using Aro.Core.Crypto;

namespace Aro.Node.Keys;

/// <summary>Parses a private key typed or stored as hex: 64 digits, optional 0x, surrounding whitespace ignored.</summary>
internal static class PrivateKeyText
{
    /// <summary>False with a reason that never echoes the input (it may be a real key with a typo).</summary>
    public static bool TryParse(string text, out byte[] privateKey, out string problem)
    {
        privateKey = [];
        var digits = text.AsSpan().Trim();
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[2..];
        }

        if (digits.Length != 2 * Secp256k1.PrivateKeyLength)
        {
            problem = $"a private key is {2 * Secp256k1.PrivateKeyLength} hex digits (32 bytes), got {digits.Length} characters";
            return false;
        }

        var key = new byte[Secp256k1.PrivateKeyLength];
        if (!Hex.TryDecode(digits, key, out var written) || written != key.Length)
        {
            problem = "the private key contains a non-hex character";
            return false;
        }

        if (!Secp256k1.IsValidPrivateKey(key))
        {
            problem = "not a valid secp256k1 private key: zero or not below the group order n";
            return false;
        }

        privateKey = key;
        problem = string.Empty;
        return true;
    }
}
