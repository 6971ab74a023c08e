using Aro.Core;
using Aro.Core.Transactions;
using Aro.Execution.TxPool;
using Pool = Aro.Execution.TxPool.TxPool;

namespace Aro.Execution.Tests.TxPool;

public class TxPoolAdmissionTests
{
    [Fact]
    public void Accepts_a_transaction_at_the_account_nonce_as_pending()
    {
        var pool = TestPool.Create();
        var tx = TestTx.From(TestTx.KeyA).Nonce(0).Build();

        var result = pool.AssertAccepted(tx);

        Assert.True(result.IsPending);
        Assert.Equal(tx.Hash, result.Hash);
        Assert.Equal(0, result.JsonRpcCode);
        Assert.Equal((1, 0), (pool.PendingCount, pool.QueuedCount));
        Assert.True(pool.TryGet(tx.Hash, out var pooled));
        Assert.Equal(TestPool.A, pooled!.Sender);
    }

    [Fact]
    public void Accepts_raw_bytes_and_keeps_the_hash_of_the_input()
    {
        var pool = TestPool.Create();
        var raw = TestTx.From(TestTx.KeyA).Nonce(0).Raw();

        var result = pool.Add(raw);

        Assert.True(result.IsAccepted, result.ToString());
        Assert.Equal(Core.Crypto.Keccak256.Hash(raw), result.Hash);
    }

    [Fact]
    public void Refuses_the_same_transaction_twice_as_already_known()
    {
        var pool = TestPool.Create();
        var tx = TestTx.From(TestTx.KeyA).Nonce(0).Build();
        pool.AssertAccepted(tx);

        pool.AssertRefused(tx, TxPoolError.AlreadyKnown);
    }

    [Fact]
    public void Refuses_a_nonce_below_the_account_nonce()
    {
        var pool = TestPool.Create(TestState.Funded().WithNonce(TestTx.KeyA, 5));

        pool.AssertRefused(TestTx.From(TestTx.KeyA).Nonce(4).Build(), TxPoolError.NonceTooLow);
    }

    [Fact]
    public void Refuses_when_the_balance_does_not_cover_value_plus_gas_times_max_fee()
    {
        // 21,000 × 10 + 1 = 210,001 wei needed.
        var pool = TestPool.Create(new TestState().Fund(TestTx.KeyA, 210_000));

        pool.AssertRefused(TestTx.From(TestTx.KeyA).MaxFee(10).Value(1).Build(), TxPoolError.InsufficientFunds);
    }

    [Fact]
    public void Accepts_when_the_balance_covers_the_cost_exactly()
    {
        var pool = TestPool.Create(new TestState().Fund(TestTx.KeyA, 210_001));

        pool.AssertAccepted(TestTx.From(TestTx.KeyA).MaxFee(10).Value(1).Build());
    }

