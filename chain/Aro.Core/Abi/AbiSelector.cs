using System.Buffers.Binary;
using System.Text;
using Aro.Core.Crypto;

namespace Aro.Core.Abi;

/// <summary>The first four bytes of keccak256(signature), held big-endian in a uint so dispatchers can switch on it.</summary>
public readonly record struct AbiSelector(uint Value)
{
    public const int Size = 4;

    /// <summary>Selector of a canonical signature such as <c>transfer(address,uint256)</c>.</summary>
    public static AbiSelector Of(string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        Span<byte> digest = stackalloc byte[Keccak256.Size];
        Keccak256.Hash(Encoding.ASCII.GetBytes(signature), digest);
        return new AbiSelector(BinaryPrimitives.ReadUInt32BigEndian(digest));
    }

    /// <summary>The selector at the start of calldata; false when there are fewer than four bytes.</summary>
    public static bool TryRead(ReadOnlySpan<byte> calldata, out AbiSelector selector)
    {
        if (calldata.Length < Size)
        {
            selector = default;
            return false;
        }

        selector = new AbiSelector(BinaryPrimitives.ReadUInt32BigEndian(calldata));
        return true;
    }

    public void WriteTo(Span<byte> destination) => BinaryPrimitives.WriteUInt32BigEndian(destination, Value);

    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>0x followed by eight lowercase hex digits.</summary>
    public override string ToString() => "0x" + Value.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
}
