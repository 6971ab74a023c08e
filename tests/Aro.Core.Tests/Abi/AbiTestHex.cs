using System.Text;

namespace Aro.Core.Tests.Abi;

internal static class AbiTestHex
{
    /// <summary>Hex as the specification prints it: optional 0x, whitespace and line breaks ignored.</summary>
    public static byte[] Parse(string hex)
    {
        var digits = new StringBuilder();
        foreach (var c in hex.StartsWith("0x", StringComparison.Ordinal) ? hex[2..] : hex)
        {
            if (!char.IsWhiteSpace(c))
            {
                digits.Append(c);
            }
        }

        return Convert.FromHexString(digits.ToString());
    }

    public static string Of(byte[] bytes) => Convert.ToHexStringLower(bytes);

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