    [Fact]
    public void Counts_the_senders_other_pooled_transactions_against_the_balance()
    {
        var pool = TestPool.Create(new TestState().Fund(TestTx.KeyA, 2 * 210_000));
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(0).MaxFee(10).Build());
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Nonce(1).MaxFee(10).Build());

        pool.AssertRefused(TestTx.From(TestTx.KeyA).Nonce(2).MaxFee(10).Build(), TxPoolError.InsufficientFunds);
    }

    [Fact]
    public void Refuses_a_gas_limit_below_the_intrinsic_gas()
    {
        var pool = TestPool.Create();

        pool.AssertRefused(TestTx.From(TestTx.KeyA).Gas(20_999).Build(), TxPoolError.IntrinsicGasTooLow);
    }

    [Fact]
    public void Refuses_a_gas_limit_above_the_block_gas_limit()
    {
        var pool = TestPool.Create(options: TestPool.Options with { BlockGasLimit = 100_000 });

        pool.AssertRefused(TestTx.From(TestTx.KeyA).Gas(100_001).Build(), TxPoolError.ExceedsBlockGasLimit);
    }

    [Fact]
    public void Refuses_a_tip_below_the_minimum_priority_fee()
    {
        var pool = TestPool.Create(options: TestPool.Options with { MinPriorityFee = 2 });

        pool.AssertRefused(TestTx.From(TestTx.KeyA).Tip(1).Build(), TxPoolError.Underpriced);
    }

    [Fact]
    public void Refuses_a_max_fee_below_the_minimum_gas_price()
    {
        var pool = TestPool.Create(options: TestPool.Options with { MinGasPrice = 11 });

        pool.AssertRefused(TestTx.From(TestTx.KeyA).MaxFee(10).Build(), TxPoolError.Underpriced);
    }

    [Fact]
    public void Refuses_a_max_fee_below_the_base_fee()
    {
        var pool = TestPool.Create(options: TestPool.Options with { BaseFee = 11 });

        pool.AssertRefused(TestTx.From(TestTx.KeyA).MaxFee(10).Build(), TxPoolError.FeeCapBelowBaseFee);
    }

    [Fact]
    public void Refuses_a_tip_above_the_max_fee()
    {
        var pool = TestPool.Create();

        pool.AssertRefused(TestTx.From(TestTx.KeyA).Tip(11).MaxFee(10).Build(), TxPoolError.TipAboveFeeCap);
    }

    [Fact]
    public void Refuses_raw_bytes_above_the_size_limit_before_decoding()
    {
        var pool = TestPool.Create(options: TestPool.Options with { MaxTxSize = 1_000 });
        var raw = TestTx.From(TestTx.KeyA).Gas(100_000).Data(new byte[1_000]).Raw();

        pool.AssertRefused(raw, TxPoolError.OversizedData);
        pool.AssertRefused(TxDecoder.Decode(raw), TxPoolError.OversizedData);
    }

    [Fact]
    public void Accepts_a_transaction_of_exactly_the_size_limit()
    {
        var raw = TestTx.From(TestTx.KeyA).Gas(100_000).Data(new byte[1_000]).Raw();
        var pool = TestPool.Create(options: TestPool.Options with { MaxTxSize = raw.Length });

        Assert.True(pool.Add(raw).IsAccepted);
    }

    [Fact]
    public void Refuses_another_chains_transaction()
    {
        var pool = TestPool.Create();

        pool.AssertRefused(TestTx.From(TestTx.KeyA).OnChain(1).Raw(), TxPoolError.InvalidChainId);
    }

    [Fact]
    public void Refuses_a_legacy_transaction_without_replay_protection_by_default()
    {
        var pool = TestPool.Create();

        pool.AssertRefused(TestTx.From(TestTx.KeyA).Unprotected().Build(), TxPoolError.UnprotectedTx);
    }

    [Fact]
    public void Accepts_an_unprotected_legacy_transaction_when_the_policy_allows_it()
    {
        var pool = TestPool.Create(options: TestPool.Options with { AllowUnprotectedTxs = true });

        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Unprotected().Build());
    }

    [Fact]
    public void Accepts_an_EIP155_legacy_transaction()
    {
        var pool = TestPool.Create();

        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Legacy().Build());
    }

    [Fact]
    public void Refuses_a_high_s_signature()
    {
        var pool = TestPool.Create();
        var tx = TestTx.From(TestTx.KeyA).Build();
        var signature = tx.Signature!.Value;
        var highS = tx.WithSignature(new TxSignature((byte)(signature.YParity ^ 1), signature.R, SecpOrder - signature.S));

        pool.AssertRefused(TxEncoder.Encode(highS), TxPoolError.InvalidSignature);
        pool.AssertRefused(highS, TxPoolError.InvalidSignature);
    }

    [Fact]
    public void Refuses_a_signature_no_key_recovers_from_as_invalid_sender()
    {
        var pool = TestPool.Create();
        var tx = TestTx.From(TestTx.KeyA).Build();

        // r in range but not the x of any curve point: the first such r, found by trying recovery.
        var unrecoverable = tx;
        for (ulong r = 1; TxSender.TryRecover(unrecoverable, out _); r++)
        {
            unrecoverable = tx.WithSignature(new TxSignature(0, r, 1));
        }

        pool.AssertRefused(unrecoverable, TxPoolError.InvalidSender);
    }

    [Fact]
    public void Refuses_an_unsigned_transaction_as_invalid_sender()
    {
        var pool = TestPool.Create();
        var unsigned = Transaction.DynamicFee(TestTx.ChainId, 0, 1, 10, 21_000, TestTx.Recipient, 0, [], []);

        pool.AssertRefused(unsigned, TxPoolError.InvalidSender);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x80")]
    [InlineData("0x03c0")]
    [InlineData("0xc0")]
    [InlineData("0x02f86a")]
    public void Refuses_malformed_raw_bytes_with_invalid_params(string hex)
    {
        var pool = TestPool.Create();
        pool.AssertAccepted(TestTx.From(TestTx.KeyA).Build());
        var raw = Hex.Decode(hex);

        var result = pool.Add(raw);

        Assert.False(result.IsAccepted);
        Assert.NotNull(result.TxError);
        Assert.Contains(result.Error, new[] { TxPoolError.MalformedTransaction, TxPoolError.TxTypeNotSupported });
        pool.AssertRefused(raw, result.Error);
    }

    [Fact]
    public void Maps_undecodable_bytes_to_invalid_params_and_pool_refusals_to_the_server_error_code()
    {
        var pool = TestPool.Create(TestState.Funded().WithNonce(TestTx.KeyA, 1));

        Assert.Equal(-32602, pool.Add(Hex.Decode("0xc0")).JsonRpcCode);
        Assert.Equal(-32000, pool.Add(TestTx.From(TestTx.KeyA).Nonce(0).Build()).JsonRpcCode);
    }

    [Fact]
    public void Keeps_a_replayed_nonce_out_after_the_head_moves_past_it()
    {
        var state = TestState.Funded();
        var pool = TestPool.Create(state);
        var tx = TestTx.From(TestTx.KeyA).Nonce(0).Build();
        pool.AssertAccepted(tx);
        pool.OnNewHead(state.WithNonce(TestTx.KeyA, 1), 1);

        pool.AssertRefused(tx, TxPoolError.NonceTooLow);
    }

    internal static readonly UInt256 SecpOrder = UInt256.Parse("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
}
