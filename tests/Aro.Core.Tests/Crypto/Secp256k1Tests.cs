using Aro.Core.Crypto;
using Aro.Core.Crypto.Native;
using static Aro.Core.Tests.Crypto.Secp256k1TestSupport;

namespace Aro.Core.Tests.Crypto;

public class Secp256k1Tests
{
    private const string GroupOrder = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
    private const string HalfOrder = "7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0";
    private static readonly byte[] Key = Hex("c85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4");
    private static readonly byte[] MessageHash = Keccak("aro"u8);

    [Fact]
    public void Recovers_the_signer_of_a_fresh_signature()
    {
        var privateKey = Secp256k1.GeneratePrivateKey();
        var expected = new byte[65];
        Secp256k1.GetPublicKey(privateKey, expected);

        var rs = new byte[64];
        Secp256k1.SignRecoverable(MessageHash, privateKey, rs, out var recoveryId);
        var recovered = new byte[65];
        Assert.True(Secp256k1.TryRecoverPublicKey(MessageHash, rs, recoveryId, recovered));
        Assert.Equal(expected, recovered);
    }

    [Fact]
    public void Signs_deterministically()
    {
        var first = new byte[64];
        var second = new byte[64];
        Secp256k1.SignRecoverable(MessageHash, Key, first, out var firstId);
        Secp256k1.SignRecoverable(MessageHash, Key, second, out var secondId);
        Assert.Equal(first, second);
        Assert.Equal(firstId, secondId);
    }

    [Fact]
    public void Produces_low_s_signatures_that_verify()
    {
        var publicKey = new byte[65];
        Secp256k1.GetPublicKey(Key, publicKey);
        for (byte i = 0; i < 32; i++)
        {
            var hash = Keccak([i]);
            var rs = new byte[64];
            Secp256k1.SignRecoverable(hash, Key, rs, out _);
            Assert.True(Secp256k1.IsLowS(rs.AsSpan(32)));
            Assert.True(Secp256k1.Verify(hash, rs, publicKey));
        }
    }

    [Fact]
    public void Rejects_the_high_s_twin_in_Verify_but_recovers_it_with_flipped_id()
    {
        var publicKey = new byte[65];
        Secp256k1.GetPublicKey(Key, publicKey);
        var rs = new byte[64];
        Secp256k1.SignRecoverable(MessageHash, Key, rs, out var recoveryId);

        var highS = (byte[])rs.Clone();
        var s = new System.Numerics.BigInteger(rs.AsSpan(32), isUnsigned: true, isBigEndian: true);
        var n = new System.Numerics.BigInteger(Hex(GroupOrder), isUnsigned: true, isBigEndian: true);
        (n - s).ToByteArray(isUnsigned: true, isBigEndian: true).CopyTo(highS.AsSpan(32));

        Assert.False(Secp256k1.IsLowS(highS.AsSpan(32)));
        Assert.False(Secp256k1.Verify(MessageHash, highS, publicKey));
        var recovered = new byte[65];
        Assert.True(Secp256k1.TryRecoverPublicKey(MessageHash, highS, (byte)(recoveryId ^ 1), recovered));
        Assert.Equal(publicKey, recovered);
    }

    [Fact]
    public void Treats_half_order_as_the_largest_low_s()
    {
        var half = Hex(HalfOrder);
        Assert.True(Secp256k1.IsLowS(half));
        half[31]++;
        Assert.False(Secp256k1.IsLowS(half));
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData(GroupOrder)]
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364142")]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    public void Rejects_private_keys_outside_one_to_n_minus_one(string hex)
    {
        var key = Hex(hex);
        Assert.False(Secp256k1.IsValidPrivateKey(key));
        Assert.Throws<ArgumentException>(() => Secp256k1.GetPublicKey(key, new byte[65]));
        Assert.Throws<ArgumentException>(() => Secp256k1.SignRecoverable(MessageHash, key, new byte[64], out _));
    }

