using System.Buffers;

namespace Aro.Network.Transport;

/// <summary>
/// An established encrypted link: frames in, frames out. One reader at a time; writes are
/// serialised. The async methods are the I/O edge; sealing and opening are synchronous span code.
/// </summary>
internal sealed class SecureConnection : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly FrameSealer _sealer;
    private readonly FrameOpener _opener;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly byte[] _header = new byte[FrameFormat.HeaderLength];
    private int _disposed;

    public SecureConnection(Stream stream, ReadOnlySpan<byte> sendKey, ReadOnlySpan<byte> receiveKey, int maxFrameSize)
    {
        _stream = stream;
        _sealer = new FrameSealer(sendKey);
        _opener = new FrameOpener(receiveKey);
        MaxFrameSize = maxFrameSize;
    }

    /// <summary>Largest plaintext (channel byte + payload) accepted and sent.</summary>
    public int MaxFrameSize { get; set; }

    public async ValueTask SendAsync(byte channel, ReadOnlyMemory<byte> payload, CancellationToken cancellation)
    {
        if (1 + payload.Length > MaxFrameSize)
        {
            throw new ArgumentException($"a {payload.Length}-byte payload exceeds the {MaxFrameSize}-byte frame limit", nameof(payload));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(FrameFormat.SealedLength(payload.Length));
        try
        {
            await _writeLock.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                var length = _sealer.Seal(channel, payload.Span, buffer);
                await _stream.WriteAsync(buffer.AsMemory(0, length), cancellation).ConfigureAwait(false);
            }
            finally
            {
                _writeLock.Release();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <exception cref="PeerProtocolException">Oversized, malformed or unauthenticated frame.</exception>
    /// <exception cref="EndOfStreamException">The peer closed the link.</exception>
    public async ValueTask<Frame> ReceiveAsync(CancellationToken cancellation)
    {
        await _stream.ReadExactlyAsync(_header, cancellation).ConfigureAwait(false);
        var bodyLength = FrameFormat.ReadBodyLength(_header, MaxFrameSize);
        var body = ArrayPool<byte>.Shared.Rent(bodyLength);
        try
        {
            await _stream.ReadExactlyAsync(body.AsMemory(0, bodyLength), cancellation).ConfigureAwait(false);
            var plaintext = new byte[bodyLength - FrameFormat.TagLength];
            _opener.Open(_header, body.AsSpan(0, bodyLength), plaintext);
            return new Frame(plaintext[0], plaintext.AsMemory(1));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
        _sealer.Dispose();
        _opener.Dispose();
    }
}
