using Aro.Core;
using Aro.Core.Transactions;

namespace Aro.Execution.TxPool;

/// <summary>The outcome of <see cref="TxPool.Add(Transaction)"/>: accepted (pending or queued) or refused with a reason.</summary>
public readonly struct TxPoolAddResult
{
    private TxPoolAddResult(TxPoolError error, string message, Hash256 hash, TxError? txError, bool isPending, Hash256? replaced)
    {
        Error = error;
        Message = message;
        Hash = hash;
        TxError = txError;
        IsPending = isPending;
        Replaced = replaced;
    }

    public TxPoolError Error { get; }

    public bool IsAccepted => Error == TxPoolError.None;

    /// <summary>go-ethereum's message (see <see cref="TxPoolErrors.Message"/>), possibly followed by ": details"; empty when accepted.</summary>
    public string Message { get; }

    /// <summary>The JSON-RPC error code to answer with; 0 when accepted.</summary>
    public int JsonRpcCode => TxPoolErrors.JsonRpcCode(Error);

    /// <summary>The transaction hash; zero when the bytes did not decode.</summary>
    public Hash256 Hash { get; }

    /// <summary>The decoder's, validator's or sender recovery's reason when one of them refused the transaction.</summary>
    public TxError? TxError { get; }

    /// <summary>Accepted as executable now (no nonce gap); false for queued or refused.</summary>
    public bool IsPending { get; }

    /// <summary>The hash of the transaction this one replaced (same sender and nonce).</summary>
    public Hash256? Replaced { get; }

    internal static TxPoolAddResult Accepted(Hash256 hash, bool isPending, Hash256? replaced) =>
        new(TxPoolError.None, "", hash, null, isPending, replaced);

    internal static TxPoolAddResult Refused(TxPoolError error, Hash256 hash, string? details = null) =>
        new(error, Compose(error, details), hash, null, false, null);

    internal static TxPoolAddResult Refused(TransactionFormatException exception, Hash256 hash)
    {
        var error = TxPoolErrors.FromTxError(exception.Error);
        return new(error, Compose(error, exception.Message), hash, exception.Error, false, null);
    }

    public override string ToString() => IsAccepted ? $"accepted {Hash} ({(IsPending ? "pending" : "queued")})" : $"{Error}: {Message}";

    private static string Compose(TxPoolError error, string? details) =>
        string.IsNullOrEmpty(details) ? TxPoolErrors.Message(error) : $"{TxPoolErrors.Message(error)}: {details}";
}
