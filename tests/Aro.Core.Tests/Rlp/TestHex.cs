namespace Aro.Core.Tests.Rlp;

/// <summary>Hex for test vectors (with or without 0x) until the shared Hex type lands.</summary>
internal static class TestHex
{
    public static byte[] Parse(string hex) =>
        Convert.FromHexString(hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex);
}
