using Aro.Core.Rlp;
using Aro.Core.Transactions;
using static Aro.Core.Tests.Transactions.TxRlp;

namespace Aro.Core.Tests.Transactions;

public class TxDecoderMalformedInputTests
{
    private const int DynamicFeeToIndex = 5;
    private const int DynamicFeeAccessListIndex = 8;

    [Fact]
    public void The_well_formed_samples_decode()
    {
        Assert.Equal(TxType.AccessList, TxDecoder.Decode(Typed(TxType.AccessList, AccessListFields())).Type);
        var typed = TxDecoder.Decode(Typed(TxType.DynamicFee, DynamicFeeFields()));
        Assert.Equal(TxType.DynamicFee, typed.Type);
        Assert.Single(typed.AccessList);
        var legacy = TxDecoder.Decode(Legacy(LegacyFields()));
        Assert.Equal(1UL, legacy.ChainId);
        Assert.Equal((byte)0, legacy.Signature!.Value.YParity);
    }

    [Fact]
    public void Rejects_empty_input() => AssertRejected(TxError.MalformedRlp, []);

    [Fact]
    public void Rejects_a_truncated_legacy_transaction()
    {
        var raw = Legacy(LegacyFields());
        AssertRlpError(RlpError.Truncated, raw[..^1]);
    }

    [Fact]
    public void Rejects_a_truncated_typed_transaction()
    {
        var raw = Typed(TxType.DynamicFee, DynamicFeeFields());
        AssertRlpError(RlpError.Truncated, raw[..^1]);
    }

    [Fact]
    public void Rejects_a_type_byte_with_no_payload() => AssertRlpError(RlpError.Truncated, [0x02]);

    [Fact]
    public void Rejects_a_byte_after_the_legacy_list() => AssertRlpError(RlpError.TrailingBytes, [.. Legacy(LegacyFields()), 0x00]);

    [Fact]
    public void Rejects_a_byte_after_the_typed_payload() =>
        AssertRlpError(RlpError.TrailingBytes, [.. Typed(TxType.DynamicFee, DynamicFeeFields()), 0x80]);

    [Fact]
    public void Rejects_unknown_type_0x05() => AssertRejected(TxError.UnknownType, Typed(0x05, DynamicFeeFields()));

    [Fact]
    public void Rejects_blob_type_0x03() => AssertRejected(TxError.UnknownType, Typed(0x03, DynamicFeeFields()));

    [Fact]
    public void Rejects_legacy_fields_wrapped_in_a_type_0x00_envelope() => AssertRejected(TxError.UnknownType, Typed((byte)0x00, LegacyFields()));

    [Theory]
    [InlineData(0x80)]
    [InlineData(0xb8)]
    [InlineData(0xbf)]
    public void Rejects_a_first_byte_that_is_an_rlp_string_header_rather_than_a_type_or_list(byte first) =>
        AssertRejected(TxError.UnknownType, [first, .. RlpCodec.Encode(List(LegacyFields()))]);

    [Fact]
    public void Rejects_a_legacy_list_with_eight_fields() => AssertRejected(TxError.WrongFieldCount, Legacy(LegacyFields()[..8]));

    [Fact]
    public void Rejects_a_legacy_list_with_ten_fields() => AssertRejected(TxError.WrongFieldCount, Legacy([.. LegacyFields(), Int(0)]));

    [Fact]
    public void Rejects_a_dynamic_fee_list_with_eleven_fields() =>
        AssertRejected(TxError.WrongFieldCount, Typed(TxType.DynamicFee, DynamicFeeFields()[..11]));

    [Fact]
    public void Rejects_an_access_list_transaction_with_a_twelfth_field() =>
        AssertRejected(TxError.WrongFieldCount, Typed(TxType.AccessList, [.. AccessListFields(), Int(0)]));

    [Fact]
    public void Rejects_an_empty_field_list() => AssertRejected(TxError.WrongFieldCount, Legacy([]));

