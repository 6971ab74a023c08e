using Aro.Core;
using Aro.Core.Rlp;

namespace Aro.State.World;

/// <summary>The canonical RLP of an <see cref="Account"/>, the value stored under keccak(address).</summary>
public static class AccountCodec
{
    private const int HashItemLength = 1 + Hash256.Size;

    public static int GetLength(in Account account) =>
        RlpWriter.LengthOfList(ContentLength(account));

    public static byte[] Encode(in Account account)
    {
        var content = ContentLength(account);
        var buffer = new byte[RlpWriter.LengthOfList(content)];
        var writer = new RlpWriter(buffer);
        writer.WriteListHeader(content);
        writer.WriteUInt64(account.Nonce);
        writer.WriteUInt256(account.Balance);
        writer.WriteBytes(account.StorageRoot.Bytes);
        writer.WriteBytes(account.CodeHash.Bytes);
        return buffer;
    }

    /// <summary>Decodes exactly one canonical account: four items, 32-byte hashes, minimal integers, no trailing bytes.</summary>
    /// <exception cref="StateEncodingException">The bytes are not a canonical account.</exception>
    public static Account Decode(ReadOnlySpan<byte> rlp)
    {
        try
        {
            var outer = new RlpReader(rlp);
            var items = outer.ReadList();
            outer.EnsureEnd();
            var nonce = items.ReadUInt64();
            var balance = items.ReadUInt256();
            var storageRoot = ReadHash(ref items, "storage root");
            var codeHash = ReadHash(ref items, "code hash");
            items.EnsureEnd();
            return new Account(nonce, balance, storageRoot, codeHash);
        }
        catch (RlpException ex)
        {
            throw new StateEncodingException("An account is not canonical RLP [nonce, balance, storageRoot, codeHash].", ex);
        }
    }

    private static Hash256 ReadHash(ref RlpReader items, string field)
    {
        var bytes = items.ReadBytes();
        return bytes.Length == Hash256.Size
            ? new Hash256(bytes)
            : throw new StateEncodingException($"An account's {field} is {bytes.Length} bytes, not {Hash256.Size}.");
    }

    private static int ContentLength(in Account account) =>
        RlpWriter.LengthOfUInt64(account.Nonce) + RlpUInt256Extensions.LengthOfUInt256(account.Balance) + (2 * HashItemLength);
}
