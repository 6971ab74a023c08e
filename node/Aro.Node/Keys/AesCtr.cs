using System.Security.Cryptography;

namespace Aro.Node.Keys;

/// <summary>
/// AES in counter mode built on the base library's ECB primitive (.NET has no CTR). The counter is
/// the whole 16-byte block read as one big-endian integer and incremented with carry, as Go's
/// crypto/cipher (geth) and ethers do, so keystore files are readable by both.
/// </summary>
internal static class AesCtr
{
    public const int BlockSize = 16;

    // Counters for a batch of blocks are encrypted in one ECB call: one native call per batch
    // instead of per block, and both buffers live on the stack.
    private const int BatchBlocks = 16;

    /// <summary>
    /// XORs <paramref name="input"/> with the keystream of <paramref name="key"/> starting at
    /// <paramref name="iv"/>; encryption and decryption are the same operation. Input and output may be the same span.
    /// </summary>
    public static void Transform(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (key.Length is not (16 or 24 or 32))
        {
            throw new ArgumentException("An AES key is 16, 24 or 32 bytes.", nameof(key));
        }

        if (iv.Length != BlockSize)
        {
            throw new ArgumentException("The CTR initial counter is 16 bytes.", nameof(iv));
        }

        if (output.Length != input.Length)
        {
            throw new ArgumentException("Output must be as long as the input.", nameof(output));
        }

        using var aes = Aes.Create();
        aes.SetKey(key);

        Span<byte> counter = stackalloc byte[BlockSize];
        Span<byte> counters = stackalloc byte[BlockSize * BatchBlocks];
        Span<byte> keystream = stackalloc byte[BlockSize * BatchBlocks];
        iv.CopyTo(counter);

        for (var offset = 0; offset < input.Length;)
        {
            var chunk = Math.Min(input.Length - offset, keystream.Length);
            var blocks = (chunk + BlockSize - 1) / BlockSize;
            for (var b = 0; b < blocks; b++)
            {
                counter.CopyTo(counters.Slice(b * BlockSize, BlockSize));
                Increment(counter);
            }

            aes.EncryptEcb(counters[..(blocks * BlockSize)], keystream, PaddingMode.None);
            for (var i = 0; i < chunk; i++)
            {
                output[offset + i] = (byte)(input[offset + i] ^ keystream[i]);
            }

            offset += chunk;
        }

        CryptographicOperations.ZeroMemory(keystream);
    }

    private static void Increment(Span<byte> counter)
    {
        for (var i = counter.Length - 1; i >= 0; i--)
        {
            if (++counter[i] != 0)
            {
                return;
            }
        }
    }
}
