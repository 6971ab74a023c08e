using System.Numerics;
using System.Runtime.CompilerServices;

namespace Aro.Core;

public readonly partial struct UInt256
{
    /// <summary>a + b; false (and <paramref name="result"/> zero) when the sum exceeds 2^256 − 1.</summary>
    public static bool TryAdd(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        ulong carry = 0;
        var r0 = AddWithCarry(a._u0, b._u0, ref carry);
        var r1 = AddWithCarry(a._u1, b._u1, ref carry);
        var r2 = AddWithCarry(a._u2, b._u2, ref carry);
        var r3 = AddWithCarry(a._u3, b._u3, ref carry);
        result = carry == 0 ? new UInt256(r0, r1, r2, r3) : default;
        return carry == 0;
    }

    /// <summary>a − b; false (and <paramref name="result"/> zero) when b &gt; a.</summary>
    public static bool TrySubtract(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        ulong borrow = 0;
        var r0 = SubtractWithBorrow(a._u0, b._u0, ref borrow);
        var r1 = SubtractWithBorrow(a._u1, b._u1, ref borrow);
        var r2 = SubtractWithBorrow(a._u2, b._u2, ref borrow);
        var r3 = SubtractWithBorrow(a._u3, b._u3, ref borrow);
        result = borrow == 0 ? new UInt256(r0, r1, r2, r3) : default;
        return borrow == 0;
    }

    /// <summary>a × b; false (and <paramref name="result"/> zero) when the product exceeds 2^256 − 1.</summary>
    public static bool TryMultiply(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        if ((a._u1 | a._u2 | a._u3 | b._u1 | b._u2 | b._u3) == 0)
        {
            var high = Math.BigMul(a._u0, b._u0, out var low);
            result = new UInt256(low, high, 0, 0);
            return true;
        }

        ReadOnlySpan<ulong> x = [a._u0, a._u1, a._u2, a._u3];
        ReadOnlySpan<ulong> y = [b._u0, b._u1, b._u2, b._u3];
        Span<ulong> product = [0, 0, 0, 0, 0, 0, 0, 0];
        for (var i = 0; i < 4; i++)
        {
            if (x[i] == 0)
            {
                continue;
            }

            ulong carry = 0;
            for (var j = 0; j < 4; j++)
            {
                // x·y + p + carry ≤ (2^64 − 1)^2 + 2(2^64 − 1) = 2^128 − 1: never overflows 128 bits.
                var high = Math.BigMul(x[i], y[j], out var low);
                low += product[i + j];
                high += low < product[i + j] ? 1UL : 0;
                low += carry;
                high += low < carry ? 1UL : 0;
                product[i + j] = low;
                carry = high;
            }

            product[i + 4] = carry;
        }

        if ((product[4] | product[5] | product[6] | product[7]) != 0)
        {
            result = default;
            return false;
        }

        result = new UInt256(product[0], product[1], product[2], product[3]);
        return true;
    }

    /// <summary>Quotient and remainder of a ÷ b.</summary>
    /// <exception cref="DivideByZeroException"><paramref name="b"/> is zero.</exception>
    public static UInt256 DivRem(in UInt256 a, in UInt256 b, out UInt256 remainder)
    {
        if (b.IsZero)
        {
            throw new DivideByZeroException();
        }

        if (a < b)
        {
            remainder = a;
            return Zero;
        }

        if ((b._u1 | b._u2 | b._u3) == 0)
        {
            return DivRemByLimb(a, b._u0, out remainder);
        }

        return DivRemKnuth(a, b, out remainder);
    }

    public static UInt256 operator +(UInt256 a, UInt256 b) =>
        TryAdd(a, b, out var r) ? r : throw new OverflowException("UInt256 addition overflowed.");

    public static UInt256 operator -(UInt256 a, UInt256 b) =>
        TrySubtract(a, b, out var r) ? r : throw new OverflowException("UInt256 subtraction underflowed.");

    public static UInt256 operator *(UInt256 a, UInt256 b) =>
        TryMultiply(a, b, out var r) ? r : throw new OverflowException("UInt256 multiplication overflowed.");

    public static UInt256 operator /(UInt256 a, UInt256 b) => DivRem(a, b, out _);

    public static UInt256 operator %(UInt256 a, UInt256 b)
    {
        DivRem(a, b, out var remainder);
        return remainder;
    }

    public static UInt256 operator &(UInt256 a, UInt256 b) =>
        new(a._u0 & b._u0, a._u1 & b._u1, a._u2 & b._u2, a._u3 & b._u3);

    public static UInt256 operator |(UInt256 a, UInt256 b) =>
        new(a._u0 | b._u0, a._u1 | b._u1, a._u2 | b._u2, a._u3 | b._u3);

    public static UInt256 operator ^(UInt256 a, UInt256 b) =>
        new(a._u0 ^ b._u0, a._u1 ^ b._u1, a._u2 ^ b._u2, a._u3 ^ b._u3);

    public static UInt256 operator ~(UInt256 a) => new(~a._u0, ~a._u1, ~a._u2, ~a._u3);

    /// <summary>Shift left; bits shifted past bit 255 are dropped, shifts of 256 or more give zero.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shift"/> is negative.</exception>
    public static UInt256 operator <<(UInt256 value, int shift)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shift);
        if (shift >= 256)
        {
            return Zero;
        }

        ReadOnlySpan<ulong> source = [value._u0, value._u1, value._u2, value._u3];
        Span<ulong> r = [0, 0, 0, 0];
        int limbs = shift / 64, bits = shift % 64;
        for (var i = 3; i >= limbs; i--)
        {
            var limb = source[i - limbs] << bits;
            if (bits != 0 && i - limbs - 1 >= 0)
            {
                limb |= source[i - limbs - 1] >> (64 - bits);
            }

            r[i] = limb;
        }

        return new UInt256(r[0], r[1], r[2], r[3]);
    }

    /// <summary>Logical shift right; shifts of 256 or more give zero.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shift"/> is negative.</exception>
    public static UInt256 operator >>(UInt256 value, int shift)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shift);
        if (shift >= 256)
        {
            return Zero;
        }

        ReadOnlySpan<ulong> source = [value._u0, value._u1, value._u2, value._u3];
        Span<ulong> r = [0, 0, 0, 0];
        int limbs = shift / 64, bits = shift % 64;
        for (var i = 0; i + limbs < 4; i++)
        {
            var limb = source[i + limbs] >> bits;
            if (bits != 0 && i + limbs + 1 < 4)
            {
                limb |= source[i + limbs + 1] << (64 - bits);
            }

            r[i] = limb;
        }

        return new UInt256(r[0], r[1], r[2], r[3]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong AddWithCarry(ulong x, ulong y, ref ulong carry)
    {
        var sum = x + y;
        var carryOut = sum < x ? 1UL : 0;
        var total = sum + carry;
        carryOut |= total < sum ? 1UL : 0;
        carry = carryOut;
        return total;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SubtractWithBorrow(ulong x, ulong y, ref ulong borrow)
    {
        var difference = x - y;
        var borrowOut = x < y ? 1UL : 0;
        var total = difference - borrow;
        borrowOut |= difference < borrow ? 1UL : 0;
        borrow = borrowOut;
        return total;
    }

    /// <summary>Division by a single 64-bit limb, top limb down (the common case: gas, wei per unit, 10^19).</summary>
    private static UInt256 DivRemByLimb(in UInt256 a, ulong divisor, out UInt256 remainder)
    {
        ulong rem = 0;
        var q3 = DivRemStep(a._u3, divisor, ref rem);
        var q2 = DivRemStep(a._u2, divisor, ref rem);
        var q1 = DivRemStep(a._u1, divisor, ref rem);
        var q0 = DivRemStep(a._u0, divisor, ref rem);
        remainder = new UInt256(rem, 0, 0, 0);
        return new UInt256(q0, q1, q2, q3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong DivRemStep(ulong limb, ulong divisor, ref ulong remainder)
    {
        // remainder < divisor, so the 128-bit quotient fits in 64 bits.
        var (quotient, rem) = UInt128.DivRem(new UInt128(remainder, limb), divisor);
        remainder = (ulong)rem;
        return (ulong)quotient;
    }

    /// <summary>
    /// Knuth, TAOCP vol. 2, §4.3.1, Algorithm D with 64-bit digits, for divisors of two limbs or
    /// more (a ≥ b is guaranteed by the caller).
    /// </summary>
    private static UInt256 DivRemKnuth(in UInt256 a, in UInt256 b, out UInt256 remainder)
    {
        ReadOnlySpan<ulong> u = [a._u0, a._u1, a._u2, a._u3];
        ReadOnlySpan<ulong> v = [b._u0, b._u1, b._u2, b._u3];
        var n = (b.BitLength + 63) / 64;
        var m = (a.BitLength + 63) / 64;

        // D1: normalise so the divisor's top digit has its high bit set; the dividend gains a digit.
        var shift = BitOperations.LeadingZeroCount(v[n - 1]);
        Span<ulong> vn = [0, 0, 0, 0];
        Span<ulong> un = [0, 0, 0, 0, 0];
        for (var i = n - 1; i > 0; i--)
        {
            vn[i] = (v[i] << shift) | (shift == 0 ? 0 : v[i - 1] >> (64 - shift));
        }

        vn[0] = v[0] << shift;
        un[m] = shift == 0 ? 0 : u[m - 1] >> (64 - shift);
        for (var i = m - 1; i > 0; i--)
        {
            un[i] = (u[i] << shift) | (shift == 0 ? 0 : u[i - 1] >> (64 - shift));
        }

        un[0] = u[0] << shift;

        Span<ulong> q = [0, 0, 0, 0];
        var top = vn[n - 1];
        var second = vn[n - 2];
        for (var j = m - n; j >= 0; j--)
        {
            // D3: estimate the quotient digit from the top two dividend digits; at most 2 too large.
            var numerator = new UInt128(un[j + n], un[j + n - 1]);
            var qhat = numerator / top;
            var rhat = numerator - (qhat * top);
            while (qhat > ulong.MaxValue
                || qhat * second > new UInt128((ulong)rhat, un[j + n - 2]))
            {
                qhat--;
                rhat += top;
                if (rhat > ulong.MaxValue)
                {
                    break;
                }
            }

            // D4: multiply and subtract. The running borrow stays below 2^64 because qhat < 2^64
            // and each partial product of the divisor is below 2^(64(i+1)).
            var digit = (ulong)qhat;
            ulong borrow = 0;
            for (var i = 0; i < n; i++)
            {
                var high = Math.BigMul(digit, vn[i], out var low);
                var t = un[i + j] - low;
                var b1 = un[i + j] < low ? 1UL : 0;
                var t2 = t - borrow;
                var b2 = t < borrow ? 1UL : 0;
                un[i + j] = t2;
                borrow = high + b1 + b2;
            }

            var negative = un[j + n] < borrow;
            un[j + n] -= borrow;

            // D5/D6: the estimate was one too large (rare); add the divisor back.
            if (negative)
            {
                digit--;
                ulong carry = 0;
                for (var i = 0; i < n; i++)
                {
                    un[i + j] = AddWithCarry(un[i + j], vn[i], ref carry);
                }

                un[j + n] += carry;
            }

            q[j] = digit;
        }

        // D8: unnormalise the remainder.
        Span<ulong> r = [0, 0, 0, 0];
        for (var i = 0; i < n; i++)
        {
            r[i] = (un[i] >> shift) | (shift == 0 ? 0 : un[i + 1] << (64 - shift));
        }

        remainder = new UInt256(r[0], r[1], r[2], r[3]);
        return new UInt256(q[0], q[1], q[2], q[3]);
    }
}
