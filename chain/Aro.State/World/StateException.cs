using Aro.Core;

namespace Aro.State.World;

/// <summary>A state change or state read that cannot be carried out.</summary>
public abstract class StateException : Exception
{
    protected StateException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>A debit larger than the account's balance. Nothing was changed.</summary>
public sealed class InsufficientBalanceException : StateException
{
    public InsufficientBalanceException(Address address, UInt256 balance, UInt256 amount)
        : base($"Account {address} holds {balance}, cannot debit {amount}.")
    {
        Address = address;
        Balance = balance;
        Amount = amount;
    }

    public Address Address { get; }

    public UInt256 Balance { get; }

    public UInt256 Amount { get; }
}

/// <summary>A credit that would take a balance past 2^256 - 1. Nothing was changed.</summary>
public sealed class BalanceOverflowException : StateException
{
    public BalanceOverflowException(Address address)
        : base($"Crediting account {address} overflows its balance.") => Address = address;

    public Address Address { get; }
}

/// <summary>A nonce increment past 2^64 - 1 (EIP-2681). Nothing was changed.</summary>
public sealed class NonceOverflowException : StateException
{
    public NonceOverflowException(Address address)
        : base($"The nonce of account {address} is at its maximum.") => Address = address;

    public Address Address { get; }
}

/// <summary>Stored or proven state bytes (an account, a storage value) that are not canonical.</summary>
public sealed class StateEncodingException : StateException
{
    public StateEncodingException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
