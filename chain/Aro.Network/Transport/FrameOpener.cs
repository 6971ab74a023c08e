using System.Security.Cryptography;

namespace Aro.Network.Transport;

/// <summary>Decrypts incoming frames of one direction. Not thread-safe: one reader per link.</summary>
internal sealed class FrameOpener : IDisposable
{
    private readonly AesGcm _aes;
    private ulong _counter;

    public FrameOpener(ReadOnlySpan<byte> key)
    {
        _aes = new AesGcm(key, FrameFormat.TagLength);
    }

    /// <summary>The counter of the next frame expected. Set only by benchmarks that open one frame repeatedly.</summary>
    internal ulong Counter
    {
        get => _counter;
        set => _counter = value;
    }

    /// <summary>
    /// Authenticates and decrypts a body (ciphertext ‖ tag) read after <paramref name="header"/>;
    /// writes channel ‖ payload into <paramref name="plaintext"/> (body length − 16 bytes).
    /// </summary>
    /// <exception cref="PeerProtocolException"><see cref="ProtocolError.FrameAuthenticationFailed"/>.</exception>
    public void Open(ReadOnlySpan<byte> header, ReadOnlySpan<byte> body, Span<byte> plaintext)
    {
        var textLength = body.Length - FrameFormat.TagLength;
        Span<byte> nonce = stackalloc byte[FrameFormat.NonceLength];
        FrameFormat.WriteNonce(_counter, nonce);
        try
        {
            _aes.Decrypt(nonce, body[..textLength], body[textLength..], plaintext[..textLength], header);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new PeerProtocolException(ProtocolError.FrameAuthenticationFailed, $"frame {_counter} failed authentication", e);
        }

        _counter++;
    }

    public void Dispose() => _aes.Dispose();
}
