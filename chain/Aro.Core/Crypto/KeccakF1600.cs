using System.Numerics;
using System.Runtime.CompilerServices;

namespace Aro.Core.Crypto;

/// <summary>The 1600-bit Keccak state: 25 lanes, lane (x, y) at index x + 5y.</summary>
[InlineArray(Lanes)]
internal struct KeccakState
{
    public const int Lanes = 25;

    private ulong _lane0;
}

/// <summary>
/// Keccak-f[1600] (FIPS 202 §3.3, Keccak reference §1.2). The state lives in 25 locals and two
/// rounds run per loop pass with the lanes ping-ponging between the a* and e* sets, so no round
/// writes back into lanes it still has to read and nothing touches memory until the end.
/// </summary>
internal static class KeccakF1600
{
    private const int Rounds = 24;

    private static ReadOnlySpan<ulong> RoundConstants =>
    [
        0x0000000000000001UL, 0x0000000000008082UL, 0x800000000000808aUL, 0x8000000080008000UL,
        0x000000000000808bUL, 0x0000000080000001UL, 0x8000000080008081UL, 0x8000000000008009UL,
        0x000000000000008aUL, 0x0000000000000088UL, 0x0000000080008009UL, 0x000000008000000aUL,
        0x000000008000808bUL, 0x800000000000008bUL, 0x8000000000008089UL, 0x8000000000008003UL,
        0x8000000000008002UL, 0x8000000000000080UL, 0x000000000000800aUL, 0x800000008000000aUL,
        0x8000000080008081UL, 0x8000000000008080UL, 0x0000000080000001UL, 0x8000000080008008UL,
    ];

