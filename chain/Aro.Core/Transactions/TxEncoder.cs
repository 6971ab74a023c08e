using System.Buffers;
using Aro.Core.Crypto;
using Aro.Core.Rlp;

namespace Aro.Core.Transactions;

/// <summary>
/// Canonical encodings of a transaction: the network form (what <see cref="TxDecoder"/> reads and the
/// hash covers) and the signing preimage (what the sender signs). Sizes are measured first, then
/// written once into an exact buffer.
/// </summary>
public static class TxEncoder
{
    // Preimages up to this size are built on the stack; larger ones (big calldata) use a pooled buffer.
    private const int StackLimit = 512;

    private enum Form
    {
        Network,
        SigningPreimage,
    }

    /// <summary>The network form: rlp(fields ‖ v, r, s) for legacy, type ‖ rlp(fields ‖ yParity, r, s) for typed.</summary>
    /// <exception cref="InvalidOperationException">The transaction is unsigned.</exception>
    public static byte[] Encode(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        transaction.RequireSignature();
        return ToArray(transaction, Form.Network);
    }

    /// <summary>Length of <see cref="Encode"/>'s output.</summary>
    public static int EncodedLength(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        transaction.RequireSignature();
        return TotalLength(transaction, Form.Network, out _);
    }

    /// <summary>
    /// What is hashed for signing: rlp(nonce, gasPrice, gasLimit, to, value, data) before EIP-155,
    /// the same plus (chainId, 0, 0) with it, and type ‖ rlp(fields without signature) for typed transactions.
    /// </summary>
    public static byte[] EncodeForSigning(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return ToArray(transaction, Form.SigningPreimage);
    }

    /// <summary>keccak256 of <see cref="EncodeForSigning"/>: the digest the sender's key signs.</summary>
    public static Hash256 SigningHash(Transaction transaction)
    {
        Span<byte> hash = stackalloc byte[Keccak256.Size];
        WriteSigningHash(transaction, hash);
        return new Hash256(hash);
    }

    internal static void WriteSigningHash(Transaction transaction, Span<byte> hash32)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        HashForm(transaction, Form.SigningPreimage, hash32);
    }

    internal static Hash256 ComputeHash(Transaction transaction)
    {
        Span<byte> hash = stackalloc byte[Keccak256.Size];
        HashForm(transaction, Form.Network, hash);
        return new Hash256(hash);
    }

    private static void HashForm(Transaction transaction, Form form, Span<byte> hash32)
    {
        var length = TotalLength(transaction, form, out var contentLength);
        byte[]? rented = null;
        Span<byte> buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            Write(transaction, form, contentLength, buffer[..length]);
            Keccak256.Hash(buffer[..length], hash32);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static byte[] ToArray(Transaction transaction, Form form)
    {
        var result = new byte[TotalLength(transaction, form, out var contentLength)];
        Write(transaction, form, contentLength, result);
        return result;
    }

    private static int TotalLength(Transaction transaction, Form form, out int contentLength)
    {
        contentLength = ContentLength(transaction, form);
        return (transaction.Type == TxType.Legacy ? 0 : 1) + RlpWriter.LengthOfList(contentLength);
    }

    private static int ContentLength(Transaction tx, Form form)
    {
        var length = RlpWriter.LengthOfUInt64(tx.Nonce)
            + RlpUInt256Extensions.LengthOfUInt256(tx.GasPrice)
            + RlpWriter.LengthOfUInt64(tx.GasLimit)
            + (tx.To is null ? 1 : RlpUInt256Extensions.AddressLength)
            + RlpUInt256Extensions.LengthOfUInt256(tx.Value)
            + RlpWriter.LengthOfBytes(tx.Data.Span);

        if (tx.Type == TxType.Legacy)
        {
            if (form == Form.Network)
            {
                var signature = tx.RequireSignature();
                length += RlpWriter.LengthOfUInt64(tx.V) + SignatureValuesLength(signature);
            }
            else if (tx.ChainId is { } chainId)
            {
                length += RlpWriter.LengthOfUInt64(chainId) + 2;
            }

            return length;
        }

        length += RlpWriter.LengthOfUInt64(tx.ChainId!.Value) + RlpWriter.LengthOfList(AccessListContentLength(tx));
        if (tx.Type == TxType.DynamicFee)
        {
            length += RlpUInt256Extensions.LengthOfUInt256(tx.MaxPriorityFeePerGas);
        }

        if (form == Form.Network)
        {
            length += 1 + SignatureValuesLength(tx.RequireSignature());
        }

        return length;
    }

    private static int SignatureValuesLength(in TxSignature signature) =>
        RlpUInt256Extensions.LengthOfUInt256(signature.R) + RlpUInt256Extensions.LengthOfUInt256(signature.S);

    private static int AccessListContentLength(Transaction tx)
    {
        var length = 0;
        foreach (var entry in tx.AccessList)
        {
            length += RlpWriter.LengthOfList(AccessEntryContentLength(entry));
        }

        return length;
    }

    // Storage keys are 32-byte strings: 0xa0 plus the key, 33 bytes each.
    private static int AccessEntryContentLength(in AccessListEntry entry) =>
        RlpUInt256Extensions.AddressLength + RlpWriter.LengthOfList(entry.StorageKeys.Length * (1 + Hash256.Size));

    private static void Write(Transaction tx, Form form, int contentLength, Span<byte> destination)
    {
        if (tx.Type != TxType.Legacy)
        {
            destination[0] = (byte)tx.Type;
            destination = destination[1..];
        }

        var writer = new RlpWriter(destination);
        writer.WriteListHeader(contentLength);
        if (tx.Type != TxType.Legacy)
        {
            writer.WriteUInt64(tx.ChainId!.Value);
        }

        writer.WriteUInt64(tx.Nonce);
        if (tx.Type == TxType.DynamicFee)
        {
            writer.WriteUInt256(tx.MaxPriorityFeePerGas);
        }

        writer.WriteUInt256(tx.GasPrice);
        writer.WriteUInt64(tx.GasLimit);
        if (tx.To is { } to)
        {
            writer.WriteAddress(to);
        }
        else
        {
            writer.WriteBytes([]);
        }

        writer.WriteUInt256(tx.Value);
        writer.WriteBytes(tx.Data.Span);
        if (tx.Type != TxType.Legacy)
        {
            WriteAccessList(ref writer, tx);
        }

        if (form == Form.Network)
        {
            var signature = tx.RequireSignature();
            writer.WriteUInt64(tx.V);
            writer.WriteUInt256(signature.R);
            writer.WriteUInt256(signature.S);
        }
        else if (tx.Type == TxType.Legacy && tx.ChainId is { } chainId)
        {
            writer.WriteUInt64(chainId);
            writer.WriteUInt64(0);
            writer.WriteUInt64(0);
        }
    }

    private static void WriteAccessList(ref RlpWriter writer, Transaction tx)
    {
        writer.WriteListHeader(AccessListContentLength(tx));
        foreach (var entry in tx.AccessList)
        {
            writer.WriteListHeader(AccessEntryContentLength(entry));
            writer.WriteAddress(entry.Address);
            writer.WriteListHeader(entry.StorageKeys.Length * (1 + Hash256.Size));
            foreach (var key in entry.StorageKeys)
            {
                writer.WriteBytes(key.Bytes);
            }
        }
    }
}
