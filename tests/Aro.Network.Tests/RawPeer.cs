using System.Buffers.Binary;
using System.Net.Sockets;
using Aro.Network.Keys;
using Aro.Network.Peers;
using Aro.Network.Transport;

namespace Aro.Network.Tests;

/// <summary>
/// A hand-driven peer: the real handshake over a real socket, then direct access to the bytes on
/// the wire so tests can send what a well-behaved host never would (tampered or oversized frames).
/// </summary>
internal sealed class RawPeer : IAsyncDisposable
{
    private RawPeer(NodeKey key, TamperingStream wire, SecureConnection connection, NodeId remote)
    {
        Key = key;
        Wire = wire;
        Connection = connection;
        RemoteId = remote;
    }

    public NodeKey Key { get; }

    public TamperingStream Wire { get; }

    public SecureConnection Connection { get; }

    public NodeId RemoteId { get; }

    public static async Task<RawPeer> ConnectAsync(P2PHost host, NodeKey? key = null, ChainIdentity? chain = null, NodeId? expected = null)
    {
        key ??= NodeKey.Generate();
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(host.ListenEndPoint!);
        var wire = new TamperingStream(new NetworkStream(socket, ownsSocket: true));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var result = await Handshake.RunAsync(wire, key, chain ?? TestNet.Chain, initiator: true, expected ?? host.Id, admit: null, FrameFormat.DefaultMaxFrameSize, timeout.Token);
        return new RawPeer(key, wire, result.Connection, result.RemoteId);
    }

    public ValueTask SendAsync(ChannelId channel, byte[] payload) => Connection.SendAsync((byte)channel, payload, CancellationToken.None);

    /// <summary>Writes a frame header announcing <paramref name="bodyLength"/> bytes, and nothing else.</summary>
    public async Task SendHeaderOnlyAsync(uint bodyLength)
    {
        var header = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(header, bodyLength);
        await Wire.Inner.WriteAsync(header);
    }

    /// <summary>True once the remote side has closed the link (a read returns end of stream or fails).</summary>
    public async Task<bool> IsClosedByRemoteAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            while (true)
            {
                _ = await Connection.ReceiveAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or PeerProtocolException)
        {
            return true;
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}

/// <summary>Passes bytes through; when armed, flips one bit in the last byte of the next write (inside the tag or ciphertext).</summary>
internal sealed class TamperingStream(Stream inner) : Stream
{
    public Stream Inner { get; } = inner;

    public bool FlipNextWrite { get; set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => Inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => Inner.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => Inner.ReadAsync(buffer, cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (FlipNextWrite)
        {
            FlipNextWrite = false;
            var copy = buffer.ToArray();
            copy[^1] ^= 0x01;
            return Inner.WriteAsync(copy, cancellationToken);
        }

        return Inner.WriteAsync(buffer, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