    [SkipLocalsInit]
    public static void Permute(ref KeccakState state)
    {
        ulong a0 = state[0], a1 = state[1], a2 = state[2], a3 = state[3], a4 = state[4];
        ulong a5 = state[5], a6 = state[6], a7 = state[7], a8 = state[8], a9 = state[9];
        ulong a10 = state[10], a11 = state[11], a12 = state[12], a13 = state[13], a14 = state[14];
        ulong a15 = state[15], a16 = state[16], a17 = state[17], a18 = state[18], a19 = state[19];
        ulong a20 = state[20], a21 = state[21], a22 = state[22], a23 = state[23], a24 = state[24];
        ulong e0, e1, e2, e3, e4, e5, e6, e7, e8, e9, e10, e11, e12;
        ulong e13, e14, e15, e16, e17, e18, e19, e20, e21, e22, e23, e24;
        ulong b0, b1, b2, b3, b4, c0, c1, c2, c3, c4, d0, d1, d2, d3, d4;

        var constants = RoundConstants;
        for (var round = 0; round < Rounds; round += 2)
        {
            // Round 2i: a -> e.
            c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20;
            c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21;
            c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22;
            c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23;
            c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24;
            d0 = c4 ^ BitOperations.RotateLeft(c1, 1);
            d1 = c0 ^ BitOperations.RotateLeft(c2, 1);
            d2 = c1 ^ BitOperations.RotateLeft(c3, 1);
            d3 = c2 ^ BitOperations.RotateLeft(c4, 1);
            d4 = c3 ^ BitOperations.RotateLeft(c0, 1);
            b0 = a0 ^ d0;
            b1 = BitOperations.RotateLeft(a6 ^ d1, 44);
            b2 = BitOperations.RotateLeft(a12 ^ d2, 43);
            b3 = BitOperations.RotateLeft(a18 ^ d3, 21);
            b4 = BitOperations.RotateLeft(a24 ^ d4, 14);
            e0 = b0 ^ (~b1 & b2);
            e1 = b1 ^ (~b2 & b3);
            e2 = b2 ^ (~b3 & b4);
            e3 = b3 ^ (~b4 & b0);
            e4 = b4 ^ (~b0 & b1);
            e0 ^= constants[round];
            b0 = BitOperations.RotateLeft(a3 ^ d3, 28);
            b1 = BitOperations.RotateLeft(a9 ^ d4, 20);
            b2 = BitOperations.RotateLeft(a10 ^ d0, 3);
            b3 = BitOperations.RotateLeft(a16 ^ d1, 45);
            b4 = BitOperations.RotateLeft(a22 ^ d2, 61);
            e5 = b0 ^ (~b1 & b2);
            e6 = b1 ^ (~b2 & b3);
            e7 = b2 ^ (~b3 & b4);
            e8 = b3 ^ (~b4 & b0);
            e9 = b4 ^ (~b0 & b1);
            b0 = BitOperations.RotateLeft(a1 ^ d1, 1);
            b1 = BitOperations.RotateLeft(a7 ^ d2, 6);
            b2 = BitOperations.RotateLeft(a13 ^ d3, 25);
            b3 = BitOperations.RotateLeft(a19 ^ d4, 8);
            b4 = BitOperations.RotateLeft(a20 ^ d0, 18);
            e10 = b0 ^ (~b1 & b2);
            e11 = b1 ^ (~b2 & b3);
            e12 = b2 ^ (~b3 & b4);
            e13 = b3 ^ (~b4 & b0);
            e14 = b4 ^ (~b0 & b1);
            b0 = BitOperations.RotateLeft(a4 ^ d4, 27);
            b1 = BitOperations.RotateLeft(a5 ^ d0, 36);
            b2 = BitOperations.RotateLeft(a11 ^ d1, 10);
            b3 = BitOperations.RotateLeft(a17 ^ d2, 15);
            b4 = BitOperations.RotateLeft(a23 ^ d3, 56);
            e15 = b0 ^ (~b1 & b2);
            e16 = b1 ^ (~b2 & b3);
            e17 = b2 ^ (~b3 & b4);
            e18 = b3 ^ (~b4 & b0);
            e19 = b4 ^ (~b0 & b1);
            b0 = BitOperations.RotateLeft(a2 ^ d2, 62);
            b1 = BitOperations.RotateLeft(a8 ^ d3, 55);
            b2 = BitOperations.RotateLeft(a14 ^ d4, 39);
            b3 = BitOperations.RotateLeft(a15 ^ d0, 41);
            b4 = BitOperations.RotateLeft(a21 ^ d1, 2);
            e20 = b0 ^ (~b1 & b2);
            e21 = b1 ^ (~b2 & b3);
            e22 = b2 ^ (~b3 & b4);
            e23 = b3 ^ (~b4 & b0);
            e24 = b4 ^ (~b0 & b1);

            // Round 2i+1: e -> a.
            c0 = e0 ^ e5 ^ e10 ^ e15 ^ e20;
            c1 = e1 ^ e6 ^ e11 ^ e16 ^ e21;
            c2 = e2 ^ e7 ^ e12 ^ e17 ^ e22;
            c3 = e3 ^ e8 ^ e13 ^ e18 ^ e23;
            c4 = e4 ^ e9 ^ e14 ^ e19 ^ e24;
            d0 = c4 ^ BitOperations.RotateLeft(c1, 1);
            d1 = c0 ^ BitOperations.RotateLeft(c2, 1);
            d2 = c1 ^ BitOperations.RotateLeft(c3, 1);
            d3 = c2 ^ BitOperations.RotateLeft(c4, 1);
            d4 = c3 ^ BitOperations.RotateLeft(c0, 1);
            b0 = e0 ^ d0;
            b1 = BitOperations.RotateLeft(e6 ^ d1, 44);
            b2 = BitOperations.RotateLeft(e12 ^ d2, 43);
            b3 = BitOperations.RotateLeft(e18 ^ d3, 21);
            b4 = BitOperations.RotateLeft(e24 ^ d4, 14);
            a0 = b0 ^ (~b1 & b2);
            a1 = b1 ^ (~b2 & b3);
            a2 = b2 ^ (~b3 & b4);
            a3 = b3 ^ (~b4 & b0);
            a4 = b4 ^ (~b0 & b1);
            a0 ^= constants[round + 1];
            b0 = BitOperations.RotateLeft(e3 ^ d3, 28);
            b1 = BitOperations.RotateLeft(e9 ^ d4, 20);
            b2 = BitOperations.RotateLeft(e10 ^ d0, 3);
            b3 = BitOperations.RotateLeft(e16 ^ d1, 45);
            b4 = BitOperations.RotateLeft(e22 ^ d2, 61);
            a5 = b0 ^ (~b1 & b2);
            a6 = b1 ^ (~b2 & b3);
            a7 = b2 ^ (~b3 & b4);
            a8 = b3 ^ (~b4 & b0);
            a9 = b4 ^ (~b0 & b1);
            b0 = BitOperations.RotateLeft(e1 ^ d1, 1);
            b1 = BitOperations.RotateLeft(e7 ^ d2, 6);
            b2 = BitOperations.RotateLeft(e13 ^ d3, 25);
            b3 = BitOperations.RotateLeft(e19 ^ d4, 8);
            b4 = BitOperations.RotateLeft(e20 ^ d0, 18);
            a10 = b0 ^ (~b1 & b2);
            a11 = b1 ^ (~b2 & b3);
            a12 = b2 ^ (~b3 & b4);
            a13 = b3 ^ (~b4 & b0);
            a14 = b4 ^ (~b0 & b1);
            b0 = BitOperations.RotateLeft(e4 ^ d4, 27);
            b1 = BitOperations.RotateLeft(e5 ^ d0, 36);
            b2 = BitOperations.RotateLeft(e11 ^ d1, 10);
            b3 = BitOperations.RotateLeft(e17 ^ d2, 15);
            b4 = BitOperations.RotateLeft(e23 ^ d3, 56);
            a15 = b0 ^ (~b1 & b2);
            a16 = b1 ^ (~b2 & b3);
            a17 = b2 ^ (~b3 & b4);
            a18 = b3 ^ (~b4 & b0);
            a19 = b4 ^ (~b0 & b1);
            b0 = BitOperations.RotateLeft(e2 ^ d2, 62);
            b1 = BitOperations.RotateLeft(e8 ^ d3, 55);
            b2 = BitOperations.RotateLeft(e14 ^ d4, 39);
            b3 = BitOperations.RotateLeft(e15 ^ d0, 41);
            b4 = BitOperations.RotateLeft(e21 ^ d1, 2);
            a20 = b0 ^ (~b1 & b2);
            a21 = b1 ^ (~b2 & b3);
            a22 = b2 ^ (~b3 & b4);
            a23 = b3 ^ (~b4 & b0);
            a24 = b4 ^ (~b0 & b1);
        }

        state[0] = a0; state[1] = a1; state[2] = a2; state[3] = a3; state[4] = a4;
        state[5] = a5; state[6] = a6; state[7] = a7; state[8] = a8; state[9] = a9;
        state[10] = a10; state[11] = a11; state[12] = a12; state[13] = a13; state[14] = a14;
        state[15] = a15; state[16] = a16; state[17] = a17; state[18] = a18; state[19] = a19;
        state[20] = a20; state[21] = a21; state[22] = a22; state[23] = a23; state[24] = a24;
    }
}