    [Fact]
    public void Rejects_a_leading_zero_in_the_nonce() =>
        AssertRejected(TxError.NonCanonicalInteger, Legacy(LegacyFields().With(0, Bytes(0x00, 0x07))));

    [Fact]
    public void Rejects_zero_encoded_as_the_byte_0x00_instead_of_the_empty_string() =>
        AssertRejected(TxError.NonCanonicalInteger, Typed(TxType.DynamicFee, DynamicFeeFields().With(9, Bytes(0x00))));

    [Fact]
    public void Rejects_a_33_byte_r() =>
        AssertRejected(TxError.FieldTooLarge, Typed(TxType.DynamicFee, DynamicFeeFields().With(10, Filled(33, 0x44))));

    [Fact]
    public void Rejects_a_33_byte_max_fee_per_gas() =>
        AssertRejected(TxError.FieldTooLarge, Typed(TxType.DynamicFee, DynamicFeeFields().With(3, Filled(33, 0x01))));

    [Fact]
    public void Rejects_a_nine_byte_gas_limit() =>
        AssertRejected(TxError.FieldTooLarge, Legacy(LegacyFields().With(2, Filled(9, 0x01))));

    [Fact]
    public void Rejects_a_nine_byte_nonce() =>
        AssertRejected(TxError.FieldTooLarge, Typed(TxType.DynamicFee, DynamicFeeFields().With(1, Filled(9, 0x01))));

    [Theory]
    [InlineData(19)]
    [InlineData(21)]
    [InlineData(1)]
    public void Rejects_a_recipient_that_is_neither_empty_nor_20_bytes(int length) =>
        AssertRejected(TxError.InvalidAddress, Typed(TxType.DynamicFee, DynamicFeeFields().With(DynamicFeeToIndex, Filled(length, 0x11))));

    [Fact]
    public void Decodes_an_empty_recipient_as_contract_creation()
    {
        var tx = TxDecoder.Decode(Typed(TxType.DynamicFee, DynamicFeeFields().With(DynamicFeeToIndex, Bytes())));
        Assert.Null(tx.To);
        Assert.True(tx.IsContractCreation);
    }

    [Fact]
    public void Rejects_a_list_where_an_integer_belongs()
    {
        var error = AssertRejected(TxError.MalformedRlp, Legacy(LegacyFields().With(2, List(Int(1)))));
        Assert.Equal(RlpError.UnexpectedList, Assert.IsType<RlpException>(error.InnerException).Error);
    }

    [Fact]
    public void Rejects_an_access_list_address_of_19_bytes() =>
        AssertAccessListRejected(TxError.InvalidAccessList, List(List(Filled(19, 0x22), List())));

    [Fact]
    public void Rejects_an_access_list_address_of_21_bytes() =>
        AssertAccessListRejected(TxError.InvalidAccessList, List(List(Filled(21, 0x22), List())));

    [Fact]
    public void Rejects_an_access_list_storage_key_of_31_bytes() =>
        AssertAccessListRejected(TxError.InvalidAccessList, List(List(Filled(20, 0x22), List(Filled(31, 0x33)))));

    [Fact]
    public void Rejects_an_access_list_storage_key_with_a_leading_zero_making_33_bytes() =>
        AssertAccessListRejected(TxError.InvalidAccessList, List(List(Filled(20, 0x22), List(Bytes([0x00, .. Enumerable.Repeat((byte)0x33, 32)])))));

    [Fact]
    public void Rejects_an_access_list_entry_without_its_storage_key_list() =>
        AssertAccessListRejected(TxError.InvalidAccessList, List(List(Filled(20, 0x22))));

    [Fact]
    public void Rejects_an_empty_access_list_entry() => AssertAccessListRejected(TxError.InvalidAccessList, List(List()));

