using System.Collections.Immutable;
using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Core.Transactions;

namespace Aro.Core.Tests.Blocks.Builders;

/// <summary>A successful legacy receipt without logs unless told otherwise.</summary>
internal sealed class ReceiptBuilder
{
    private readonly List<Log> _logs = [];
    private TxType _type = TxType.Legacy;
    private bool _succeeded = true;
    private ulong _cumulativeGasUsed = 21_000;

    public Receipt TestObject => Receipt.Create(_type, _succeeded, _cumulativeGasUsed, [.. _logs]);

    public ReceiptBuilder OfType(TxType type)
    {
        _type = type;
        return this;
    }

    public ReceiptBuilder Failed()
    {
        _succeeded = false;
        return this;
    }

    public ReceiptBuilder WithCumulativeGas(ulong gas)
    {
        _cumulativeGasUsed = gas;
        return this;
    }

    public ReceiptBuilder WithLog(Address address, byte[] data, params string[] topicSeeds)
    {
        _logs.Add(new Log(address, [.. topicSeeds.Select(seed => Keccak256.Hash(System.Text.Encoding.ASCII.GetBytes(seed)))], data));
        return this;
    }
}
