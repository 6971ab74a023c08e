using System.Text.Json;
using Aro.Core.Crypto;
using Aro.Testing;
using static Aro.Core.Tests.Crypto.Secp256k1TestSupport;

namespace Aro.Core.Tests.Crypto;

/// <summary>ethereum/tests BasicTests/keyaddrtest.json: private key to address (the signature field is not checkable, see the testdata README).</summary>
public class Secp256k1KeyAddressVectorTests
{
    [Fact]
    public void Derives_the_address_of_every_keyaddrtest_key()
    {
        var run = new VectorRun("keyaddrtest.json");
        using var document = JsonDocument.Parse(TestData.ReadText("ethereum", "ethereum-tests", "BasicTests", "keyaddrtest.json"));
        foreach (var test in document.RootElement.EnumerateArray())
        {
            var key = Hex(test.GetProperty("key").GetString()!);
            var expected = test.GetProperty("addr").GetString()!;
            run.Case(test.GetProperty("seed").GetString()!, () =>
            {
                var publicKey = new byte[65];
                Secp256k1.GetPublicKey(key, publicKey);
                Assert.Equal(0x04, publicKey[0]);
                Assert.Equal(expected, Convert.ToHexStringLower(AddressOf(publicKey)));
            });
        }

        run.AssertAll(atLeast: 2);
    }
}
