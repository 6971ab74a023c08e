using System.Text;
using System.Text.Json.Nodes;
using Aro.Core;
using Aro.Node.Keys;

namespace Aro.Node.Tests.Keys;

public class KeystoreJsonTests
{
    private const string Remove = "<remove>";

    // geth's layout, written by us at a cheap cost; parsing needs no key derivation.
    private static readonly string ScryptSample =
        Web3SecretStorage.Encrypt(Hex.Decode(SpecVectors.Secret), "pw", SpecVectors.TestCost);

    [Fact]
    public void Parses_every_field_of_the_spec_pbkdf2_vector()
    {
        var document = KeystoreJson.Parse(SpecVectors.Pbkdf2File);
        Assert.Equal(KeystoreKdf.Pbkdf2, document.Kdf);
        Assert.Equal(262144, document.Pbkdf2Iterations);
        Assert.Equal(32, document.DerivedKeyLength);
        Assert.Equal("ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd", Hex.Encode(document.Salt, prefix: false));
        Assert.Equal("6087dab2f9fdbbfaddc31a909735c1e6", Hex.Encode(document.Iv, prefix: false));
        Assert.Equal("5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46", Hex.Encode(document.Ciphertext, prefix: false));
        Assert.Equal("517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2", Hex.Encode(document.Mac, prefix: false));
        Assert.Equal("3198bc9c-6672-5ab3-d995-4942343ae5b6", document.Id);
        Assert.Null(document.Address);
    }

    [Fact]
    public void Parses_the_scrypt_cost_of_the_spec_scrypt_vector()
    {
        var document = KeystoreJson.Parse(SpecVectors.ScryptFile);
        Assert.Equal(KeystoreKdf.Scrypt, document.Kdf);
        Assert.Equal(new ScryptParameters(262144, 8, 1), document.Scrypt);
    }

    [Fact]
    public void Writing_a_parsed_file_reproduces_it()
    {
        Assert.Equal(ScryptSample, KeystoreJson.Write(KeystoreJson.Parse(ScryptSample)));
    }

    [Fact]
    public void Reads_field_names_without_regard_to_case_as_geth_does()
    {
        var document = KeystoreJson.Parse(SpecVectors.EthersFile);
        Assert.Equal(SpecVectors.EthersAddress, document.Address.ToString());
    }

    [Fact]
    public void Accepts_0x_prefixed_hex()
    {
        var node = JsonNode.Parse(ScryptSample)!;
        node["crypto"]!["mac"] = "0x" + (string)node["crypto"]!["mac"]!;
        node["address"] = "0x" + (string)node["address"]!;
        var document = KeystoreJson.Parse(node.ToJsonString());
        Assert.Equal(KeystoreJson.Parse(ScryptSample).Mac, document.Mac);
    }

    [Fact]
    public void Ignores_unknown_fields()
    {
        var node = JsonNode.Parse(ScryptSample)!;
        node["x-ethers"] = new JsonObject { ["client"] = "someone" };
        node["crypto"]!["extra"] = 1;
        Assert.Equal(KeystoreJson.Parse(ScryptSample), KeystoreJson.Parse(node.ToJsonString()), DocumentComparer.Instance);
    }

