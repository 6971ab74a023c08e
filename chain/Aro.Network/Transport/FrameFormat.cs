using System.Buffers.Binary;

namespace Aro.Network.Transport;

/// <summary>
/// One frame on the wire: <c>length (4 bytes, big-endian) ‖ AES-256-GCM(channel ‖ payload) ‖ tag (16)</c>.
/// <c>length</c> counts ciphertext and tag; it is the associated data, so a changed prefix fails
/// authentication too. The nonce is 4 zero bytes ‖ the direction's frame counter (8 bytes,
/// big-endian), never sent: a dropped, replayed or reordered frame fails authentication.
/// </summary>
internal static class FrameFormat
{
    public const int HeaderLength = 4;
    public const int TagLength = 16;
    public const int NonceLength = 12;
    public const int KeyLength = 32;

    /// <summary>Default largest plaintext (channel byte + payload): 4 MiB, above a full block-sync response.</summary>
    public const int DefaultMaxFrameSize = 4 * 1024 * 1024;

    /// <summary>The handshake's own frames are small; anything bigger before the link is up is refused.</summary>
    public const int HandshakeMaxFrameSize = 1024;

    public static int SealedLength(int payloadLength) => HeaderLength + 1 + payloadLength + TagLength;

    public static void WriteNonce(ulong counter, Span<byte> nonce12)
    {
        nonce12[..4].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(nonce12[4..], counter);
    }

    /// <summary>The body length a header announces, checked against the limit before any byte of the body is read.</summary>
    public static int ReadBodyLength(ReadOnlySpan<byte> header, int maxFrameSize)
    {
        var length = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (length > (uint)(maxFrameSize + TagLength))
        {
            throw new PeerProtocolException(ProtocolError.FrameTooLarge, $"frame of {length} bytes announced; the limit is {maxFrameSize + TagLength}");
        }

        if (length < 1 + TagLength)
        {
            throw new PeerProtocolException(ProtocolError.FrameMalformed, $"frame of {length} bytes cannot hold a channel byte and a {TagLength}-byte tag");
        }

        return (int)length;
    }
}
