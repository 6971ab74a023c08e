using Aro.Core;
using Aro.Execution.TxPool;

namespace Aro.Execution.Tests.TxPool;

/// <summary>Counts the reads the pool makes of a head's state; <see cref="OnRead"/> runs before each account read.</summary>
internal sealed class CountingState(ITxPoolStateReader inner) : ITxPoolStateReader
{
    private int _accountReads;
    private int _singleReads;

    public int AccountReads => _accountReads;

    public int SingleReads => _singleReads;

    public Action<Address>? OnRead { get; set; }

    public ulong GetNonce(Address address)
    {
        Interlocked.Increment(ref _singleReads);
        return inner.GetNonce(address);
    }

    public UInt256 GetBalance(Address address)
    {
        Interlocked.Increment(ref _singleReads);
        return inner.GetBalance(address);
    }

    public (ulong Nonce, UInt256 Balance) GetNonceAndBalance(Address address)
    {
        Interlocked.Increment(ref _accountReads);
        OnRead?.Invoke(address);
        return (inner.GetNonce(address), inner.GetBalance(address));
    }
}
