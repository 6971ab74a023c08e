using System.Security.Cryptography;
using Aro.Core.Crypto;

namespace Aro.Core.Transactions;

/// <summary>Signs transactions: RFC 6979 nonces and low s, so a signature is reproducible byte for byte.</summary>
public static class TxSigner
{
    /// <summary>
    /// Returns <paramref name="transaction"/> signed by <paramref name="privateKey"/> (any existing
    /// signature is replaced). Legacy v follows from the chain id: 27/28 without one, chainId·2 + 35/36 with it.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="privateKey"/> is not a valid 32-byte secp256k1 key.</exception>
    public static Transaction Sign(Transaction transaction, ReadOnlySpan<byte> privateKey)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        Span<byte> hash = stackalloc byte[Keccak256.Size];
        Span<byte> rs = stackalloc byte[Secp256k1.SignatureLength];
        TxEncoder.WriteSigningHash(transaction, hash);
        Secp256k1.SignRecoverable(hash, privateKey, rs, out var recoveryId);

        // Ids 2 and 3 need r ≥ n − p·… (probability ~2^-127); Ethereum's v cannot carry them.
        if (recoveryId > 1)
        {
            throw new CryptographicException("Signature has a recovery id above 1, which a transaction cannot encode.");
        }

        return transaction.WithSignature(new TxSignature(recoveryId, UInt256.FromBigEndian(rs[..32]), UInt256.FromBigEndian(rs[32..])));
    }
}