    [Fact]
    public void Accepts_n_minus_one_as_a_private_key() =>
        Assert.True(Secp256k1.IsValidPrivateKey(Hex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140")));

    [Fact]
    public void Rejects_recovery_id_above_three()
    {
        var rs = new byte[64];
        Secp256k1.SignRecoverable(MessageHash, Key, rs, out _);
        Assert.False(Secp256k1.TryRecoverPublicKey(MessageHash, rs, 4, new byte[65]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    public void Rejects_zero_r_or_s_in_recovery(int offset)
    {
        var rs = new byte[64];
        Secp256k1.SignRecoverable(MessageHash, Key, rs, out var recoveryId);
        rs.AsSpan(offset, 32).Clear();
        Assert.False(Secp256k1.TryRecoverPublicKey(MessageHash, rs, recoveryId, new byte[65]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    public void Rejects_r_or_s_not_below_the_group_order_in_recovery(int offset)
    {
        var rs = new byte[64];
        Secp256k1.SignRecoverable(MessageHash, Key, rs, out var recoveryId);
        Hex(GroupOrder).CopyTo(rs, offset);
        Assert.False(Secp256k1.TryRecoverPublicKey(MessageHash, rs, recoveryId, new byte[65]));
    }

    [Fact]
    public void Verifies_against_a_compressed_public_key()
    {
        var uncompressed = new byte[65];
        Secp256k1.GetPublicKey(Key, uncompressed);
        var compressed = new byte[33];
        compressed[0] = (byte)(2 + (uncompressed[64] & 1));
        uncompressed.AsSpan(1, 32).CopyTo(compressed.AsSpan(1));

        var rs = new byte[64];
        Secp256k1.SignRecoverable(MessageHash, Key, rs, out _);
        Assert.True(Secp256k1.Verify(MessageHash, rs, compressed));
    }

    [Fact]
    public void Rejects_a_signature_over_another_hash()
    {
        var publicKey = new byte[65];
        Secp256k1.GetPublicKey(Key, publicKey);
        var rs = new byte[64];
        Secp256k1.SignRecoverable(MessageHash, Key, rs, out _);
        Assert.False(Secp256k1.Verify(Keccak("other"u8), rs, publicKey));
    }

    [Fact]
    public void Rejects_a_malformed_public_key_in_Verify()
    {
        var rs = new byte[64];
        Secp256k1.SignRecoverable(MessageHash, Key, rs, out _);
        var notOnCurve = new byte[65];
        notOnCurve[0] = 0x04;
        Assert.False(Secp256k1.Verify(MessageHash, rs, notOnCurve));
        Assert.False(Secp256k1.Verify(MessageHash, rs, new byte[64]));
    }

    [Fact]
    public void Agrees_on_the_ecdh_secret_from_both_sides()
    {
        var alice = Secp256k1.GeneratePrivateKey();
        var bob = Secp256k1.GeneratePrivateKey();
        var alicePublic = new byte[65];
        var bobPublic = new byte[65];
        Secp256k1.GetPublicKey(alice, alicePublic);
        Secp256k1.GetPublicKey(bob, bobPublic);

        var fromAlice = new byte[32];
        var fromBob = new byte[32];
        Assert.True(Secp256k1.TryEcdh(bobPublic, alice, fromAlice));
        Assert.True(Secp256k1.TryEcdh(alicePublic, bob, fromBob));
        Assert.Equal(fromAlice, fromBob);
    }

    [Fact]
    public void Returns_the_raw_x_coordinate_as_ecdh_secret()
    {
        // k·G with the peer key G (private key 1) is k's own public key: the secret is its X.
        var one = new byte[32];
        one[31] = 1;
        var generator = new byte[65];
        Secp256k1.GetPublicKey(one, generator);
        var publicKey = new byte[65];
        Secp256k1.GetPublicKey(Key, publicKey);

        var secret = new byte[32];
        Assert.True(Secp256k1.TryEcdh(generator, Key, secret));
        Assert.Equal(publicKey.AsSpan(1, 32).ToArray(), secret);
    }

    [Fact]
    public void Rejects_an_invalid_ecdh_peer_key()
    {
        var notOnCurve = new byte[65];
        notOnCurve[0] = 0x04;
        Assert.False(Secp256k1.TryEcdh(notOnCurve, Key, new byte[32]));
    }

    [Fact]
    public void Signs_and_recovers_from_many_threads()
    {
        var expected = new byte[65];
        Secp256k1.GetPublicKey(Key, expected);
        var reference = new byte[64];
        Secp256k1.SignRecoverable(MessageHash, Key, reference, out _);

        Parallel.For(0, 256, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var rs = new byte[64];
            Secp256k1.SignRecoverable(MessageHash, Key, rs, out var recoveryId);
            Assert.Equal(reference, rs);
            var recovered = new byte[65];
            Assert.True(Secp256k1.TryRecoverPublicKey(MessageHash, rs, recoveryId, recovered));
            Assert.Equal(expected, recovered);
        });
    }

    [Fact]
    public void Names_the_debian_package_when_the_library_is_missing()
    {
        var error = Assert.Throws<NativeLibraryMissingException>(
            () => Secp256k1Native.LoadLibrary(["libsecp256k1-does-not-exist.so.9"], typeof(Secp256k1).Assembly));
        Assert.Contains("libsecp256k1-1", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y libsecp256k1-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generates_distinct_valid_private_keys()
    {
        var first = Secp256k1.GeneratePrivateKey();
        var second = Secp256k1.GeneratePrivateKey();
        Assert.True(Secp256k1.IsValidPrivateKey(first));
        Assert.NotEqual(first, second);
    }
}
