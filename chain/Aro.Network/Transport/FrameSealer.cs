using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Aro.Network.Transport;

/// <summary>Encrypts outgoing frames of one direction. Not thread-safe: one writer per link.</summary>
internal sealed class FrameSealer : IDisposable
{
    private readonly AesGcm _aes;
    private ulong _counter;

    public FrameSealer(ReadOnlySpan<byte> key)
    {
        _aes = new AesGcm(key, FrameFormat.TagLength);
    }

    /// <summary>Writes the whole frame (header, ciphertext, tag) into <paramref name="output"/>; returns its length.</summary>
    public int Seal(byte channel, ReadOnlySpan<byte> payload, Span<byte> output)
    {
        if (_counter == ulong.MaxValue)
        {
            // 2^64 frames never happen; reusing a nonce must not either.
            throw new InvalidOperationException("frame counter exhausted; the link must be re-established");
        }

        var bodyLength = 1 + payload.Length + FrameFormat.TagLength;
        var total = FrameFormat.HeaderLength + bodyLength;
        var header = output[..FrameFormat.HeaderLength];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)bodyLength);

        // The plaintext is channel ‖ payload; encrypt in place in the output buffer.
        var text = output.Slice(FrameFormat.HeaderLength, 1 + payload.Length);
        text[0] = channel;
        payload.CopyTo(text[1..]);
        Span<byte> nonce = stackalloc byte[FrameFormat.NonceLength];
        FrameFormat.WriteNonce(_counter++, nonce);
        _aes.Encrypt(nonce, text, text, output.Slice(FrameFormat.HeaderLength + text.Length, FrameFormat.TagLength), header);
        return total;
    }

    public void Dispose() => _aes.Dispose();
}
