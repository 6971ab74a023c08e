using System.Text.Json.Nodes;
using Aro.Core;
using Aro.Node.Keys;

namespace Aro.Node.Tests.Keys;

public class Web3SecretStorageTests
{
    private static readonly byte[] Key = Hex.Decode(SpecVectors.Secret);

    [Fact]
    public void Decrypts_the_spec_pbkdf2_vector()
    {
        var key = Web3SecretStorage.Decrypt(SpecVectors.Pbkdf2File, SpecVectors.Password);
        Assert.Equal(SpecVectors.Secret, Hex.Encode(key, prefix: false));
        Assert.Equal(SpecVectors.Address, Hex.Encode(Web3SecretStorage.AddressOf(key).Bytes, prefix: false));
    }

    [Fact]
    public void Decrypts_the_spec_scrypt_vector_with_the_salt_it_was_actually_derived_from()
    {
        // See SpecVectors.ScryptSaltText: standard cost (n = 2^18, r = 8, p = 1), the published
        // ciphertext and mac, and the salt bytes the page's own "Derived key" intermediate implies.
        var node = JsonNode.Parse(SpecVectors.ScryptFile)!;
        node["crypto"]!["kdfparams"]!["salt"] = Hex.Encode(SpecVectors.ScryptSaltAsText, prefix: false);
        var key = Web3SecretStorage.Decrypt(node.ToJsonString(), SpecVectors.Password);
        Assert.Equal(SpecVectors.Secret, Hex.Encode(key, prefix: false));
    }

    [Fact]
    public void Encrypting_with_the_spec_scrypt_salt_and_iv_reproduces_its_ciphertext_and_mac()
    {
        var document = Web3SecretStorage.Encrypt(
            Key,
            SpecVectors.Password,
            ScryptParameters.Standard,
            SpecVectors.ScryptSaltAsText,
            Hex.Decode("740770fce12ce862af21264dab25f1da"),
            Guid.Parse("3198bc9c-6672-5ab3-d995-4942343ae5b6"));

        Assert.Equal("dd8a1132cf57db67c038c6763afe2cbe6ea1949a86abc5843f8ca656ebbb1ea2", Hex.Encode(document.Ciphertext, prefix: false));
        Assert.Equal("337aeb86505d2d0bb620effe57f18381377d67d76dac1090626aa5cd20886a7c", Hex.Encode(document.Mac, prefix: false));
    }

    [Theory]
    [InlineData(SpecVectors.Geth31ByteKeyFile, SpecVectors.Geth31ByteKey)]
    [InlineData(SpecVectors.Geth30ByteKeyFile, SpecVectors.Geth30ByteKey)]
    public void Decrypts_geths_short_key_vectors_to_the_left_padded_key(string file, string shortKey)
    {
        var key = Web3SecretStorage.Decrypt(file, "foo");
        Assert.Equal(shortKey.PadLeft(64, '0'), Hex.Encode(key, prefix: false));
    }

    [Fact]
    public void Rejects_the_old_wiki_scrypt_vector_whose_n_breaks_RFC_7914_for_r_1()
    {
        var e = Assert.Throws<KeystoreException>(() => Web3SecretStorage.Decrypt(SpecVectors.GethWikiScryptFile, SpecVectors.Password));
        Assert.Equal("crypto.kdfparams.n", e.Field);
    }

    [Fact]
    public void Decrypts_a_file_written_by_ethers_v6()
    {
        var key = Web3SecretStorage.Decrypt(SpecVectors.EthersFile, SpecVectors.EthersPassword);
        Assert.Equal(SpecVectors.EthersSecret, Hex.Encode(key, prefix: false));
        Assert.Equal(SpecVectors.EthersAddress, Web3SecretStorage.AddressOf(key).ToString());
    }

    [Fact]
    public void Round_trips_a_key_through_encrypt_and_decrypt()
    {
        var json = Web3SecretStorage.Encrypt(Key, "correct horse", SpecVectors.TestCost);
        Assert.Equal(Key, Web3SecretStorage.Decrypt(json, "correct horse"));
    }

    [Fact]
    public void Writes_geths_layout()
    {
        var json = Web3SecretStorage.Encrypt(Key, "pw", ScryptParameters.Light);
        var root = JsonNode.Parse(json)!.AsObject();
        Assert.Equal(["address", "crypto", "id", "version"], root.Select(p => p.Key));
        Assert.Equal(SpecVectors.Address, (string)root["address"]!);
        Assert.Equal(3, (int)root["version"]!);
        Assert.Equal(4, Guid.Parse((string)root["id"]!).Version);

        var crypto = root["crypto"]!.AsObject();
        Assert.Equal(["cipher", "ciphertext", "cipherparams", "kdf", "kdfparams", "mac"], crypto.Select(p => p.Key));
        Assert.Equal("aes-128-ctr", (string)crypto["cipher"]!);
        Assert.Equal("scrypt", (string)crypto["kdf"]!);
        var kdfParams = crypto["kdfparams"]!.AsObject();
        Assert.Equal(["dklen", "n", "p", "r", "salt"], kdfParams.Select(p => p.Key));
        Assert.Equal(32, (int)kdfParams["dklen"]!);
        Assert.Equal(4096, (int)kdfParams["n"]!);
        Assert.Equal(6, (int)kdfParams["p"]!);
        Assert.Equal(8, (int)kdfParams["r"]!);
        Assert.Matches("^[0-9a-f]{64}$", (string)kdfParams["salt"]!);
        Assert.Matches("^[0-9a-f]{32}$", (string)crypto["cipherparams"]!["iv"]!);
        Assert.Matches("^[0-9a-f]{64}$", (string)crypto["ciphertext"]!);
        Assert.Matches("^[0-9a-f]{64}$", (string)crypto["mac"]!);
    }

