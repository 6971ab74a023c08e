using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Crypto;
using Aro.Core.Transactions;
using Aro.Execution.Execution;

namespace Aro.Execution.Tests.Execution;

/// <summary>Signed transactions from fixed keys for execution tests: <c>ExecTx.From(ExecTx.Alice).To(x).Value(5).Build()</c>.</summary>
internal sealed class ExecTx
{
    public const ulong ChainId = 1337;

    public static readonly byte[] Alice = Key(0x11);
    public static readonly byte[] Bob = Key(0x22);

    public static readonly Address Recipient = Address.Parse("0x" + new string('7', 40));
    public static readonly Address Proposer = Address.Parse("0x" + new string('9', 40));

    private readonly byte[] _key;
    private ulong _nonce;
    private UInt256 _tip = 2;
    private UInt256 _maxFee = 20;
    private UInt256 _value;
    private ulong _gas = 21_000;
    private ulong _chainId = ChainId;
    private Address? _to = Recipient;
    private byte[] _data = [];

    private ExecTx(byte[] key) => _key = key;

    public static ExecTx From(byte[] key) => new(key);

    public static byte[] Key(int seed)
    {
        var key = new byte[32];
        key[0] = 0x02;
        key[31] = (byte)seed;
        return key;
    }

    public static Address AddressOf(byte[] key)
    {
        Span<byte> publicKey = stackalloc byte[Secp256k1.UncompressedPublicKeyLength];
        Secp256k1.GetPublicKey(key, publicKey);
        return Address.FromPublicKey(publicKey);
    }

    public static BlockContext Block(UInt256 baseFee, ulong gasLimit = 30_000_000) =>
        new(Number: 7, Timestamp: 1_700_000_000, Proposer, baseFee, gasLimit, ChainId, Epoch: 0);

    public ExecTx Nonce(ulong nonce) { _nonce = nonce; return this; }

    public ExecTx Tip(UInt256 tip) { _tip = tip; return this; }

    public ExecTx MaxFee(UInt256 maxFee) { _maxFee = maxFee; return this; }

    public ExecTx Value(UInt256 value) { _value = value; return this; }

    public ExecTx Gas(ulong gas) { _gas = gas; return this; }

    public ExecTx To(Address? to) { _to = to; return this; }

    public ExecTx Data(byte[] data) { _data = data; return this; }

    public ExecTx OnChain(ulong chainId) { _chainId = chainId; return this; }

    public Transaction Build() => TxSigner.Sign(
        Transaction.DynamicFee(_chainId, _nonce, _tip, _maxFee, _gas, _to, _value, _data, ImmutableArray<AccessListEntry>.Empty),
        _key);

    public SenderTx Signed() => new(Build(), AddressOf(_key));
}
