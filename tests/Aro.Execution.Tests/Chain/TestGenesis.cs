using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Aro.Core;
using Aro.Core.Crypto;
using Aro.Execution.Chain;

namespace Aro.Execution.Tests.Chain;

/// <summary>Fixed keys and a small genesis for the chain tests (not the devnet file: tests must not depend on it).</summary>
internal static class TestGenesis
{
    public const ulong ChainId = 7771;

    public static readonly byte[] SenderKey = Key("chain-test-sender");

    public static readonly byte[] ValidatorKey = Key("chain-test-validator");

    public static readonly byte[] OtherValidatorKey = Key("chain-test-validator-2");

    public static Address Sender => AddressOf(SenderKey);

    public static Address Recipient { get; } = new(Keccak256.Hash("chain-test-recipient"u8).Bytes[12..]);

    public static Address AddressOf(byte[] privateKey) => Address.FromPublicKey(PublicKey(privateKey));

    public static byte[] PublicKey(byte[] privateKey)
    {
        var publicKey = new byte[Secp256k1.UncompressedPublicKeyLength];
        Secp256k1.GetPublicKey(privateKey, publicKey);
        return publicKey;
    }

    public static GenesisValidator Validator(byte[] privateKey, ulong power) =>
        new(AddressOf(privateKey), [.. PublicKey(privateKey)], power);

    public static GenesisSpec Spec(ulong chainId = ChainId, ulong timestamp = 1_767_225_600) => new()
    {
        ChainId = chainId,
        Timestamp = timestamp,
        GasLimit = 30_000_000,
        BaseFeePerGas = 1_000_000_000UL,
        MinBaseFeePerGas = 1_000_000_000UL,
        Alloc = [.. new[] { new GenesisAccount(Sender, UInt256.Parse("1000000000000000000000")), new GenesisAccount(Recipient, 5UL) }.OrderBy(a => a.Address)],
        Validators = [Validator(ValidatorKey, 10)],
        Modules = ImmutableSortedDictionary<string, JsonElement>.Empty.WithComparers(StringComparer.Ordinal)
            .Add("gpos", JsonDocument.Parse("""{"epochLength": 100, "minStake": "1000"}""").RootElement.Clone()),
    };

    /// <summary>The spec's document with its top-level fields in another order (whitespace too).</summary>
    public static string Json(GenesisSpec spec) => spec.ToJson();

    private static byte[] Key(string label) => Keccak256.Hash(Encoding.UTF8.GetBytes(label)).ToArray();
}
