using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Aro.Core.Crypto;

/// <summary>
/// Keccak-256 as Ethereum uses it: the original Keccak submission's padding (0x01 … 0x80), not
/// FIPS 202 SHA3-256's 0x06, with a 1088-bit rate and 256-bit output.
/// </summary>
public static class Keccak256
{
    /// <summary>Bytes absorbed per permutation (1600 − 2·256 bits).</summary>
    public const int Rate = 136;

    /// <summary>Digest size in bytes.</summary>
    public const int Size = 32;

    internal const int RateLanes = Rate / 8;

    /// <summary>Keccak-256 of the empty input (also the code hash of an account without code).</summary>
    public static readonly Hash256 EmptyHash = Hash(ReadOnlySpan<byte>.Empty);

    public static Hash256 Hash(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[Size];
        Hash(data, digest);
        return new Hash256(digest);
    }

    /// <summary>Writes the 32-byte digest of <paramref name="data"/> to the start of <paramref name="output32"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output32)
    {
        if (output32.Length < Size)
        {
            throw new ArgumentException($"Output must hold {Size} bytes, got {output32.Length}.", nameof(output32));
        }

        var state = default(KeccakState);
        while (data.Length >= Rate)
        {
            AbsorbBlock(ref state, data);
            KeccakF1600.Permute(ref state);
            data = data[Rate..];
        }

        AbsorbFinal(ref state, data);
        KeccakF1600.Permute(ref state);
        Squeeze(ref state, output32);
    }

    /// <summary>XORs the first <see cref="Rate"/> bytes of <paramref name="block"/> into the state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void AbsorbBlock(ref KeccakState state, ReadOnlySpan<byte> block)
    {
        ref var source = ref MemoryMarshal.GetReference(block[..Rate]);
        for (var i = 0; i < RateLanes; i++)
        {
            state[i] ^= ReadLane(ref source, i);
        }
    }

    /// <summary>
    /// Absorbs the last partial block (fewer than <see cref="Rate"/> bytes) with Keccak's pad10*1:
    /// 0x01 after the message, 0x80 in the last byte of the block. Whole lanes go straight into the
    /// state; only the final partial lane is assembled on the stack.
    /// </summary>
    internal static void AbsorbFinal(ref KeccakState state, ReadOnlySpan<byte> tail)
    {
        var lanes = tail.Length / 8;
        ref var source = ref MemoryMarshal.GetReference(tail);
        for (var i = 0; i < lanes; i++)
        {
            state[i] ^= ReadLane(ref source, i);
        }

        Span<byte> last = stackalloc byte[8];
        last.Clear();
        var rest = tail[(lanes * 8)..];
        rest.CopyTo(last);
        last[rest.Length] = 0x01;
        state[lanes] ^= BinaryPrimitives.ReadUInt64LittleEndian(last);
        state[RateLanes - 1] ^= 0x80UL << 56;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Squeeze(ref KeccakState state, Span<byte> output32)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(output32, state[0]);
        BinaryPrimitives.WriteUInt64LittleEndian(output32[8..], state[1]);
        BinaryPrimitives.WriteUInt64LittleEndian(output32[16..], state[2]);
        BinaryPrimitives.WriteUInt64LittleEndian(output32[24..], state[3]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadLane(ref byte source, int lane)
    {
        var value = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, lane * 8));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }
}
