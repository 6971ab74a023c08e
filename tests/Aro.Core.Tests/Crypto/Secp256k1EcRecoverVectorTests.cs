using System.Text.Json;
using Aro.Core.Crypto;
using Aro.Testing;
using static Aro.Core.Tests.Crypto.Secp256k1TestSupport;

namespace Aro.Core.Tests.Crypto;

/// <summary>go-ethereum precompiles/ecRecover.json through the precompile's input/output rules.</summary>
public class Secp256k1EcRecoverVectorTests
{
    [Fact]
    public void Matches_every_go_ethereum_ecrecover_vector()
    {
        var run = new VectorRun("ecRecover.json");
        using var document = JsonDocument.Parse(TestData.ReadText("ethereum", "go-ethereum", "precompiles", "ecRecover.json"));
        foreach (var test in document.RootElement.EnumerateArray())
        {
            var input = Hex(test.GetProperty("Input").GetString()!);
            var expected = test.GetProperty("Expected").GetString()!;
            run.Case(test.GetProperty("Name").GetString()!, () =>
                Assert.Equal(expected, Convert.ToHexStringLower(EcRecover(input))));
        }

        run.AssertAll(atLeast: 5);
    }

    /// <summary>
    /// The ecrecover precompile (address 0x01): hash32 || v32 || r32 || s32, zero right-padded;
    /// 12 zero bytes + address, or empty output when v is not 27/28 (all high bytes zero) or
    /// recovery fails. High s is allowed here, unlike in transactions.
    /// </summary>
    private static byte[] EcRecover(byte[] input)
    {
        var padded = new byte[128];
        input.AsSpan(0, Math.Min(input.Length, 128)).CopyTo(padded);
        var v = padded.AsSpan(32, 32);
        if (v[..31].IndexOfAnyExcept((byte)0) >= 0 || (v[31] != 27 && v[31] != 28))
        {
            return [];
        }

        var publicKey = new byte[65];
        if (!Secp256k1.TryRecoverPublicKey(padded.AsSpan(0, 32), padded.AsSpan(64, 64), (byte)(v[31] - 27), publicKey))
        {
            return [];
        }

        var output = new byte[32];
        AddressOf(publicKey).CopyTo(output, 12);
        return output;
    }
}
