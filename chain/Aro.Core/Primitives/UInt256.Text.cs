using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Aro.Core;

public readonly partial struct UInt256
{
    private const ulong TenPow19 = 10_000_000_000_000_000_000UL;
    private const int TenPow19Digits = 19;

    private enum ParseStatus
    {
        Ok,
        BadFormat,
        BadHex,
        Overflow,
    }

    /// <summary>Parses a decimal number, or hex with a 0x/0X prefix (leading zeros allowed).</summary>
    /// <exception cref="FormatException">Empty, a sign, whitespace or a bad digit (<see cref="HexFormatException"/> for hex).</exception>
    /// <exception cref="OverflowException">The value is 2^256 or more.</exception>
    public static UInt256 Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan());
    }

    /// <inheritdoc cref="Parse(string)"/>
    public static UInt256 Parse(ReadOnlySpan<char> text) => Unwrap(ParseCore(text, out var value), value);

    public static bool TryParse([NotNullWhen(true)] string? text, out UInt256 value) =>
        TryParse(text.AsSpan(), out value);

    public static bool TryParse(ReadOnlySpan<char> text, out UInt256 value) =>
        ParseCore(text, out value) == ParseStatus.Ok;

    /// <summary>
    /// Parses an Ethereum JSON-RPC QUANTITY strictly: 0x then hex digits with no leading zero
    /// ("0x0" for zero). Anything else is rejected, as geth does, so a value has one spelling.
    /// </summary>
    /// <exception cref="HexFormatException">Not a well-formed quantity.</exception>
    /// <exception cref="OverflowException">The value is 2^256 or more.</exception>
    public static UInt256 ParseHexQuantity(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Unwrap(ParseQuantityCore(text.AsSpan(), out var value), value);
    }

    public static bool TryParseHexQuantity(ReadOnlySpan<char> text, out UInt256 value) =>
        ParseQuantityCore(text, out value) == ParseStatus.Ok;

    /// <summary>Decimal, without separators.</summary>
    public override string ToString()
    {
        if ((_u1 | _u2 | _u3) == 0)
        {
            return _u0.ToString(CultureInfo.InvariantCulture);
        }

        // 2^256 < 10^78: at most five base-10^19 chunks, the top one without padding.
        Span<ulong> chunks = stackalloc ulong[5];
        var count = 0;
        var rest = this;
        while (!rest.IsZero)
        {
            rest = DivRemByLimb(rest, TenPow19, out var chunk);
            chunks[count++] = chunk._u0;
        }

        Span<char> text = stackalloc char[count * TenPow19Digits];
        var written = 0;
        for (var i = count - 1; i >= 0; i--)
        {
            var format = i == count - 1 ? default : "D19";
            chunks[i].TryFormat(text[written..], out var n, format, CultureInfo.InvariantCulture);
            written += n;
        }

        return new string(text[..written]);
    }

    /// <summary>Ethereum JSON-RPC QUANTITY: 0x and lowercase hex without leading zeros; "0x0" for zero.</summary>
    public string ToHexString()
    {
        Span<byte> bytes = stackalloc byte[Size];
        WriteBigEndian(bytes);
        Span<char> digits = stackalloc char[Size * 2];
        Hex.EncodeDigits(bytes, digits);
        var significant = digits.TrimStart('0');
        return significant.IsEmpty ? "0x0" : string.Concat("0x", significant);
    }

    private static UInt256 Unwrap(ParseStatus status, UInt256 value) => status switch
    {
        ParseStatus.Ok => value,
        ParseStatus.Overflow => throw new OverflowException("Value does not fit in 256 bits."),
        ParseStatus.BadHex => throw new HexFormatException("Not a valid hex number."),
        _ => throw new FormatException("Not a valid unsigned decimal or 0x-prefixed hex number."),
    };

    private static ParseStatus ParseCore(ReadOnlySpan<char> text, out UInt256 value)
    {
        if (text.Length >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        {
            return ParseHexDigits(text[2..], out value);
        }

        return ParseDecimal(text, out value);
    }

    private static ParseStatus ParseQuantityCore(ReadOnlySpan<char> text, out UInt256 value)
    {
        value = default;
        if (text.Length < 3 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
        {
            return ParseStatus.BadHex;
        }

        var digits = text[2..];
        if (digits[0] == '0' && digits.Length > 1)
        {
            return ParseStatus.BadHex;
        }

        return ParseHexDigits(digits, out value);
    }

    private static ParseStatus ParseHexDigits(ReadOnlySpan<char> digits, out UInt256 value)
    {
        value = default;
        if (digits.IsEmpty)
        {
            return ParseStatus.BadHex;
        }

        foreach (var c in digits)
        {
            if (Hex.Nibble(c) < 0)
            {
                return ParseStatus.BadHex;
            }
        }

        var significant = digits.TrimStart('0');
        if (significant.Length > Size * 2)
        {
            return ParseStatus.Overflow;
        }

        Span<ulong> limbs = [0, 0, 0, 0];
        for (var i = 0; i < significant.Length; i++)
        {
            // Digit i counted from the right lands in limb i/16 at bit 4·(i mod 16).
            var fromRight = significant.Length - 1 - i;
            limbs[fromRight / 16] |= (ulong)Hex.Nibble(significant[i]) << (4 * (fromRight % 16));
        }

        value = new UInt256(limbs[0], limbs[1], limbs[2], limbs[3]);
        return ParseStatus.Ok;
    }

    private static ParseStatus ParseDecimal(ReadOnlySpan<char> digits, out UInt256 value)
    {
        value = default;
        if (digits.IsEmpty)
        {
            return ParseStatus.BadFormat;
        }

        foreach (var c in digits)
        {
            if ((uint)(c - '0') > 9)
            {
                return ParseStatus.BadFormat;
            }
        }

        // Base-10^19 chunks: one multiply-add per 19 digits instead of per digit.
        var result = Zero;
        while (!digits.IsEmpty)
        {
            var take = digits.Length % TenPow19Digits == 0 ? TenPow19Digits : digits.Length % TenPow19Digits;
            ulong chunk = 0, scale = 1;
            foreach (var c in digits[..take])
            {
                chunk = (chunk * 10) + (ulong)(c - '0');
                scale *= 10;
            }

            if (!TryMultiply(result, scale, out result) || !TryAdd(result, chunk, out result))
            {
                return ParseStatus.Overflow;
            }

            digits = digits[take..];
        }

        value = result;
        return ParseStatus.Ok;
    }
}
