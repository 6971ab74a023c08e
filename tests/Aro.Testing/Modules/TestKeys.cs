using System.Buffers.Binary;
using Aro.Core;
using Aro.Core.Crypto;

namespace Aro.Testing.Modules;

/// <summary>Deterministic secp256k1 test keys: <c>tag ‖ 0… ‖ seed (i32 big-endian)</c>, each test suite with its own tag.</summary>
public static class TestKeys
{
    public static byte[] PrivateKey(byte tag, int seed)
    {
        var key = new byte[32];
        key[0] = tag;
        BinaryPrimitives.WriteInt32BigEndian(key.AsSpan(28), seed);
        return key;
    }

    public static byte[] PublicKey(byte[] privateKey)
    {
        var publicKey = new byte[Secp256k1.UncompressedPublicKeyLength];
        Secp256k1.GetPublicKey(privateKey, publicKey);
        return publicKey;
    }

    public static Address AddressOf(byte[] privateKey) => Address.FromPublicKey(PublicKey(privateKey));
}
