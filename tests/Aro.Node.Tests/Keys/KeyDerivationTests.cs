using System.Text;
using Aro.Core;
using Aro.Node.Keys;

namespace Aro.Node.Tests.Keys;

public class KeyDerivationTests
{
    [Fact]
    public void Scrypt_matches_RFC_7914_vector_with_N_1024()
    {
        // RFC 7914 section 12, second vector: P="password", S="NaCl", N=1024, r=8, p=16, dkLen=64.
        var derived = new byte[64];
        KeyDerivation.Scrypt("password"u8, "NaCl"u8, new ScryptParameters(1024, 8, 16), derived);
        Assert.Equal(
            "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640",
            Hex.Encode(derived, prefix: false));
    }

    [Fact]
    public void Pbkdf2_sha256_matches_RFC_7914_vector()
    {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256, P="passwd", S="salt", c=1, dkLen=64.
        var derived = new byte[64];
        KeyDerivation.Pbkdf2Sha256(Encoding.ASCII.GetBytes("passwd"), "salt"u8, 1, derived);
        Assert.Equal(
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783",
            Hex.Encode(derived, prefix: false));
    }

    [Fact]
    public void Standard_and_light_parameters_are_geths()
    {
        Assert.Equal(new ScryptParameters(262144, 8, 1), ScryptParameters.Standard);
        Assert.Equal(new ScryptParameters(4096, 8, 6), ScryptParameters.Light);
        Assert.Null(ScryptParameters.Standard.Check());
        Assert.Null(ScryptParameters.Light.Check());
    }

    [Theory]
    [InlineData(1000, 8, 1, "n")]
    [InlineData(1, 8, 1, "n")]
    [InlineData(0, 8, 1, "n")]
    [InlineData(-4096, 8, 1, "n")]
    [InlineData(4096, 0, 1, "r")]
    [InlineData(4096, 8, 0, "p")]
    [InlineData(65536, 1, 1, "n")]
    [InlineData(1 << 21, 8, 1, "n")]
    [InlineData(1 << 18, 8, 1 << 10, "p")]
    public void Rejects_scrypt_parameters_that_are_invalid_or_too_costly(int n, int r, int p, string field)
    {
        var problem = new ScryptParameters(n, r, p).Check();
        Assert.NotNull(problem);
        Assert.Equal(field, problem.Value.Field);
        Assert.Throws<ArgumentException>(() => KeyDerivation.Scrypt("x"u8, "salt"u8, new ScryptParameters(n, r, p), new byte[32]));
    }
}
