namespace Aro.Core.Rlp;

/// <summary>Why a byte sequence is not canonical RLP, or not the item the caller asked for.</summary>
public enum RlpError
{
    /// <summary>The input ends before the header or payload it announces.</summary>
    Truncated = 1,

    /// <summary>Bytes remain after the item (or list payload) that should have ended the input.</summary>
    TrailingBytes,

    /// <summary>A long-form length (0xb8.., 0xf8..) encodes a length below 56, which has a short form.</summary>
    NonCanonicalSize,

    /// <summary>A length-of-length or an integer payload starts with a zero byte.</summary>
    LeadingZeros,

    /// <summary>A single byte below 0x80 wrapped in a 0x81 header; it must encode as itself.</summary>
    NonCanonicalSingleByte,

    /// <summary>A declared length does not fit in a 32-bit signed integer.</summary>
    LengthOverflow,

    /// <summary>A list where a string item was expected.</summary>
    UnexpectedList,

    /// <summary>A string item where a list was expected.</summary>
    UnexpectedString,

    /// <summary>An integer payload longer than the target type.</summary>
    IntegerTooLarge,

    /// <summary>Lists nest deeper than the decoder's limit.</summary>
    DepthExceeded,
}
