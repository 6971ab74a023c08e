using System.Buffers.Binary;
using Aro.Core;
using Aro.Core.Crypto;

namespace Aro.Modules.Gpow;

/// <summary>
/// The work a compute challenge asks for (README §8a): <c>h₁ = keccak256(chainId (u64 BE) ‖ edge ‖ nonce)</c>,
/// <c>hᵢ₊₁ = keccak256(hᵢ)</c>, answer <c>h_rounds</c>. Each step needs the previous one, so the answer cannot be
/// computed before the nonce is known nor split across machines; the chain checks it by doing the same work.
/// </summary>
public static class ComputeChallenge
{
    /// <summary>Gas the answering edge pays per round the chain recomputes (the EVM's KECCAK256 of one word: 30 + 6).</summary>
    public const ulong GasPerRound = 36;

    public static Hash256 Result(ulong chainId, in Address edge, in Hash256 nonce, ulong rounds)
    {
        ArgumentOutOfRangeException.ThrowIfZero(rounds);
        Span<byte> first = stackalloc byte[8 + 20 + 32];
        BinaryPrimitives.WriteUInt64BigEndian(first, chainId);
        edge.Bytes.CopyTo(first[8..]);
        nonce.CopyTo(first[28..]);
        Span<byte> a = stackalloc byte[32];
        Span<byte> b = stackalloc byte[32];
        Keccak256.Hash(first, a);
        for (var i = 1UL; i < rounds; i++)
        {
            Keccak256.Hash(a, b);
            var swap = a;
            a = b;
            b = swap;
        }

        return new Hash256(a);
    }
}
