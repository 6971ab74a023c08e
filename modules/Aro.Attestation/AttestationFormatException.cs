namespace Aro.Attestation;

/// <summary>
/// Evidence or collateral bytes that do not parse. The only exception parsers throw for bad input:
/// it names the field and the byte offset where parsing stopped, so an operator can see what is wrong.
/// </summary>
public sealed class AttestationFormatException : Exception
{
    public AttestationFormatException(string field, long offset, string reason)
        : base($"{field} at offset {offset}: {reason}")
    {
        Field = field;
        Offset = offset;
        Reason = reason;
    }

    public AttestationFormatException(string field, long offset, string reason, Exception inner)
        : base($"{field} at offset {offset}: {reason}", inner)
    {
        Field = field;
        Offset = offset;
        Reason = reason;
    }

    /// <summary>The structure field being read, e.g. "quote.header.version" or "cose.payload".</summary>
    public string Field { get; }

    /// <summary>Byte offset into the input where the problem was found.</summary>
    public long Offset { get; }

    public string Reason { get; }
}
