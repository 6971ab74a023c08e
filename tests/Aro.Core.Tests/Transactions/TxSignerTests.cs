using System.Collections.Immutable;
using Aro.Core.Crypto;
using Aro.Core.Transactions;

namespace Aro.Core.Tests.Transactions;

public class TxSignerTests
{
    // The worked example of EIP-155 (its "Example" section): key 0x46…46, chain id 1.
    private static readonly byte[] Eip155Key = Hex.Decode("0x4646464646464646464646464646464646464646464646464646464646464646");
    private static readonly Address Recipient = Address.Parse("0x3535353535353535353535353535353535353535");

    private static Transaction Eip155Example() =>
        Transaction.Legacy(1, 9, 20_000_000_000, 21_000, Recipient, 1_000_000_000_000_000_000, []);

    [Fact]
    public void Eip155_example_signing_preimage_and_hash_match_the_eip()
    {
        Assert.Equal(
            "0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080",
            Hex.Encode(TxEncoder.EncodeForSigning(Eip155Example())));
        Assert.Equal(
            Hash256.Parse("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53"),
            TxEncoder.SigningHash(Eip155Example()));
    }

    [Fact]
    public void Eip155_example_signs_to_the_eips_raw_transaction()
    {
        var signed = TxSigner.Sign(Eip155Example(), Eip155Key);
        Assert.Equal(37UL, signed.V);
        Assert.Equal(
            "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83",
            Hex.Encode(TxEncoder.Encode(signed)));
    }

    [Theory]
    [InlineData(TxType.Legacy)]
    [InlineData(TxType.AccessList)]
    [InlineData(TxType.DynamicFee)]
    public void A_signed_transaction_recovers_the_signers_address_after_a_round_trip_through_the_wire(TxType type)
    {
        var key = Hex.Decode("0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        var publicKey = new byte[Secp256k1.UncompressedPublicKeyLength];
        Secp256k1.GetPublicKey(key, publicKey);
        ImmutableArray<AccessListEntry> accessList = [new(Recipient, [Hash256.Parse("0x" + new string('7', 64))])];
        var unsigned = type switch
        {
            TxType.Legacy => Transaction.Legacy(1337, 1, 2, 50_000, null, 3, [0x60, 0x00]),
            TxType.AccessList => Transaction.WithAccessList(1337, 1, 2, 50_000, Recipient, 3, [0x01], accessList),
            _ => Transaction.DynamicFee(1337, 1, 2, 3, 50_000, Recipient, 4, [0x01], accessList),
        };

        var decoded = TxDecoder.Decode(TxEncoder.Encode(TxSigner.Sign(unsigned, key)));
        Assert.Equal(type, decoded.Type);
        Assert.Equal(Address.FromPublicKey(publicKey), TxSender.Recover(decoded));
        Assert.True(TxSender.TryRecover(decoded, out var sender));
        Assert.Equal(Address.FromPublicKey(publicKey), sender);
    }

    [Fact]
    public void A_pre_eip155_legacy_signature_carries_v_27_or_28()
    {
        var signed = TxSigner.Sign(Transaction.Legacy(null, 0, 1, 21_000, Recipient, 0, []), Eip155Key);
        Assert.Contains(signed.V, new ulong[] { 27, 28 });
    }

    [Fact]
    public void A_typed_signature_carries_the_bare_y_parity_as_v()
    {
        var signed = TxSigner.Sign(Transaction.DynamicFee(1, 0, 1, 1, 21_000, Recipient, 0, [], []), Eip155Key);
        Assert.Equal((ulong)signed.Signature!.Value.YParity, signed.V);
    }

    [Fact]
    public void Recovery_of_an_unsigned_transaction_fails_with_Unsigned()
    {
        var error = Assert.Throws<TransactionFormatException>(() => TxSender.Recover(Eip155Example()));
        Assert.Equal(TxError.Unsigned, error.Error);
        Assert.False(TxSender.TryRecover(Eip155Example(), out _));
    }

    [Fact]
    public void An_unsigned_transaction_has_no_hash_and_no_network_encoding()
    {
        Assert.Throws<InvalidOperationException>(() => Eip155Example().Hash);
        Assert.Throws<InvalidOperationException>(() => TxEncoder.Encode(Eip155Example()));
    }

    [Fact]
    public void The_hash_is_the_keccak_of_the_network_encoding()
    {
        var signed = TxSigner.Sign(Eip155Example(), Eip155Key);
        Assert.Equal(Keccak256.Hash(TxEncoder.Encode(signed)), signed.Hash);
    }

    [Fact]
    public void Changing_the_callers_data_buffer_after_construction_changes_nothing_hashed()
    {
        var data = new byte[] { 1, 2, 3 };
        var tx = TxSigner.Sign(Transaction.DynamicFee(1, 0, 1, 1, 50_000, Recipient, 0, data, []), Eip155Key);
        var encoded = TxEncoder.Encode(tx);
        data[0] = 0xff;
        Assert.Equal(encoded, TxEncoder.Encode(tx));
        Assert.Equal(1, tx.Data.Span[0]);
    }

    [Fact]
    public void A_chain_id_above_the_eip2294_bound_is_refused_at_construction() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Transaction.DynamicFee(Transaction.MaxChainId + 1, 0, 1, 1, 21_000, Recipient, 0, [], []));
}
