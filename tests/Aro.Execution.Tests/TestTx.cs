using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Crypto;
using Aro.Core.Transactions;
using Aro.Execution.Execution;

namespace Aro.Execution.Tests;

/// <summary>Signed test transactions from fixed keys: <c>TestTx.From(TestTx.KeyA).Nonce(0).Tip(2).MaxFee(10).Build()</c>; used by the pool and execution tests.</summary>
internal sealed class TestTx
{
    public const ulong ChainId = 1337;

    public static readonly byte[] KeyA = Key(0xa1);
    public static readonly byte[] KeyB = Key(0xb2);
    public static readonly byte[] KeyC = Key(0xc3);

    public static readonly Address Recipient = Address.Parse("0x" + new string('7', 40));

    private readonly byte[] _key;
    private ulong _nonce;
    private UInt256 _tip = 1;
    private UInt256 _maxFee = 10;
    private UInt256 _value;
    private ulong _gas = 21_000;
    private ulong? _chainId = ChainId;
    private Address? _to = Recipient;
    private byte[] _data = [];
    private bool _legacy;

    private TestTx(byte[] key) => _key = key;

    public static TestTx From(byte[] key) => new(key);

    public static byte[] Key(int seed)
    {
        var key = new byte[32];
        key[0] = 0x01;
        key[30] = (byte)(seed >> 8);
        key[31] = (byte)seed;
        return key;
    }

    public static Address AddressOf(byte[] key)
    {
        Span<byte> publicKey = stackalloc byte[Secp256k1.UncompressedPublicKeyLength];
        Secp256k1.GetPublicKey(key, publicKey);
        return Address.FromPublicKey(publicKey);
    }

    public TestTx Nonce(ulong nonce) { _nonce = nonce; return this; }

    public TestTx Tip(UInt256 tip) { _tip = tip; return this; }

    public TestTx MaxFee(UInt256 maxFee) { _maxFee = maxFee; return this; }

    public TestTx Value(UInt256 value) { _value = value; return this; }

    public TestTx Gas(ulong gas) { _gas = gas; return this; }

    /// <summary>The recipient; null makes a contract creation.</summary>
    public TestTx To(Address? to) { _to = to; return this; }

    public TestTx Data(byte[] data) { _data = data; return this; }

    public TestTx OnChain(ulong chainId) { _chainId = chainId; return this; }

    /// <summary>A legacy transaction priced at the max fee.</summary>
    public TestTx Legacy() { _legacy = true; return this; }

    /// <summary>A legacy transaction without EIP-155 replay protection.</summary>
    public TestTx Unprotected() { _legacy = true; _chainId = null; return this; }

    public Transaction Build()
    {
        var unsigned = _legacy
            ? Transaction.Legacy(_chainId, _nonce, _maxFee, _gas, _to, _value, _data)
            : Transaction.DynamicFee(_chainId!.Value, _nonce, _tip, _maxFee, _gas, _to, _value, _data, ImmutableArray<AccessListEntry>.Empty);
        return TxSigner.Sign(unsigned, _key);
    }

    public byte[] Raw() => TxEncoder.Encode(Build());

    /// <summary>The signed transaction with its sender, as the block executor takes it.</summary>
    public SenderTx Signed() => new(Build(), AddressOf(_key));
}
