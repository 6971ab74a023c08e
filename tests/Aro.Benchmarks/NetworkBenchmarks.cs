using System.Net;
using System.Net.Sockets;
using Aro.Core.Crypto;
using Aro.Network.Keys;
using Aro.Network.Transport;
using BenchmarkDotNet.Attributes;

namespace Aro.Benchmarks;

/// <summary>P2P frame encryption and decryption (AES-256-GCM with counter nonces) per frame size.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class FrameCipherBenchmarks
{
    private FrameSealer _sealer = null!;
    private byte[] _payload = [];
    private byte[] _wire = [];
    private byte[] _plaintext = [];
    private byte[] _key = [];
    private FrameOpener _opener = null!;
    private byte[] _sealed = [];

    [Params(256, 16 * 1024, 1024 * 1024)]
    public int PayloadBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _key = Keccak256.Hash("bench frame key"u8).ToArray();
        _sealer = new FrameSealer(_key);
        _payload = new byte[PayloadBytes];
        for (var i = 0; i < _payload.Length; i++)
        {
            _payload[i] = (byte)((i * 31) + 7);
        }

        _wire = new byte[FrameFormat.SealedLength(PayloadBytes)];
        _plaintext = new byte[1 + PayloadBytes];
        _opener = new FrameOpener(_key);
        using var sealer = new FrameSealer(_key);
        _sealed = new byte[_wire.Length];
        sealer.Seal(1, _payload, _sealed);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sealer.Dispose();
        _opener.Dispose();
    }

    [Benchmark]
    public int Seal() => _sealer.Seal(1, _payload, _wire);

    [Benchmark]
    public byte Open()
    {
        _opener.Counter = 0;
        _opener.Open(_sealed.AsSpan(0, FrameFormat.HeaderLength), _sealed.AsSpan(FrameFormat.HeaderLength), _plaintext);
        return _plaintext[0];
    }
}

/// <summary>
/// One full handshake (both sides: ephemeral keys, ECDH, HKDF, transcript signatures and their
/// verification, auth and accept frames) over a fresh loopback TCP connection, connect included.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class HandshakeBenchmarks
{
    private static readonly ChainIdentity Chain = new(7771, Keccak256.Hash("bench genesis"u8));
    private readonly NodeKey _dialer = NodeKey.Generate();
    private readonly NodeKey _listener = NodeKey.Generate();
    private TcpListener _tcp = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tcp = new TcpListener(IPAddress.Loopback, 0);
        _tcp.Start();
    }

    [GlobalCleanup]
    public void Cleanup() => _tcp.Stop();

    [Benchmark]
    public async Task<NodeId> HandshakeOverLoopback()
    {
        var client = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var accept = _tcp.AcceptSocketAsync();
        await client.ConnectAsync((IPEndPoint)_tcp.LocalEndpoint);
        var server = await accept;
        var responder = Handshake.RunAsync(new NetworkStream(server, ownsSocket: true), _listener, Chain, initiator: false, null, null, FrameFormat.DefaultMaxFrameSize, CancellationToken.None);
        var initiator = Handshake.RunAsync(new NetworkStream(client, ownsSocket: true), _dialer, Chain, initiator: true, _listener.Id, null, FrameFormat.DefaultMaxFrameSize, CancellationToken.None);
        var results = await Task.WhenAll(initiator, responder);
        await results[0].Connection.DisposeAsync();
        await results[1].Connection.DisposeAsync();
        return results[0].RemoteId;
    }
}
