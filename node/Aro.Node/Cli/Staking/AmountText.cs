using System.Numerics;
using Aro.Core;

namespace Aro.Node.Cli.Staking;

/// <summary>
/// Amounts on the command line: whole wei (<c>1000000000000000000</c>) or ARO with the unit
/// (<c>1000aro</c>, <c>0.5aro</c>, at most 18 decimals). Integer-only parsing: no floating point.
/// </summary>
internal static class AmountText
{
    private static readonly BigInteger WeiPerAro = BigInteger.Pow(10, 18);

    public static bool TryParse(string? text, out UInt256 wei, out string problem)
    {
        wei = UInt256.Zero;
        problem = $"'{text}' is not an amount: give wei (digits) or ARO with the unit, e.g. 1000aro or 0.5aro";
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var aro = text.EndsWith("aro", StringComparison.OrdinalIgnoreCase);
        var number = aro ? text[..^3] : text;
        var dot = number.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? number : number[..dot];
        var fraction = dot < 0 ? string.Empty : number[(dot + 1)..];
        if (whole.Length == 0 || !IsDigits(whole) || !IsDigits(fraction) || (!aro && dot >= 0) || fraction.Length > 18 || (dot >= 0 && fraction.Length == 0))
        {
            return false;
        }

        var value = BigInteger.Parse(whole, System.Globalization.CultureInfo.InvariantCulture);
        if (aro)
        {
            value = (value * WeiPerAro) + (fraction.Length == 0 ? 0 : BigInteger.Parse(fraction.PadRight(18, '0'), System.Globalization.CultureInfo.InvariantCulture));
        }

        if (value.GetBitLength() > 256)
        {
            problem = $"'{text}' does not fit 256 bits";
            return false;
        }

        wei = UInt256.Parse(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    private static bool IsDigits(string s)
    {
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
