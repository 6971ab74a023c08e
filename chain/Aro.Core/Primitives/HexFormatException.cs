namespace Aro.Core;

/// <summary>A hex string is malformed: odd length, a non-hex character, a wrong size or a bad EIP-55 checksum.</summary>
public sealed class HexFormatException : FormatException
{
    public HexFormatException()
    {
    }

    public HexFormatException(string message)
        : base(message)
    {
    }

    public HexFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
