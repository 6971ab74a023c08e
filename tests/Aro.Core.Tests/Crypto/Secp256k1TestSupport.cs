using Org.BouncyCastle.Crypto.Digests;

namespace Aro.Core.Tests.Crypto;

/// <summary>
/// Keccak-256 and addresses through BouncyCastle until the shared Keccak256/Address types land
/// (then these become Address.FromPublicKey).
/// </summary>
internal static class Secp256k1TestSupport
{
    public static byte[] Keccak(ReadOnlySpan<byte> data)
    {
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(data.ToArray(), 0, data.Length);
        var output = new byte[32];
        digest.DoFinal(output, 0);
        return output;
    }

    /// <summary>Last 20 bytes of keccak256(X || Y) of an uncompressed 0x04-prefixed key.</summary>
    public static byte[] AddressOf(ReadOnlySpan<byte> uncompressed65) => Keccak(uncompressed65[1..])[12..];

    public static byte[] Hex(string hex) =>
        Convert.FromHexString(hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex);
}
