using Aro.Core.Crypto;

namespace Aro.Core.Tests.Blocks.Builders;

/// <summary>Fixed validator and account keys, and the devnet-like chain id the tests sign for.</summary>
internal static class TestKeys
{
    public const ulong ChainId = 7_777;

    public static readonly byte[] ValidatorA = Key(0xa1);

    public static readonly byte[] ValidatorB = Key(0xb2);

    public static readonly byte[] ValidatorC = Key(0xc3);

    public static readonly byte[] Sender = Key(0x5e);

    public static Address AddressOf(byte[] privateKey)
    {
        Span<byte> publicKey = stackalloc byte[Secp256k1.UncompressedPublicKeyLength];
        Secp256k1.GetPublicKey(privateKey, publicKey);
        return Address.FromPublicKey(publicKey);
    }

    private static byte[] Key(byte fill)
    {
        var key = new byte[32];
        Array.Fill(key, fill);
        return key;
    }
}