    [Theory]
    [InlineData("version", Remove, "version")]
    [InlineData("version", "1", "version")]
    [InlineData("version", "\"3\"", "version")]
    [InlineData("version", "3.5", "version")]
    [InlineData("id", "7", "id")]
    [InlineData("address", "\"zz8aeeda4d805471df9b2a5b0f38a0c3bcba786b\"", "address")]
    [InlineData("address", "\"008aeeda4d805471df9b2a5b0f38a0c3bcba78\"", "address")]
    [InlineData("address", "null", "address")]
    [InlineData("crypto", Remove, "crypto")]
    [InlineData("crypto", "\"aes\"", "crypto")]
    [InlineData("crypto.cipher", Remove, "crypto.cipher")]
    [InlineData("crypto.cipher", "\"aes-128-cbc\"", "crypto.cipher")]
    [InlineData("crypto.cipherparams", Remove, "crypto.cipherparams")]
    [InlineData("crypto.cipherparams", "[]", "crypto.cipherparams")]
    [InlineData("crypto.cipherparams.iv", Remove, "crypto.cipherparams.iv")]
    [InlineData("crypto.cipherparams.iv", "\"6087dab2f9fdbbfaddc31a909735c1\"", "crypto.cipherparams.iv")]
    [InlineData("crypto.cipherparams.iv", "\"6087dab2f9fdbbfaddc31a909735c1e\"", "crypto.cipherparams.iv")]
    [InlineData("crypto.cipherparams.iv", "\"6087dab2f9fdbbfaddc31a909735c1eg\"", "crypto.cipherparams.iv")]
    [InlineData("crypto.cipherparams.iv", "\"0x0x87dab2f9fdbbfaddc31a909735c1e6\"", "crypto.cipherparams.iv")]
    [InlineData("crypto.ciphertext", Remove, "crypto.ciphertext")]
    [InlineData("crypto.ciphertext", "\"5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa4600\"", "crypto.ciphertext")]
    [InlineData("crypto.ciphertext", "\"\"", "crypto.ciphertext")]
    [InlineData("crypto.ciphertext", "\"5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aaXY\"", "crypto.ciphertext")]
    [InlineData("crypto.ciphertext", "12", "crypto.ciphertext")]
    [InlineData("crypto.mac", Remove, "crypto.mac")]
    [InlineData("crypto.mac", "\"517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9\"", "crypto.mac")]
    [InlineData("crypto.kdf", Remove, "crypto.kdf")]
    [InlineData("crypto.kdf", "\"argon2id\"", "crypto.kdf")]
    [InlineData("crypto.kdf", "\"Scrypt\"", "crypto.kdf")]
    [InlineData("crypto.kdfparams", Remove, "crypto.kdfparams")]
    [InlineData("crypto.kdfparams", "\"n=4096\"", "crypto.kdfparams")]
    [InlineData("crypto.kdfparams.salt", Remove, "crypto.kdfparams.salt")]
    [InlineData("crypto.kdfparams.salt", "\"\"", "crypto.kdfparams.salt")]
    [InlineData("crypto.kdfparams.dklen", Remove, "crypto.kdfparams.dklen")]
    [InlineData("crypto.kdfparams.dklen", "16", "crypto.kdfparams.dklen")]
    [InlineData("crypto.kdfparams.dklen", "32.0", "crypto.kdfparams.dklen")]
    [InlineData("crypto.kdfparams.n", Remove, "crypto.kdfparams.n")]
    [InlineData("crypto.kdfparams.n", "4095", "crypto.kdfparams.n")]
    [InlineData("crypto.kdfparams.n", "1073741824", "crypto.kdfparams.n")]
    [InlineData("crypto.kdfparams.n", "1e3", "crypto.kdfparams.n")]
    [InlineData("crypto.kdfparams.n", "99999999999", "crypto.kdfparams.n")]
    [InlineData("crypto.kdfparams.r", Remove, "crypto.kdfparams.r")]
    [InlineData("crypto.kdfparams.r", "0", "crypto.kdfparams.r")]
    [InlineData("crypto.kdfparams.p", Remove, "crypto.kdfparams.p")]
    [InlineData("crypto.kdfparams.p", "-1", "crypto.kdfparams.p")]
    [InlineData("crypto.kdfparams.p", "100000", "crypto.kdfparams.p")]
    public void Rejects_a_malformed_scrypt_file_naming_the_field(string path, string value, string field)
    {
        var e = Assert.Throws<KeystoreException>(() => KeystoreJson.Parse(Mutate(ScryptSample, path, value)));
        Assert.Equal(field, e.Field);
        Assert.Contains(field, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("crypto.kdfparams.prf", Remove, "crypto.kdfparams.prf")]
    [InlineData("crypto.kdfparams.prf", "\"hmac-sha512\"", "crypto.kdfparams.prf")]
    [InlineData("crypto.kdfparams.c", Remove, "crypto.kdfparams.c")]
    [InlineData("crypto.kdfparams.c", "0", "crypto.kdfparams.c")]
    [InlineData("crypto.kdfparams.c", "2147483647", "crypto.kdfparams.c")]
    [InlineData("crypto.kdfparams.c", "\"262144\"", "crypto.kdfparams.c")]
    public void Rejects_a_malformed_pbkdf2_file_naming_the_field(string path, string value, string field)
    {
        var e = Assert.Throws<KeystoreException>(() => KeystoreJson.Parse(Mutate(SpecVectors.Pbkdf2File, path, value)));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Rejects_a_field_given_twice_in_different_case()
    {
        var node = JsonNode.Parse(ScryptSample)!;
        node["Crypto"] = node["crypto"]!.DeepClone();
        var e = Assert.Throws<KeystoreException>(() => KeystoreJson.Parse(node.ToJsonString()));
        Assert.Equal("crypto", e.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("3")]
    [InlineData("{\"version\":3,}")]
    [InlineData("{\"version\":3} // comment")]
    public void Rejects_what_is_not_a_json_object(string text)
    {
        var e = Assert.Throws<KeystoreException>(() => KeystoreJson.Parse(text));
        Assert.Equal("file", e.Field);
    }

    [Fact]
    public void Rejects_an_oversized_file_before_parsing_it()
    {
        var e = Assert.Throws<KeystoreException>(() => KeystoreJson.Parse(new byte[KeystoreJson.MaxFileBytes + 1]));
        Assert.Equal("file", e.Field);
    }

    [Fact]
    public void Every_truncation_of_a_valid_file_raises_a_keystore_exception()
    {
        var bytes = Encoding.UTF8.GetBytes(ScryptSample);
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<KeystoreException>(() => KeystoreJson.Parse(bytes.AsSpan(0, length)));
        }
    }

    [Fact]
    public void Every_single_byte_corruption_raises_a_keystore_exception_or_parses()
    {
        // A flipped byte may still leave a well-formed file (a hex digit for another); it must never escape as another exception type.
        var bytes = Encoding.UTF8.GetBytes(ScryptSample);
        for (var i = 0; i < bytes.Length; i++)
        {
            foreach (var replacement in "\"{}[],:0a-\\\u00ff"u8.ToArray())
            {
                var corrupted = (byte[])bytes.Clone();
                corrupted[i] = replacement;
                try
                {
                    KeystoreJson.Parse(corrupted);
                }
                catch (KeystoreException)
                {
                }
            }
        }
    }

    /// <summary>Sets (or with <see cref="Remove"/> deletes) the value at a dotted path, matching the sample's lowercase names.</summary>
    private static string Mutate(string json, string path, string rawValue)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var parts = path.Split('.');
        var parent = root;
        foreach (var part in parts[..^1])
        {
            parent = parent[part]!.AsObject();
        }

        if (rawValue == Remove)
        {
            Assert.True(parent.Remove(parts[^1]));
        }
        else
        {
            parent[parts[^1]] = JsonNode.Parse(rawValue);
        }

        return root.ToJsonString();
    }

    private sealed class DocumentComparer : IEqualityComparer<KeystoreDocument>
    {
        public static readonly DocumentComparer Instance = new();

        public bool Equals(KeystoreDocument? x, KeystoreDocument? y) =>
            x is not null && y is not null && KeystoreJson.Write(x) == KeystoreJson.Write(y);

        public int GetHashCode(KeystoreDocument obj) => KeystoreJson.Write(obj).GetHashCode(StringComparison.Ordinal);
    }
}
