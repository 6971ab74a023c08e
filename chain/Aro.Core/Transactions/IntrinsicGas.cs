namespace Aro.Core.Transactions;

/// <summary>
/// Gas charged before execution (Cancun rules): the base cost, contract creation, calldata
/// (EIP-2028), the access list (EIP-2930) and init-code words (EIP-3860).
/// </summary>
public static class IntrinsicGas
{
    public const ulong Transaction = 21_000;
    public const ulong ContractCreation = 32_000;
    public const ulong DataZeroByte = 4;
    public const ulong DataNonZeroByte = 16;
    public const ulong AccessListAddress = 2_400;
    public const ulong AccessListStorageKey = 1_900;
    public const ulong InitCodeWord = 2;

    /// <summary>Cannot overflow: data and access lists are bounded by int lengths.</summary>
    public static ulong Calculate(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var data = transaction.Data.Span;
        var zeros = (ulong)data.Count((byte)0);
        var gas = Transaction + (zeros * DataZeroByte) + (((ulong)data.Length - zeros) * DataNonZeroByte);

        if (transaction.IsContractCreation)
        {
            gas += ContractCreation + ((((ulong)data.Length + 31) / 32) * InitCodeWord);
        }

        foreach (var entry in transaction.AccessList)
        {
            gas += AccessListAddress + ((ulong)entry.StorageKeys.Length * AccessListStorageKey);
        }

        return gas;
    }
}
