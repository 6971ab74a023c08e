using Aro.Node.Keys;

namespace Aro.Node.Tests.Keys;

/// <summary>
/// Published test vectors: the Web3 Secret Storage Definition's two files ("Test Vectors" section,
/// ethereum.org, developers/docs/data-structures-and-encoding/web3-secret-storage), go-ethereum's
/// accounts/keystore/testdata/v3_test_vector.json, and a file written by ethers 6.17.0 (see
/// ethers-keystore-crosscheck.md for how it was made).
/// </summary>
internal static class SpecVectors
{
    /// <summary>A cheap valid scrypt cost (1 MiB) for tests about something other than the cost itself.</summary>
    public static readonly ScryptParameters TestCost = new(1024, 8, 1);

    public const string Password = "testpassword";
    public const string Secret = "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";
    public const string Address = "008aeeda4d805471df9b2a5b0f38a0c3bcba786b";

    public const string Pbkdf2File = """
        {
          "crypto": {
            "cipher": "aes-128-ctr",
            "cipherparams": { "iv": "6087dab2f9fdbbfaddc31a909735c1e6" },
            "ciphertext": "5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46",
            "kdf": "pbkdf2",
            "kdfparams": {
              "c": 262144,
              "dklen": 32,
              "prf": "hmac-sha256",
              "salt": "ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"
            },
            "mac": "517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"
          },
          "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6",
          "version": 3
        }
        """;

    /// <summary>
    /// Erratum: the page's scrypt vector (regenerated in ethereum-org-website PR #10825 when r and p
    /// were swapped back to 8 and 1) was derived with the salt's hex text, i.e. its 64 ASCII bytes, as
    /// the scrypt salt, not the 32 bytes it encodes; its "Derived key" intermediate
    /// 7446f59e… is scrypt("testpassword", ASCII(salt text), 2^18, 8, 1). No conforming reader (geth,
    /// ethers, this one) decrypts the file as printed; <see cref="ScryptSaltAsText"/> is what it used.
    /// </summary>
    public const string ScryptSaltText = "25710c2ccd7c610b24d068af83b959b7a0e5f40641f0c82daeb1345766191034";

    public static byte[] ScryptSaltAsText => System.Text.Encoding.ASCII.GetBytes(ScryptSaltText);

    public const string ScryptFile = """
        {
          "crypto": {
            "cipher": "aes-128-ctr",
            "cipherparams": { "iv": "740770fce12ce862af21264dab25f1da" },
            "ciphertext": "dd8a1132cf57db67c038c6763afe2cbe6ea1949a86abc5843f8ca656ebbb1ea2",
            "kdf": "scrypt",
            "kdfparams": {
              "dklen": 32,
              "n": 262144,
              "p": 1,
              "r": 8,
              "salt": "25710c2ccd7c610b24d068af83b959b7a0e5f40641f0c82daeb1345766191034"
            },
            "mac": "337aeb86505d2d0bb620effe57f18381377d67d76dac1090626aa5cd20886a7c"
          },
          "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6",
          "version": 3
        }
        """;

    /// <summary>geth's copy of the original wiki scrypt vector: r = 1 with n = 2^18, which RFC 7914 forbids (n must be below 2^16 when r = 1).</summary>
    public const string GethWikiScryptFile = """
        {
          "crypto": {
            "cipher": "aes-128-ctr",
            "cipherparams": { "iv": "83dbcc02d8ccb40e466191a123791e0e" },
            "ciphertext": "d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c",
            "kdf": "scrypt",
            "kdfparams": { "dklen": 32, "n": 262144, "r": 1, "p": 8, "salt": "ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19" },
            "mac": "2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097"
          },
          "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6",
          "version": 3
        }
        """;

    /// <summary>geth's "31_byte_key": early geth wrote keys without their leading zero byte; password "foo".</summary>
    public const string Geth31ByteKeyFile = """
        {
          "crypto": {
            "cipher": "aes-128-ctr",
            "cipherparams": { "iv": "e0c41130a323adc1446fc82f724bca2f" },
            "ciphertext": "9517cd5bdbe69076f9bf5057248c6c050141e970efa36ce53692d5d59a3984",
            "kdf": "scrypt",
            "kdfparams": { "dklen": 32, "n": 2, "r": 8, "p": 1, "salt": "711f816911c92d649fb4c84b047915679933555030b3552c1212609b38208c63" },
            "mac": "d5e116151c6aa71470e67a7d42c9620c75c4d23229847dcc127794f0732b0db5"
          },
          "id": "fecfc4ce-e956-48fd-953b-30f8b52ed66c",
          "version": 3
        }
        """;

    public const string Geth31ByteKey = "fa7b3db73dc7dfdf8c5fbdb796d741e4488628c41fc4febd9160a866ba0f35";

    /// <summary>geth's "30_byte_key"; password "foo".</summary>
    public const string Geth30ByteKeyFile = """
        {
          "crypto": {
            "cipher": "aes-128-ctr",
            "cipherparams": { "iv": "3ca92af36ad7c2cd92454c59cea5ef00" },
            "ciphertext": "108b7d34f3442fc26ab1ab90ca91476ba6bfa8c00975a49ef9051dc675aa",
            "kdf": "scrypt",
            "kdfparams": { "dklen": 32, "n": 2, "r": 8, "p": 1, "salt": "d0769e608fb86cda848065642a9c6fa046845c928175662b8e356c77f914cd3b" },
            "mac": "75d0e6759f7b3cefa319c3be41680ab6beea7d8328653474bd06706d4cc67420"
          },
          "id": "a37e1559-5955-450d-8075-7b8931b392b2",
          "version": 3
        }
        """;

    public const string Geth30ByteKey = "81c29e8142bb6a81bef5a92bda7a8328a5c85bb2f9542e76f9b0f94fc018";

    public const string EthersPassword = "pässwörd-ü";
    public const string EthersSecret = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
    public const string EthersAddress = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23";

    /// <summary>ethers' own layout: capital-C "Crypto", fields in its order, light scrypt (n=4096, p=1).</summary>
    public const string EthersFile =
        """{"address":"2c7536e3605d9c16a7a3d7b1898e529396a65c23","id":"d99528c1-8469-44d6-ae34-04cceada8cb7","version":3,"Crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"cae0c29a3966419eb5513c5bbbb7aed0"},"ciphertext":"1613b506fa52a299006ffb56710d563167f3d33732d96c5ba2e26bfcc1e02095","kdf":"scrypt","kdfparams":{"salt":"c338353e11398d1d8da3b366d20f8b990f90ea9b5f0847171279beeca11595ed","n":4096,"dklen":32,"p":1,"r":8},"mac":"a1f7513961feab1cc89b027dea3cf712296b4c7e7ea56ab3bc203e9e7fcf164f"}}""";
}
