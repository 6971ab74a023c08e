using Aro.Core.Crypto;

namespace Aro.Core.Transactions;

/// <summary>
/// Recovers a transaction's sender from its signature under current rules: r and s in [1, n − 1],
/// s ≤ n/2 (EIP-2). Works on the stack: nothing is allocated unless the signing preimage is large.
/// </summary>
public static class TxSender
{
    /// <exception cref="TransactionFormatException">Unsigned, invalid or high-s signature, or no key recovers.</exception>
    public static Address Recover(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var error = TryRecoverCore(transaction, out var sender);
        return error is null ? sender : throw new TransactionFormatException(error.Value, Describe(error.Value));
    }

    /// <summary>False when <see cref="Recover"/> would throw.</summary>
    public static bool TryRecover(Transaction transaction, out Address sender)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return TryRecoverCore(transaction, out sender) is null;
    }

    private static TxError? TryRecoverCore(Transaction transaction, out Address sender)
    {
        sender = default;
        if (transaction.Signature is not { } signature)
        {
            return TxError.Unsigned;
        }

        if (signature.CheckValues() is { } invalid)
        {
            return invalid;
        }

        Span<byte> hash = stackalloc byte[Keccak256.Size];
        Span<byte> rs = stackalloc byte[Secp256k1.SignatureLength];
        Span<byte> publicKey = stackalloc byte[Secp256k1.UncompressedPublicKeyLength];
        TxEncoder.WriteSigningHash(transaction, hash);
        signature.WriteCompact(rs);
        if (!Secp256k1.TryRecoverPublicKey(hash, rs, signature.YParity, publicKey))
        {
            return TxError.InvalidSignature;
        }

        sender = Address.FromPublicKey(publicKey);
        return null;
    }

    private static string Describe(TxError error) => error switch
    {
        TxError.Unsigned => "The transaction is unsigned.",
        TxError.HighS => "Signature s is above n/2 (EIP-2).",
        _ => "Invalid signature: r or s out of range, or no public key recovers from it.",
    };
}
