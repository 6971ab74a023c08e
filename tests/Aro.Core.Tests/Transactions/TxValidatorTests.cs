using System.Collections.Immutable;
using Aro.Core.Transactions;

namespace Aro.Core.Tests.Transactions;

public class TxValidatorTests
{
    private const ulong ChainId = 1;
    private static readonly byte[] Key = Hex.Decode("0x4646464646464646464646464646464646464646464646464646464646464646");
    private static readonly Address Recipient = Address.Parse("0x3535353535353535353535353535353535353535");

    [Fact]
    public void Accepts_a_signed_transfer_for_this_chain() =>
        TxValidator.ValidateStatic(Signed(DynamicFee(nonce: 0, gasLimit: 21_000)), ChainId);

    [Fact]
    public void Accepts_a_pre_eip155_legacy_transaction_on_any_chain() =>
        TxValidator.ValidateStatic(Signed(Transaction.Legacy(null, 0, 1, 21_000, Recipient, 0, [])), chainId: 1234);

    [Fact]
    public void Rejects_an_unsigned_transaction() =>
        AssertInvalid(TxError.Unsigned, DynamicFee(nonce: 0, gasLimit: 21_000));

    [Fact]
    public void Rejects_a_typed_transaction_for_another_chain() =>
        AssertInvalid(TxError.InvalidChainId, Signed(Transaction.DynamicFee(5, 0, 1, 2, 21_000, Recipient, 0, [], [])));

    [Fact]
    public void Rejects_an_eip155_legacy_transaction_for_another_chain() =>
        AssertInvalid(TxError.InvalidChainId, Signed(Transaction.Legacy(5, 0, 1, 21_000, Recipient, 0, [])));

    [Fact]
    public void Rejects_nonce_2_pow_64_minus_1() => AssertInvalid(TxError.NonceTooLarge, Signed(DynamicFee(ulong.MaxValue, 21_000)));

    [Fact]
    public void Accepts_nonce_2_pow_64_minus_2() => TxValidator.ValidateStatic(Signed(DynamicFee(ulong.MaxValue - 1, 21_000)), ChainId);

    [Fact]
    public void Rejects_a_priority_fee_above_the_max_fee() =>
        AssertInvalid(TxError.PriorityFeeAboveMaxFee, Signed(Transaction.DynamicFee(ChainId, 0, 3, 2, 21_000, Recipient, 0, [], [])));

    [Fact]
    public void Rejects_a_gas_limit_times_fee_cap_above_2_pow_256() =>
        AssertInvalid(TxError.GasLimitFeeProductOverflow, Signed(Transaction.DynamicFee(ChainId, 0, 0, UInt256.MaxValue / 20_000, 21_000, Recipient, 0, [], [])));

    [Fact]
    public void Rejects_a_gas_limit_below_the_intrinsic_gas() =>
        AssertInvalid(TxError.IntrinsicGasTooLow, Signed(DynamicFee(nonce: 0, gasLimit: 20_999)));

    [Fact]
    public void Rejects_init_code_above_49152_bytes()
    {
        var tx = Transaction.DynamicFee(ChainId, 0, 1, 2, 30_000_000, null, 0, new byte[TxValidator.MaxInitCodeSize + 1], []);
        AssertInvalid(TxError.InitCodeTooLarge, Signed(tx));
    }

    [Fact]
    public void Accepts_init_code_of_exactly_49152_bytes()
    {
        var tx = Transaction.DynamicFee(ChainId, 0, 1, 2, 30_000_000, null, 0, new byte[TxValidator.MaxInitCodeSize], []);
        TxValidator.ValidateStatic(Signed(tx), ChainId);
    }

    [Fact]
    public void Rejects_a_zero_r() =>
        AssertInvalid(TxError.InvalidSignature, DynamicFee(0, 21_000).WithSignature(new TxSignature(0, UInt256.Zero, UInt256.One)));

    [Fact]
    public void Rejects_an_s_equal_to_the_group_order() =>
        AssertInvalid(TxError.InvalidSignature, DynamicFee(0, 21_000).WithSignature(new TxSignature(0, UInt256.One, SecpOrder)));

    [Fact]
    public void Rejects_an_s_one_above_half_the_group_order() =>
        AssertInvalid(TxError.HighS, DynamicFee(0, 21_000).WithSignature(new TxSignature(0, UInt256.One, (SecpOrder / 2) + UInt256.One)));

    [Fact]
    public void Accepts_an_s_of_exactly_half_the_group_order() =>
        TxValidator.ValidateStatic(DynamicFee(0, 21_000).WithSignature(new TxSignature(0, UInt256.One, SecpOrder / 2)), ChainId);

    internal static readonly UInt256 SecpOrder = UInt256.Parse("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");

    private static Transaction DynamicFee(ulong nonce, ulong gasLimit) =>
        Transaction.DynamicFee(ChainId, nonce, 1, 2, gasLimit, Recipient, 0, [], ImmutableArray<AccessListEntry>.Empty);

    private static Transaction Signed(Transaction tx) => TxSigner.Sign(tx, Key);

    private static void AssertInvalid(TxError expected, Transaction tx) =>
        Assert.Equal(expected, Assert.Throws<TransactionFormatException>(() => TxValidator.ValidateStatic(tx, ChainId)).Error);
}