    [Fact]
    public void Rejects_an_access_list_entry_with_a_third_item() =>
        AssertAccessListRejected(TxError.InvalidAccessList, List(List(Filled(20, 0x22), List(), Int(1))));

    [Fact]
    public void Rejects_an_access_list_entry_that_is_a_string() => AssertAccessListRejected(TxError.MalformedRlp, List(Filled(20, 0x22)));

    [Fact]
    public void Rejects_an_access_list_that_is_a_string() => AssertAccessListRejected(TxError.MalformedRlp, Bytes());

    [Fact]
    public void Rejects_a_storage_key_list_that_is_a_string() =>
        AssertAccessListRejected(TxError.MalformedRlp, List(List(Filled(20, 0x22), Filled(32, 0x33))));

    [Fact]
    public void Rejects_y_parity_2() => AssertRejected(TxError.InvalidV, Typed(TxType.DynamicFee, DynamicFeeFields().With(9, Int(2))));

    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData(26UL)]
    [InlineData(29UL)]
    [InlineData(34UL)]
    public void Rejects_a_legacy_v_that_is_neither_27_28_nor_eip155(ulong v) =>
        AssertRejected(TxError.InvalidV, Legacy(LegacyFields().With(6, Int(v))));

    [Fact]
    public void Rejects_a_legacy_v_implying_a_chain_id_above_the_eip2294_bound() =>
        AssertRejected(TxError.InvalidChainId, Legacy(LegacyFields().With(6, Int((Transaction.MaxChainId * 2) + 37))));

    [Fact]
    public void Accepts_a_legacy_v_for_the_largest_chain_id()
    {
        var tx = TxDecoder.Decode(Legacy(LegacyFields().With(6, Int((Transaction.MaxChainId * 2) + 36))));
        Assert.Equal(Transaction.MaxChainId, tx.ChainId);
        Assert.Equal((byte)1, tx.Signature!.Value.YParity);
    }

    [Fact]
    public void Rejects_a_typed_chain_id_above_the_eip2294_bound() =>
        AssertRejected(TxError.InvalidChainId, Typed(TxType.DynamicFee, DynamicFeeFields().With(0, Int(Transaction.MaxChainId + 1))));

    [Fact]
    public void Raises_only_transaction_format_exceptions_for_every_truncation_and_byte_corruption()
    {
        foreach (var raw in new[] { Typed(TxType.DynamicFee, DynamicFeeFields()), Legacy(LegacyFields()) })
        {
            for (var length = 0; length < raw.Length; length++)
            {
                Assert.Throws<TransactionFormatException>(() => TxDecoder.Decode(raw.AsSpan(0, length)));
            }

            for (var position = 0; position < raw.Length; position++)
            {
                foreach (byte replacement in new byte[] { 0x00, 0x7f, 0x80, 0xb8, 0xbf, 0xc0, 0xf8, 0xff })
                {
                    var mutated = (byte[])raw.Clone();
                    mutated[position] = replacement;
                    try
                    {
                        var tx = TxDecoder.Decode(mutated);
                        Assert.Equal(mutated, TxEncoder.Encode(tx));
                    }
                    catch (TransactionFormatException)
                    {
                    }
                }
            }
        }
    }

    private static void AssertAccessListRejected(TxError expected, RlpItem accessList) =>
        AssertRejected(expected, Typed(TxType.DynamicFee, DynamicFeeFields().With(DynamicFeeAccessListIndex, accessList)));

    private static void AssertRlpError(RlpError expected, byte[] raw)
    {
        var error = AssertRejected(TxError.MalformedRlp, raw);
        Assert.Equal(expected, Assert.IsType<RlpException>(error.InnerException).Error);
    }

    private static TransactionFormatException AssertRejected(TxError expected, byte[] raw)
    {
        var error = Assert.Throws<TransactionFormatException>(() => TxDecoder.Decode(raw));
        Assert.Equal(expected, error.Error);
        return error;
    }
}
