using System.Collections.Immutable;
using System.Text.Json;
using Aro.Core.Crypto;
using Aro.Core.Transactions;
using Aro.Testing;

namespace Aro.Core.Tests.Transactions;

/// <summary>
/// One entry of ethers' testcases/transaction.json.gz: a set of fields, a key, and those fields
/// unsigned and signed in four forms. Quantities are hex ("0x" or absent is 0); nonce is a number.
/// </summary>
internal sealed class EthersTransactionVector
{
    public static readonly string[] Forms = ["Legacy", "Eip155", "Berlin", "London"];

    private readonly JsonElement _fields;

    private EthersTransactionVector(JsonElement entry)
    {
        Name = entry.GetProperty("name").GetString()!;
        PrivateKey = Hex.Decode(entry.GetProperty("privateKey").GetString()!);
        _fields = entry.GetProperty("transaction");
        Unsigned = Forms.ToDictionary(form => form, form => Hex.Decode(entry.GetProperty("unsigned" + form).GetString()!));
        Signed = Forms.ToDictionary(form => form, form => Hex.Decode(entry.GetProperty("signed" + form).GetString()!));
    }

    public string Name { get; }

    public byte[] PrivateKey { get; }

    public IReadOnlyDictionary<string, byte[]> Unsigned { get; }

    public IReadOnlyDictionary<string, byte[]> Signed { get; }

    /// <summary>True when the JSON names a chain id, even "0x" (zero).</summary>
    public bool HasChainId => _fields.TryGetProperty("chainId", out _);

    public static IReadOnlyList<EthersTransactionVector> Load()
    {
        using var document = JsonDocument.Parse(TestData.ReadGzipText("ethereum", "ethers", "testcases", "transaction.json.gz"));
        return document.RootElement.EnumerateArray().Select(entry => new EthersTransactionVector(entry.Clone())).ToList();
    }

    public Address SenderAddress()
    {
        var publicKey = new byte[Secp256k1.UncompressedPublicKeyLength];
        Secp256k1.GetPublicKey(PrivateKey, publicKey);
        return Address.FromPublicKey(publicKey);
    }

    /// <summary>The fields as an unsigned transaction of <paramref name="form"/>.</summary>
    public Transaction Build(string form)
    {
        var nonce = _fields.TryGetProperty("nonce", out var n) ? n.GetUInt64() : 0;
        var gasLimit = (ulong)Quantity("gasLimit");
        Address? to = _fields.TryGetProperty("to", out var t) ? Address.Parse(t.GetString()!) : null;
        var value = Quantity("value");
        var data = _fields.TryGetProperty("data", out var d) ? Hex.Decode(d.GetString()!) : [];

        // ethers encodes a typed transaction without a chain id as chain id 1; "0x" is zero.
        var typedChainId = HasChainId ? (ulong)Quantity("chainId") : 1;
        return form switch
        {
            "Legacy" => Transaction.Legacy(null, nonce, Quantity("gasPrice"), gasLimit, to, value, data),
            "Eip155" => Transaction.Legacy((ulong)Quantity("chainId"), nonce, Quantity("gasPrice"), gasLimit, to, value, data),
            "Berlin" => Transaction.WithAccessList(typedChainId, nonce, Quantity("gasPrice"), gasLimit, to, value, data, AccessList()),
            "London" => Transaction.DynamicFee(
                typedChainId, nonce, Quantity("maxPriorityFeePerGas"), Quantity("maxFeePerGas"), gasLimit, to, value, data, AccessList()),
            _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
        };
    }

    private UInt256 Quantity(string name)
    {
        if (!_fields.TryGetProperty(name, out var element) || element.GetString() == "0x")
        {
            return UInt256.Zero;
        }

        return UInt256.Parse(element.GetString()!);
    }

    private ImmutableArray<AccessListEntry> AccessList()
    {
        if (!_fields.TryGetProperty("accessList", out var list))
        {
            return [];
        }

        return [.. list.EnumerateArray().Select(entry => new AccessListEntry(
            Address.Parse(entry.GetProperty("address").GetString()!),
            [.. entry.GetProperty("storageKeys").EnumerateArray().Select(key => Hash256.Parse(key.GetString()!))]))];
    }
}
