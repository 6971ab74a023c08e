using Aro.Attestation.Cbor;

namespace Aro.Attestation.Nitro;

/// <summary>
/// A COSE_Sign1 message (RFC 9052 §4.2) as the Nitro Secure Module writes it: ES384, protected header
/// exactly <c>{1: -35}</c>, empty unprotected header, embedded payload, 96-byte r‖s signature.
/// Untagged (what the NSM emits) or wrapped in tag 18 are both accepted.
/// </summary>
internal sealed class CoseSign1
{
    /// <summary>COSE_Sign1's CBOR tag.</summary>
    public const ulong Tag = 18;

    /// <summary>COSE algorithm identifier of ECDSA P-384 with SHA-384.</summary>
    public const long Es384 = -35;

    public const int Es384SignatureLength = 96;

    private static readonly byte[] SignatureContext = "Signature1"u8.ToArray();

    private CoseSign1(bool tagged, Range protectedHeader, Range payload, Range signature, byte[] message)
    {
        Tagged = tagged;
        Message = message;
        ProtectedHeader = new ReadOnlyMemory<byte>(message)[protectedHeader];
        Payload = new ReadOnlyMemory<byte>(message)[payload];
        Signature = new ReadOnlyMemory<byte>(message)[signature];
        PayloadOffset = payload.Start.Value;
    }

    public bool Tagged { get; }

    /// <summary>The whole message as parsed; the other members are slices of it.</summary>
    public byte[] Message { get; }

    /// <summary>The protected header's serialized bytes (signed as they are).</summary>
    public ReadOnlyMemory<byte> ProtectedHeader { get; }

    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>Offset of the payload's content inside <see cref="Message"/>, for error offsets.</summary>
    public int PayloadOffset { get; }

    /// <summary>r‖s, 48 bytes each, big-endian.</summary>
    public ReadOnlyMemory<byte> Signature { get; }

    public static CoseSign1 Parse(ReadOnlySpan<byte> message)
    {
        var copy = message.ToArray();
        var reader = new CborReader(copy);
        var tagged = false;
        if (reader.PeekMajorType("cose") == CborMajorType.Tag)
        {
            var start = reader.Offset;
            var tag = reader.ReadTag("cose.tag");
            if (tag != Tag)
            {
                throw new AttestationFormatException("cose.tag", start, $"tag {tag} is not COSE_Sign1 (18)");
            }

            tagged = true;
        }

        var arrayStart = reader.Offset;
        var count = reader.ReadArrayHeader("cose");
        if (count != 4)
        {
            throw new AttestationFormatException("cose", arrayStart, $"COSE_Sign1 has 4 elements, found {count}");
        }

        var protectedStart = reader.Offset;
        var protectedHeader = reader.ReadByteStringRange("cose.protected");
        ValidateProtectedHeader(copy.AsSpan(protectedHeader), protectedHeader.Start.Value, protectedStart);

        var unprotectedStart = reader.Offset;
        if (reader.ReadMapHeader("cose.unprotected") != 0)
        {
            // The NSM sends none; anything here (kid, x5chain, ...) would be unauthenticated input.
            throw new AttestationFormatException("cose.unprotected", unprotectedStart, "unprotected header must be empty");
        }

        var payloadStart = reader.Offset;
        if (reader.PeekMajorType("cose.payload") != CborMajorType.ByteString)
        {
            throw new AttestationFormatException("cose.payload", payloadStart, "payload must be an embedded byte string");
        }

        var payload = reader.ReadByteStringRange("cose.payload");
        var signatureStart = reader.Offset;
        var signature = reader.ReadByteStringRange("cose.signature");
        var signatureLength = signature.End.Value - signature.Start.Value;
        if (signatureLength != Es384SignatureLength)
        {
            throw new AttestationFormatException(
                "cose.signature", signatureStart, $"ES384 signature is {Es384SignatureLength} bytes, found {signatureLength}");
        }

        reader.ExpectEnd("cose");
        return new CoseSign1(tagged, protectedHeader, payload, signature, copy);
    }

    /// <summary>
    /// The bytes the signature covers: <c>["Signature1", protected, h'', payload]</c> in canonical CBOR
    /// (RFC 9052 §4.4), with an empty external_aad.
    /// </summary>
    public byte[] BuildSigStructure()
    {
        var protectedLength = (ulong)ProtectedHeader.Length;
        var payloadLength = (ulong)Payload.Length;
        var length = 1
            + CborEncoding.HeadLength((ulong)SignatureContext.Length) + SignatureContext.Length
            + CborEncoding.HeadLength(protectedLength) + ProtectedHeader.Length
            + 1
            + CborEncoding.HeadLength(payloadLength) + Payload.Length;
        var buffer = new byte[length];
        var span = buffer.AsSpan();
        var at = CborEncoding.WriteHead(span, CborMajorType.Array, 4);
        at += CborEncoding.WriteHead(span[at..], CborMajorType.TextString, (ulong)SignatureContext.Length);
        SignatureContext.CopyTo(span[at..]);
        at += SignatureContext.Length;
        at += CborEncoding.WriteHead(span[at..], CborMajorType.ByteString, protectedLength);
        ProtectedHeader.Span.CopyTo(span[at..]);
        at += ProtectedHeader.Length;
        at += CborEncoding.WriteHead(span[at..], CborMajorType.ByteString, 0);
        at += CborEncoding.WriteHead(span[at..], CborMajorType.ByteString, payloadLength);
        Payload.Span.CopyTo(span[at..]);
        return buffer;
    }

    private static void ValidateProtectedHeader(ReadOnlySpan<byte> header, int contentOffset, long fieldOffset)
    {
        if (header.IsEmpty)
        {
            throw new AttestationFormatException("cose.protected", fieldOffset, "protected header is empty; alg is required");
        }

        var reader = new CborReader(header, contentOffset);
        var count = reader.ReadMapHeader("cose.protected");
        if (count != 1)
        {
            throw new AttestationFormatException("cose.protected", contentOffset, $"expected only the alg parameter, found {count} parameters");
        }

        var keyOffset = reader.Offset;
        if (reader.ReadInt64("cose.protected.label") != 1)
        {
            throw new AttestationFormatException("cose.protected.label", keyOffset, "expected label 1 (alg)");
        }

        var algOffset = reader.Offset;
        var algorithm = reader.ReadInt64("cose.protected.alg");
        if (algorithm != Es384)
        {
            throw new AttestationFormatException("cose.protected.alg", algOffset, $"algorithm {algorithm} is not ES384 (-35)");
        }

        reader.ExpectEnd("cose.protected");
    }
}