    [Fact]
    public void Each_encryption_draws_a_fresh_salt_iv_and_id()
    {
        var first = JsonNode.Parse(Web3SecretStorage.Encrypt(Key, "pw", SpecVectors.TestCost))!;
        var second = JsonNode.Parse(Web3SecretStorage.Encrypt(Key, "pw", SpecVectors.TestCost))!;
        Assert.NotEqual((string)first["crypto"]!["kdfparams"]!["salt"]!, (string)second["crypto"]!["kdfparams"]!["salt"]!);
        Assert.NotEqual((string)first["crypto"]!["cipherparams"]!["iv"]!, (string)second["crypto"]!["cipherparams"]!["iv"]!);
        Assert.NotEqual((string)first["id"]!, (string)second["id"]!);
    }

    [Fact]
    public void Wrong_password_fails_with_a_mac_mismatch()
    {
        var json = Web3SecretStorage.Encrypt(Key, "right", SpecVectors.TestCost);
        var e = Assert.Throws<KeystorePasswordException>(() => Web3SecretStorage.Decrypt(json, "wrong"));
        Assert.Equal("crypto.mac", e.Field);
        Assert.Contains("MAC mismatch", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_password_fails_on_the_spec_pbkdf2_vector()
    {
        Assert.Throws<KeystorePasswordException>(() => Web3SecretStorage.Decrypt(SpecVectors.Pbkdf2File, "testpassword "));
    }

    [Fact]
    public void Tampered_ciphertext_fails_the_mac_check()
    {
        var node = JsonNode.Parse(Web3SecretStorage.Encrypt(Key, "pw", SpecVectors.TestCost))!;
        node["crypto"]!["ciphertext"] = FlipFirstDigit((string)node["crypto"]!["ciphertext"]!);
        Assert.Throws<KeystorePasswordException>(() => Web3SecretStorage.Decrypt(node.ToJsonString(), "pw"));
    }

    [Fact]
    public void Tampered_mac_fails_the_mac_check()
    {
        var node = JsonNode.Parse(Web3SecretStorage.Encrypt(Key, "pw", SpecVectors.TestCost))!;
        node["crypto"]!["mac"] = FlipFirstDigit((string)node["crypto"]!["mac"]!);
        Assert.Throws<KeystorePasswordException>(() => Web3SecretStorage.Decrypt(node.ToJsonString(), "pw"));
    }

    [Fact]
    public void Tampered_salt_fails_the_mac_check()
    {
        var node = JsonNode.Parse(Web3SecretStorage.Encrypt(Key, "pw", SpecVectors.TestCost))!;
        node["crypto"]!["kdfparams"]!["salt"] = FlipFirstDigit((string)node["crypto"]!["kdfparams"]!["salt"]!);
        Assert.Throws<KeystorePasswordException>(() => Web3SecretStorage.Decrypt(node.ToJsonString(), "pw"));
    }

    [Fact]
    public void A_file_claiming_another_address_is_rejected_after_decryption()
    {
        var node = JsonNode.Parse(Web3SecretStorage.Encrypt(Key, "pw", SpecVectors.TestCost))!;
        node["address"] = "00000000000000000000000000000000000000aa";
        var e = Assert.Throws<KeystoreException>(() => Web3SecretStorage.Decrypt(node.ToJsonString(), "pw"));
        Assert.Equal("address", e.Field);
    }

    [Fact]
    public void A_file_without_an_address_still_decrypts()
    {
        var node = JsonNode.Parse(Web3SecretStorage.Encrypt(Key, "pw", SpecVectors.TestCost))!;
        node.AsObject().Remove("address");
        Assert.Equal(Key, Web3SecretStorage.Decrypt(node.ToJsonString(), "pw"));
    }

    [Fact]
    public void The_empty_password_is_a_password_like_any_other()
    {
        var json = Web3SecretStorage.Encrypt(Key, string.Empty, SpecVectors.TestCost);
        Assert.Equal(Key, Web3SecretStorage.Decrypt(json, string.Empty));
        Assert.Throws<KeystorePasswordException>(() => Web3SecretStorage.Decrypt(json, " "));
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    [InlineData("7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe")]
    public void Refuses_to_encrypt_something_that_is_not_a_private_key(string hex)
    {
        Assert.Throws<ArgumentException>(() => Web3SecretStorage.Encrypt(Hex.Decode(hex), "pw", SpecVectors.TestCost));
    }

    private static string FlipFirstDigit(string hex) => (hex[0] == '0' ? "1" : "0") + hex[1..];
}
