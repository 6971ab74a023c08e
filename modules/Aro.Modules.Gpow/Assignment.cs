using System.Buffers.Binary;
using System.Text;
using Aro.Core;
using Aro.Core.Crypto;

namespace Aro.Modules.Gpow;

/// <summary>
/// Pure functions of an epoch's seeds (README §7): which keepers judge an edge node, whether it is
/// challenged and which chunk. Nothing is stored per edge node: anyone recomputes them from the seed.
/// </summary>
public static class Assignment
{
    private static readonly byte[] AssignDomain = Encoding.ASCII.GetBytes("aro.gpow.assign.v1");
    private static readonly byte[] ChallengeDomain = Encoding.ASCII.GetBytes("aro.gpow.challenge.v1");

    /// <summary>
    /// <c>keccak256(domain ‖ epoch ‖ previous seed ‖ hash of the block's LastCommit (zero without one) ‖ block number)</c>.
    /// </summary>
    public static Hash256 DeriveSeed(bool challenge, ulong epoch, in Hash256 previous, in Hash256 lastCommit, ulong blockNumber)
    {
        var domain = challenge ? ChallengeDomain : AssignDomain;
        var buffer = new byte[domain.Length + 8 + 32 + 32 + 8];
        domain.CopyTo(buffer, 0);
        var span = buffer.AsSpan(domain.Length);
        BinaryPrimitives.WriteUInt64BigEndian(span, epoch);
        previous.CopyTo(span[8..]);
        lastCommit.CopyTo(span[40..]);
        BinaryPrimitives.WriteUInt64BigEndian(span[72..], blockNumber);
        return Keccak256.Hash(buffer);
    }

    /// <summary>
    /// Indexes into the epoch's keeper snapshot of the min(k, n) keepers of <paramref name="edge"/>: draw j
    /// picks <c>u64(keccak(seed ‖ edge ‖ j)) mod n</c>, repeats are skipped.
    /// </summary>
    public static int[] Keepers(in Hash256 seed, in Address edge, int keeperCount, int k)
    {
        var want = Math.Min(k, keeperCount);
        var picked = new int[want];
        if (want == keeperCount)
        {
            for (var i = 0; i < want; i++)
            {
                picked[i] = i;
            }

            return picked;
        }

        Span<byte> buffer = stackalloc byte[32 + 20 + 4];
        seed.CopyTo(buffer);
        edge.Bytes.CopyTo(buffer[32..]);
        Span<byte> hash = stackalloc byte[32];
        var found = 0;
        for (uint draw = 0; found < want; draw++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(buffer[52..], draw);
            Keccak256.Hash(buffer, hash);
            var index = (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)keeperCount);
            if (Array.IndexOf(picked, index, 0, found) < 0)
            {
                picked[found++] = index;
            }
        }

        return picked;
    }

    /// <summary>Whether the edge node is challenged: <c>u64(keccak(seed ‖ edge ‖ 0x01)) mod 10^6 &lt; rate</c>.</summary>
    public static bool IsChallenged(in Hash256 seed, in Address edge, uint ratePpm) => Draw(seed, edge, 1) % GpowParams.Ppm < ratePpm;

    /// <summary>The challenged chunk: <c>u64(keccak(seed ‖ edge ‖ 0x02)) mod chunkCount</c>.</summary>
    public static ulong ChunkIndex(in Hash256 seed, in Address edge, ulong chunkCount) => Draw(seed, edge, 2) % chunkCount;

    /// <summary>
    /// Whether the edge node gets a compute challenge: <c>u64(keccak(seed ‖ edge ‖ 0x03)) mod 10^6 &lt; rate</c>, a draw
    /// independent of the storage one (its own domain byte), so the two samples do not coincide.
    /// </summary>
    public static bool IsComputeChallenged(in Hash256 seed, in Address edge, uint ratePpm) => Draw(seed, edge, 3) % GpowParams.Ppm < ratePpm;

    /// <summary>The compute challenge's nonce: <c>keccak(seed ‖ edge ‖ 0x04)</c>.</summary>
    public static Hash256 ComputeNonce(in Hash256 seed, in Address edge)
    {
        Span<byte> buffer = stackalloc byte[32 + 20 + 1];
        seed.CopyTo(buffer);
        edge.Bytes.CopyTo(buffer[32..]);
        buffer[52] = 4;
        return Keccak256.Hash(buffer);
    }

    private static ulong Draw(in Hash256 seed, in Address edge, byte tag)
    {
        Span<byte> buffer = stackalloc byte[32 + 20 + 1];
        seed.CopyTo(buffer);
        edge.Bytes.CopyTo(buffer[32..]);
        buffer[52] = tag;
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(buffer, hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }
}
