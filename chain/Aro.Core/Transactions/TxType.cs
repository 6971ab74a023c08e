namespace Aro.Core.Transactions;

/// <summary>The EIP-2718 envelope type. Legacy transactions have no type byte on the wire.</summary>
public enum TxType : byte
{
    Legacy = 0,

    /// <summary>EIP-2930: chain id, gas price and an access list.</summary>
    AccessList = 1,

    /// <summary>EIP-1559: priority fee and fee cap instead of a gas price.</summary>
    DynamicFee = 2,
}
