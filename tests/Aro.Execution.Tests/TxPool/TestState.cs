using System.Collections.Concurrent;
using Aro.Core;
using Aro.Execution.TxPool;

namespace Aro.Execution.Tests.TxPool;

/// <summary>Account nonces and balances of a head; thread-safe like the real state reader must be.</summary>
internal sealed class TestState : ITxPoolStateReader
{
    private readonly ConcurrentDictionary<Address, ulong> _nonces = new();
    private readonly ConcurrentDictionary<Address, UInt256> _balances = new();

    public static readonly UInt256 Rich = UInt256.Parse("1000000000000000000000");

    /// <summary>KeyA, KeyB and KeyC funded with 1000 ether each.</summary>
    public static TestState Funded() =>
        new TestState().Fund(TestTx.KeyA, Rich).Fund(TestTx.KeyB, Rich).Fund(TestTx.KeyC, Rich);

    public TestState Fund(byte[] key, UInt256 balance) => Fund(TestTx.AddressOf(key), balance);

    public TestState Fund(Address address, UInt256 balance)
    {
        _balances[address] = balance;
        return this;
    }

    public TestState WithNonce(byte[] key, ulong nonce)
    {
        _nonces[TestTx.AddressOf(key)] = nonce;
        return this;
    }

    public ulong GetNonce(Address address) => _nonces.GetValueOrDefault(address);

    public UInt256 GetBalance(Address address) => _balances.GetValueOrDefault(address);
}
