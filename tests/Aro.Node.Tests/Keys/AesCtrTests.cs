using Aro.Core;
using Aro.Node.Keys;

namespace Aro.Node.Tests.Keys;

public class AesCtrTests
{
    // NIST SP 800-38A, appendix F.5.1 (CTR-AES128.Encrypt) and F.5.2 (Decrypt).
    private static readonly byte[] NistKey = Hex.Decode("2b7e151628aed2a6abf7158809cf4f3c");
    private static readonly byte[] NistCounter = Hex.Decode("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
    private static readonly byte[] NistPlaintext = Hex.Decode(
        "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710");
    private static readonly byte[] NistCiphertext = Hex.Decode(
        "874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee");

    [Fact]
    public void Encrypts_the_NIST_SP_800_38A_CTR_AES128_vector()
    {
        var output = new byte[NistPlaintext.Length];
        AesCtr.Transform(NistKey, NistCounter, NistPlaintext, output);
        Assert.Equal(NistCiphertext, output);
    }

    [Fact]
    public void Decrypts_the_NIST_SP_800_38A_CTR_AES128_vector_in_place()
    {
        var buffer = (byte[])NistCiphertext.Clone();
        AesCtr.Transform(NistKey, NistCounter, buffer, buffer);
        Assert.Equal(NistPlaintext, buffer);
    }

    [Fact]
    public void Partial_final_block_uses_a_prefix_of_the_keystream()
    {
        var output = new byte[37];
        AesCtr.Transform(NistKey, NistCounter, NistPlaintext.AsSpan(0, 37), output);
        Assert.Equal(NistCiphertext.AsSpan(0, 37).ToArray(), output);
    }

    [Fact]
    public void Counter_carries_across_the_whole_block_and_wraps_to_zero()
    {
        // Starting at 2^128 - 1 the second block must use counter 0, as Go's crypto/cipher does.
        var allOnes = Enumerable.Repeat((byte)0xff, 16).ToArray();
        var zero = new byte[16];
        var keystream = new byte[32];
        AesCtr.Transform(NistKey, allOnes, new byte[32], keystream);

        var fromZero = new byte[16];
        AesCtr.Transform(NistKey, zero, new byte[16], fromZero);
        Assert.Equal(fromZero, keystream[16..]);
    }

    [Fact]
    public void Long_input_spanning_several_batches_matches_block_by_block_transform()
    {
        var input = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();
        var whole = new byte[input.Length];
        AesCtr.Transform(NistKey, NistCounter, input, whole);

        // Block i of the stream must equal a one-block transform started at counter + i.
        var counter = (byte[])NistCounter.Clone();
        for (var offset = 0; offset < input.Length; offset += 16)
        {
            var length = Math.Min(16, input.Length - offset);
            var block = new byte[length];
            AesCtr.Transform(NistKey, counter, input.AsSpan(offset, length), block);
            Assert.Equal(block, whole.AsSpan(offset, length).ToArray());
            Increment(counter);
        }
    }

    [Fact]
    public void Rejects_an_iv_that_is_not_one_block()
    {
        Assert.Throws<ArgumentException>(() => AesCtr.Transform(NistKey, new byte[12], new byte[16], new byte[16]));
    }

    /// <summary>Adds one to a big-endian 128-bit number.</summary>
    private static void Increment(byte[] counter)
    {
        var i = counter.Length - 1;
        while (i >= 0 && ++counter[i] == 0)
        {
            i--;
        }
    }
}
