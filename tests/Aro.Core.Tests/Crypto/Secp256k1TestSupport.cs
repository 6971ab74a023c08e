using Aro.Core.Crypto;

namespace Aro.Core.Tests.Crypto;

/// <summary>Byte-array conveniences for the secp256k1 tests over the project's own Keccak256 and Address.</summary>
internal static class Secp256k1TestSupport
{
    public static byte[] Keccak(ReadOnlySpan<byte> data) => Keccak256.Hash(data).ToArray();

    /// <summary>Last 20 bytes of keccak256(X || Y) of an uncompressed 0x04-prefixed key.</summary>
    public static byte[] AddressOf(ReadOnlySpan<byte> uncompressed65) => Address.FromPublicKey(uncompressed65).ToArray();

    public static byte[] Hex(string hex) => Aro.Core.Hex.Decode(hex);
}
