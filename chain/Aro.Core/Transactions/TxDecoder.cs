using Aro.Core.Crypto;
using Aro.Core.Rlp;

namespace Aro.Core.Transactions;

/// <summary>
/// Decodes the network form of a transaction (what eth_sendRawTransaction receives): a legacy RLP
/// list, or an EIP-2718 envelope type ‖ rlp(fields). Only the canonical encoding is accepted, so the
/// hash of the input is the transaction's hash. Decoding checks form, not rules: see <see cref="TxValidator"/>.
/// </summary>
public static class TxDecoder
{
    /// <exception cref="TransactionFormatException">Anything that is not exactly one well-formed transaction.</exception>
    public static Transaction Decode(ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty)
        {
            throw new TransactionFormatException(TxError.MalformedRlp, "Empty input is not a transaction.");
        }

        Transaction decoded;
        try
        {
            decoded = raw[0] switch
            {
                >= 0xc0 => DecodeLegacy(raw),
                (byte)TxType.AccessList => DecodeAccessList(raw),
                (byte)TxType.DynamicFee => DecodeDynamicFee(raw),
                < 0x80 => throw new TransactionFormatException(TxError.UnknownType, $"Unsupported transaction type 0x{raw[0]:x2}."),
                _ => throw new TransactionFormatException(
                    TxError.UnknownType, $"First byte 0x{raw[0]:x2} is an RLP string header: neither a type byte (0x00–0x7f) nor a legacy list."),
            };
        }
        catch (RlpException e)
        {
            throw new TransactionFormatException(TxError.MalformedRlp, $"Transaction is not canonical RLP: {e.Message}", e);
        }

        return decoded;
    }

    private static Transaction DecodeLegacy(ReadOnlySpan<byte> raw)
    {
        var fields = OpenFields(raw, TxType.Legacy);
        var nonce = fields.ReadUInt64("nonce");
        var gasPrice = fields.ReadUInt256("gasPrice");
        var gasLimit = fields.ReadUInt64("gasLimit");
        var to = fields.ReadTo();
        var value = fields.ReadUInt256("value");
        var data = fields.ReadData();
        var v = fields.ReadUInt256("v");
        var r = fields.ReadUInt256("r");
        var s = fields.ReadUInt256("s");
        fields.EnsureEnd();

        var (chainId, yParity) = SplitLegacyV(v);
        return new Transaction(
            TxType.Legacy, chainId, nonce, gasPrice, gasPrice, gasLimit, to, value, data, [], new TxSignature(yParity, r, s), Keccak256.Hash(raw));
    }

    private static Transaction DecodeAccessList(ReadOnlySpan<byte> raw)
    {
        var fields = OpenFields(raw[1..], TxType.AccessList);
        var chainId = fields.ReadChainId();
        var nonce = fields.ReadUInt64("nonce");
        var gasPrice = fields.ReadUInt256("gasPrice");
        var gasLimit = fields.ReadUInt64("gasLimit");
        var to = fields.ReadTo();
        var value = fields.ReadUInt256("value");
        var data = fields.ReadData();
        var accessList = fields.ReadAccessList();
        var yParity = fields.ReadYParity();
        var r = fields.ReadUInt256("r");
        var s = fields.ReadUInt256("s");
        fields.EnsureEnd();
        return new Transaction(
            TxType.AccessList, chainId, nonce, gasPrice, gasPrice, gasLimit, to, value, data, accessList, new TxSignature(yParity, r, s), Keccak256.Hash(raw));
    }

    private static Transaction DecodeDynamicFee(ReadOnlySpan<byte> raw)
    {
        var fields = OpenFields(raw[1..], TxType.DynamicFee);
        var chainId = fields.ReadChainId();
        var nonce = fields.ReadUInt64("nonce");
        var maxPriorityFeePerGas = fields.ReadUInt256("maxPriorityFeePerGas");
        var maxFeePerGas = fields.ReadUInt256("maxFeePerGas");
        var gasLimit = fields.ReadUInt64("gasLimit");
        var to = fields.ReadTo();
        var value = fields.ReadUInt256("value");
        var data = fields.ReadData();
        var accessList = fields.ReadAccessList();
        var yParity = fields.ReadYParity();
        var r = fields.ReadUInt256("r");
        var s = fields.ReadUInt256("s");
        fields.EnsureEnd();
        return new Transaction(
            TxType.DynamicFee, chainId, nonce, maxFeePerGas, maxPriorityFeePerGas, gasLimit, to, value, data, accessList, new TxSignature(yParity, r, s), Keccak256.Hash(raw));
    }

    /// <summary>The input must be exactly one list (nothing after it); returns a reader over its items.</summary>
    private static TxFieldReader OpenFields(ReadOnlySpan<byte> rlp, TxType type)
    {
        var reader = new RlpReader(rlp);
        var fields = reader.ReadList();
        reader.EnsureEnd();
        return new TxFieldReader(fields, type);
    }

    /// <summary>v = 27/28 before EIP-155; chainId·2 + 35 + parity after it.</summary>
    private static (ulong? ChainId, byte YParity) SplitLegacyV(UInt256 v)
    {
        if (v == 27 || v == 28)
        {
            return (null, (byte)((ulong)v - 27));
        }

        if (v < 35)
        {
            throw new TransactionFormatException(TxError.InvalidV, $"Legacy transaction: v is {v}; it must be 27, 28 or chainId·2 + 35/36 (EIP-155).");
        }

        if (v > (Transaction.MaxChainId * 2) + 36)
        {
            throw new TransactionFormatException(TxError.InvalidChainId, $"Legacy transaction: v {v} implies a chain id above {Transaction.MaxChainId} (EIP-2294).");
        }

        var offset = (ulong)v - 35;
        return (offset / 2, (byte)(offset & 1));
    }
}
