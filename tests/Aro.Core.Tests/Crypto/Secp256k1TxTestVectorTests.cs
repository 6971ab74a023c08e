using System.Text.Json;
using Aro.Core.Crypto;
using Aro.Core.Rlp;
using Aro.Testing;
using static Aro.Core.Tests.Crypto.Secp256k1TestSupport;

namespace Aro.Core.Tests.Crypto;

/// <summary>
/// ethereum/tests BasicTests/txtest.json as signature vectors: signing hash = keccak256(rlp(first
/// six fields)); the first entry's signature is RFC 6979, the second has a high s.
/// </summary>
public class Secp256k1TxTestVectorTests
{
    [Fact]
    public void Recovers_the_key_address_from_every_signed_txtest_transaction()
    {
        var run = new VectorRun("txtest.json recover");
        foreach (var vector in Vectors())
        {
            run.Case(vector.Name, () =>
            {
                var publicKey = new byte[65];
                Assert.True(Secp256k1.TryRecoverPublicKey(vector.SigningHash, vector.Rs, vector.RecoveryId, publicKey));
                Assert.Equal(Convert.ToHexString(vector.KeyAddress), Convert.ToHexString(AddressOf(publicKey)));
            });
        }

        run.AssertAll(atLeast: 2);
    }

    [Fact]
    public void Reproduces_the_rfc6979_signature_of_the_first_txtest_entry()
    {
        var vector = Vectors()[0];
        Assert.True(Secp256k1.IsLowS(vector.Rs.AsSpan(32)));
        var rs = new byte[64];
        Secp256k1.SignRecoverable(vector.SigningHash, vector.Key, rs, out var recoveryId);
        Assert.Equal(Convert.ToHexString(vector.Rs), Convert.ToHexString(rs));
        Assert.Equal(vector.RecoveryId, recoveryId);
    }

    [Fact]
    public void Flags_the_high_s_signature_of_the_second_txtest_entry()
    {
        var vector = Vectors()[1];
        var publicKey = new byte[65];
        Secp256k1.GetPublicKey(vector.Key, publicKey);
        Assert.False(Secp256k1.IsLowS(vector.Rs.AsSpan(32)));
        Assert.False(Secp256k1.Verify(vector.SigningHash, vector.Rs, publicKey));
    }

    private static List<Vector> Vectors()
    {
        using var document = JsonDocument.Parse(TestData.ReadText("ethereum", "ethereum-tests", "BasicTests", "txtest.json"));
        var vectors = new List<Vector>();
        var index = 0;
        foreach (var test in document.RootElement.EnumerateArray())
        {
            var key = Hex(test.GetProperty("key").GetString()!);
            var publicKey = new byte[65];
            Secp256k1.GetPublicKey(key, publicKey);

            // signed = [nonce, gasprice, startgas, to, value, data, v, r, s]
            var signed = Hex(test.GetProperty("signed").GetString()!);
            var fields = new RlpReader(signed);
            Assert.Equal(signed.Length - fields.ReadListHeader(), fields.Position);
            var unsignedStart = fields.Position;
            for (var i = 0; i < 6; i++)
            {
                fields.Skip();
            }

            var unsignedFields = signed.AsSpan(unsignedStart, fields.Position - unsignedStart);
            var v = fields.ReadUInt64();
            var rs = new byte[64];
            var r = fields.ReadIntegerBytes(32);
            var s = fields.ReadIntegerBytes(32);
            r.CopyTo(rs.AsSpan(32 - r.Length, r.Length));
            s.CopyTo(rs.AsSpan(64 - s.Length, s.Length));
            fields.EnsureEnd();

            var rlp = new byte[RlpWriter.LengthOfList(unsignedFields.Length)];
            var writer = new RlpWriter(rlp);
            writer.WriteListHeader(unsignedFields.Length);
            writer.WriteRaw(unsignedFields);
            vectors.Add(new Vector($"txtest[{index++}]", key, AddressOf(publicKey), Keccak(rlp), rs, (byte)(v - 27)));
        }

        return vectors;
    }

    private sealed record Vector(string Name, byte[] Key, byte[] KeyAddress, byte[] SigningHash, byte[] Rs, byte RecoveryId);
}
