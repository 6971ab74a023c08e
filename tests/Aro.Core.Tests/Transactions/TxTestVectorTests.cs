using System.Text.Json;
using Aro.Core.Crypto;
using Aro.Core.Transactions;
using Aro.Testing;

namespace Aro.Core.Tests.Transactions;

/// <summary>
/// ethereum/tests BasicTests/txtest.json through the transaction API: pre-EIP-155 legacy
/// transactions; the first is RFC 6979 signed, the second carries a high s (invalid since EIP-2).
/// </summary>
public class TxTestVectorTests
{
    private static readonly UInt256 SecpOrder = UInt256.Parse("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");

    [Fact]
    public void Signing_the_first_entry_reproduces_its_signed_bytes()
    {
        var entry = Entries()[0];
        var signed = TxSigner.Sign(entry.Fields, entry.Key);
        Assert.Equal(Hex.Encode(entry.Signed), Hex.Encode(TxEncoder.Encode(signed)));
        Assert.Equal(27UL, signed.V);
    }

    [Fact]
    public void The_first_entry_decodes_to_its_fields_and_recovers_the_key_address()
    {
        var entry = Entries()[0];
        var tx = TxDecoder.Decode(entry.Signed);
        Assert.Null(tx.ChainId);
        Assert.Equal(TxEncoder.EncodeForSigning(entry.Fields), TxEncoder.EncodeForSigning(tx));
        Assert.Equal(entry.KeyAddress, TxSender.Recover(tx));
    }

    [Fact]
    public void Pre_eip155_signing_preimage_is_the_first_six_fields_not_the_nine_item_unsigned_list()
    {
        var entry = Entries()[0];
        var preimage = TxEncoder.EncodeForSigning(entry.Fields);
        Assert.NotEqual(entry.Unsigned, preimage);
        Assert.Equal(entry.Unsigned[1..^3], preimage[1..]);
    }

    [Fact]
    public void Recovery_refuses_the_high_s_signature_of_the_second_entry()
    {
        var tx = TxDecoder.Decode(Entries()[1].Signed);
        Assert.Equal(TxError.HighS, Assert.Throws<TransactionFormatException>(() => TxSender.Recover(tx)).Error);
        Assert.False(TxSender.TryRecover(tx, out _));
    }

    [Fact]
    public void The_second_entry_recovers_its_key_address_once_s_is_replaced_by_its_low_twin()
    {
        var entry = Entries()[1];
        var signature = TxDecoder.Decode(entry.Signed).Signature!.Value;
        Assert.True(UInt256.TrySubtract(SecpOrder, signature.S, out var lowS));
        var normalised = entry.Fields.WithSignature(new TxSignature((byte)(signature.YParity ^ 1), signature.R, lowS));
        Assert.Equal(entry.KeyAddress, TxSender.Recover(normalised));
    }

    private static List<Entry> Entries()
    {
        using var document = JsonDocument.Parse(TestData.ReadText("ethereum", "ethereum-tests", "BasicTests", "txtest.json"));
        var entries = new List<Entry>();
        foreach (var test in document.RootElement.EnumerateArray())
        {
            var key = Hex.Decode(test.GetProperty("key").GetString()!);
            var publicKey = new byte[Secp256k1.UncompressedPublicKeyLength];
            Secp256k1.GetPublicKey(key, publicKey);
            var to = test.GetProperty("to").GetString()!;
            var fields = Transaction.Legacy(
                chainId: null,
                test.GetProperty("nonce").GetUInt64(),
                test.GetProperty("gasprice").GetUInt64(),
                test.GetProperty("startgas").GetUInt64(),
                to.Length == 0 ? null : Address.Parse(to),
                test.GetProperty("value").GetUInt64(),
                Hex.Decode(test.GetProperty("data").GetString()!));
            entries.Add(new Entry(
                key, Address.FromPublicKey(publicKey), fields,
                Hex.Decode(test.GetProperty("unsigned").GetString()!), Hex.Decode(test.GetProperty("signed").GetString()!)));
        }

        Assert.Equal(2, entries.Count);
        return entries;
    }

    private sealed record Entry(byte[] Key, Address KeyAddress, Transaction Fields, byte[] Unsigned, byte[] Signed);
}
