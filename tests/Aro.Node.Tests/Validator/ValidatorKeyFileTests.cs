using Aro.Node.Tests.Chain;
using Aro.Node.Validator;
using Aro.Testing;

namespace Aro.Node.Tests.Validator;

public sealed class ValidatorKeyFileTests
{
    [Fact]
    public void Reads_back_the_key_it_wrote()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, ValidatorKeyFile.DefaultName);

        ValidatorKeyFile.Write(path, Devnet.Validator);

        var read = ValidatorKeyFile.Read(path);
        Assert.Equal(Devnet.Validator.Address, read.Address);
        Assert.Equal(Devnet.Validator.PublicKey.ToArray(), read.PublicKey.ToArray());
    }

    [Fact]
    public void Never_overwrites_an_existing_key()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, ValidatorKeyFile.DefaultName);
        ValidatorKeyFile.Write(path, Devnet.Validator);

        Assert.Throws<IOException>(() => ValidatorKeyFile.Write(path, ValidatorKey.Generate()));
        Assert.Equal(Devnet.Validator.Address, ValidatorKeyFile.Read(path).Address);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Flags_a_file_others_can_read()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, ValidatorKeyFile.DefaultName);
        ValidatorKeyFile.Write(path, Devnet.Validator);
        Assert.False(ValidatorKeyFile.IsExposed(path));

        File.SetUnixFileMode(path, ValidatorKeyFile.OwnerOnly | UnixFileMode.GroupRead);

        Assert.True(ValidatorKeyFile.IsExposed(path));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "JSON object")]
    [InlineData("{}", "\"privateKey\" is missing")]
    [InlineData("{\"privateKey\": 5}", "\"privateKey\" is missing or not a string")]
    [InlineData("{\"privateKey\": \"1d74\"}", "0x followed by")]
    [InlineData("{\"privateKey\": \"0xzz\"}", "not hex")]
    [InlineData("{\"privateKey\": \"0x1d74\"}", "not a valid secp256k1 key")]
    [InlineData("{\"privateKey\": \"0x0000000000000000000000000000000000000000000000000000000000000000\"}", "not a valid secp256k1 key")]
    [InlineData("{\"privateKey\": \"0x1d74f634284d0faaca3cdff99a226ecbfd7e2898c5c8b54c8c377c1bbaf1f09e\", \"address\": \"0xed38e73edc3e4836b743c8fabd537ae2b926275e\"}", "\"address\" does not match")]
    [InlineData("{\"privateKey\": \"0x1d74f634284d0faaca3cdff99a226ecbfd7e2898c5c8b54c8c377c1bbaf1f09e\", \"publicKey\": \"0x04\"}", "\"publicKey\" does not match")]
    public void Refuses_a_malformed_or_inconsistent_file(string content, string reason)
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "key.json");
        File.WriteAllText(path, content);

        var error = Assert.Throws<ValidatorKeyException>(() => ValidatorKeyFile.Read(path));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_missing_file_naming_it()
    {
        var error = Assert.Throws<ValidatorKeyException>(() => ValidatorKeyFile.Read("/nonexistent/aro/key.json"));
        Assert.Contains("/nonexistent/aro/key.json", error.Message, StringComparison.Ordinal);
    }
}
