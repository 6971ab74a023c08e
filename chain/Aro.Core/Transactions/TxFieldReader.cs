using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Aro.Core.Rlp;

namespace Aro.Core.Transactions;

/// <summary>
/// Reads a transaction's field list and turns each field-level defect into a
/// <see cref="TransactionFormatException"/> naming the field. RLP-level defects propagate as
/// <see cref="RlpException"/>; <see cref="TxDecoder"/> wraps them.
/// </summary>
internal ref struct TxFieldReader
{
    private RlpReader _fields;
    private readonly TxType _type;

    public TxFieldReader(RlpReader fields, TxType type)
    {
        _fields = fields;
        _type = type;
    }

    public ulong ReadUInt64(string field)
    {
        var bytes = ReadInteger(field, sizeof(ulong));
        ulong value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    public UInt256 ReadUInt256(string field) => UInt256.FromBigEndian(ReadInteger(field, UInt256.Size));

    /// <summary>A chain id (typed transactions); above <see cref="Transaction.MaxChainId"/> is <see cref="TxError.InvalidChainId"/>.</summary>
    public ulong ReadChainId()
    {
        var value = ReadUInt256("chainId");
        return value <= Transaction.MaxChainId
            ? (ulong)value
            : throw new TransactionFormatException(TxError.InvalidChainId, $"{_type} transaction: chain id {value} is above {Transaction.MaxChainId} (EIP-2294).");
    }

    /// <summary>Empty is contract creation (null); otherwise exactly 20 bytes.</summary>
    public Address? ReadTo()
    {
        var bytes = Next("to").ReadBytes();
        return bytes.Length switch
        {
            0 => null,
            Address.Size => new Address(bytes),
            _ => throw new TransactionFormatException(TxError.InvalidAddress, $"{_type} transaction: 'to' is {bytes.Length} bytes; it must be 20, or empty for contract creation."),
        };
    }

    public byte[] ReadData() => Next("data").ReadBytes().ToArray();

    public ImmutableArray<AccessListEntry> ReadAccessList()
    {
        var list = Next("accessList").ReadList();
        if (!list.HasMore)
        {
            return [];
        }

        // Count first so each array is allocated once at its exact size and wrapped without a copy.
        var entries = new AccessListEntry[CountItems(list)];
        for (var index = 0; index < entries.Length; index++)
        {
            var entry = list.ReadList();
            if (!entry.HasMore)
            {
                throw AccessListError(index, "is empty; it must be [address, [storage keys]]");
            }

            var addressBytes = entry.ReadBytes();
            if (addressBytes.Length != Address.Size)
            {
                throw AccessListError(index, $"has a {addressBytes.Length}-byte address; it must be 20 bytes");
            }

            if (!entry.HasMore)
            {
                throw AccessListError(index, "has no storage key list");
            }

            var keys = entry.ReadList();
            var keyCount = CountItems(keys);
            Hash256[] storageKeys = keyCount == 0 ? [] : new Hash256[keyCount];
            for (var k = 0; k < storageKeys.Length; k++)
            {
                var key = keys.ReadBytes();
                if (key.Length != Hash256.Size)
                {
                    throw AccessListError(index, $"has a {key.Length}-byte storage key; keys are 32 bytes");
                }

                storageKeys[k] = new Hash256(key);
            }

            if (entry.HasMore)
            {
                throw AccessListError(index, "has more than two items");
            }

            entries[index] = new AccessListEntry(new Address(addressBytes), ImmutableCollectionsMarshal.AsImmutableArray(storageKeys));
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(entries);
    }

    /// <summary>The typed y parity: 0 or 1.</summary>
    public byte ReadYParity()
    {
        var value = ReadUInt64("yParity");
        return value <= 1
            ? (byte)value
            : throw new TransactionFormatException(TxError.InvalidV, $"{_type} transaction: y parity is {value}; it must be 0 or 1.");
    }

    /// <summary>Throws <see cref="TxError.WrongFieldCount"/> when fields remain.</summary>
    public readonly void EnsureEnd()
    {
        if (_fields.HasMore)
        {
            throw new TransactionFormatException(TxError.WrongFieldCount, $"{_type} transaction has more fields than {ExpectedCount(_type)}.");
        }
    }

    // Leading zeros first: a padded 33-byte value is non-canonical before it is too large.
    private ReadOnlySpan<byte> ReadInteger(string field, int maxLength)
    {
        var bytes = Next(field).ReadBytes();
        if (bytes.Length > 0 && bytes[0] == 0)
        {
            throw new TransactionFormatException(TxError.NonCanonicalInteger, $"{_type} transaction: {field} has a leading zero byte.");
        }

        if (bytes.Length > maxLength)
        {
            throw new TransactionFormatException(TxError.FieldTooLarge, $"{_type} transaction: {field} is {bytes.Length} bytes; at most {maxLength} allowed.");
        }

        return bytes;
    }

    // Returns the underlying reader positioned on the field, so each field costs one bounds check here.
    [UnscopedRef]
    private ref RlpReader Next(string field)
    {
        if (!_fields.HasMore)
        {
            throw new TransactionFormatException(TxError.WrongFieldCount, $"{_type} transaction ends before '{field}'; it has {ExpectedCount(_type)} fields.");
        }

        return ref _fields;
    }

    /// <summary>Items left in <paramref name="list"/>, counted on a copy (headers are validated, the reader does not move).</summary>
    private static int CountItems(RlpReader list)
    {
        var count = 0;
        while (list.HasMore)
        {
            list.Skip();
            count++;
        }

        return count;
    }

    private readonly TransactionFormatException AccessListError(int index, string problem) =>
        new(TxError.InvalidAccessList, $"{_type} transaction: access list entry {index} {problem}.");

    private static int ExpectedCount(TxType type) => type switch
    {
        TxType.Legacy => 9,
        TxType.AccessList => 11,
        _ => 12,
    };
}
