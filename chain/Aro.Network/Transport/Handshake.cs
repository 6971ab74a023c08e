using System.Security.Cryptography;
using System.Text;
using Aro.Core.Crypto;
using Aro.Network.Keys;

namespace Aro.Network.Transport;

/// <summary>
/// Sets up an encrypted, mutually authenticated link over a fresh stream (README: handshake).
/// <list type="number">
/// <item>Both sides send hello = <c>"ARO1" ‖ ephemeral public key (33, compressed) ‖ nonce (32)</c> in clear.</item>
/// <item>transcript = SHA-256(<c>"aro-p2p-v1 transcript" ‖ hello(initiator) ‖ hello(responder)</c>);
/// secret = x-coordinate of ECDH(own ephemeral, peer ephemeral);
/// HKDF-SHA256(secret, salt = transcript, info = <c>"aro-p2p-v1 frame keys"</c>) → 64 bytes:
/// the initiator→responder key, then the responder→initiator key (AES-256-GCM).</item>
/// <item>Over encrypted frames each side sends auth: its static node key and a signature over
/// keccak256(<c>"aro-p2p-v1 auth" ‖ role ‖ transcript</c>) (role <c>'I'</c> or <c>'R'</c>, so a
/// signature cannot be reflected), plus chain id and genesis hash.</item>
/// <item>Each side verifies the other's auth (signature, expected id when dialing a known peer,
/// chain id, genesis, then the host's admission rules) and sends accept, or disconnect with the reason.</item>
/// </list>
/// </summary>
internal static class Handshake
{
    public const int HelloLength = 4 + Secp256k1.CompressedPublicKeyLength + 32;

    private static ReadOnlySpan<byte> Magic => "ARO1"u8;

    private static ReadOnlySpan<byte> TranscriptDomain => "aro-p2p-v1 transcript"u8;

    private static ReadOnlySpan<byte> AuthDomain => "aro-p2p-v1 auth"u8;

    private static readonly byte[] KeyInfo = Encoding.ASCII.GetBytes("aro-p2p-v1 frame keys");

    /// <param name="expectedPeer">When dialing a known peer, the id it must prove; null to accept any key.</param>
    /// <param name="admit">Host rules applied once the remote id is proven (ban, duplicates, capacity); null admits.</param>
    /// <exception cref="PeerProtocolException">Any refusal or protocol failure; the stream is then unusable.</exception>
    public static async Task<HandshakeResult> RunAsync(
        Stream stream,
        NodeKey key,
        ChainIdentity chain,
        bool initiator,
        NodeId? expectedPeer,
        Func<NodeId, Refusal?>? admit,
        int maxFrameSize,
        CancellationToken cancellation)
    {
        var ephemeral = Secp256k1.GeneratePrivateKey();
        var ownHello = new byte[HelloLength];
        var peerHello = new byte[HelloLength];
        var keys = new byte[2 * FrameFormat.KeyLength];
        SecureConnection? connection = null;
        try
        {
            WriteHello(ephemeral, ownHello);
            await stream.WriteAsync(ownHello, cancellation).ConfigureAwait(false);
            await stream.ReadExactlyAsync(peerHello, cancellation).ConfigureAwait(false);

            var transcript = DeriveKeys(ephemeral, ownHello, peerHello, initiator, keys);
            connection = initiator
                ? new SecureConnection(stream, keys.AsSpan(0, 32), keys.AsSpan(32, 32), FrameFormat.HandshakeMaxFrameSize)
                : new SecureConnection(stream, keys.AsSpan(32, 32), keys.AsSpan(0, 32), FrameFormat.HandshakeMaxFrameSize);

            var signature = new byte[Secp256k1.SignatureLength];
            key.Sign(AuthDigest(initiator, transcript), signature);
            await connection.SendAsync(ControlMessage.Channel, ControlMessage.Auth(key.PublicKey, signature, chain), cancellation).ConfigureAwait(false);

            var auth = await ReceiveControlAsync(connection, cancellation).ConfigureAwait(false);
            var (remoteKey, remoteSignature, remoteChain) = ControlMessage.ReadAuth(auth.Span);
            var remoteId = NodeId.FromPublicKey(remoteKey);
            var refusal = Check(remoteKey, remoteSignature, AuthDigest(!initiator, transcript), remoteId, remoteChain, chain, expectedPeer)
                ?? admit?.Invoke(remoteId);
            if (refusal is { } problem)
            {
                await TrySendDisconnectAsync(connection, problem.Error, problem.Reason, cancellation).ConfigureAwait(false);
                throw new PeerProtocolException(problem.Error, problem.Reason);
            }

            await connection.SendAsync(ControlMessage.Channel, ControlMessage.Accept(), cancellation).ConfigureAwait(false);
            var answer = await ReceiveControlAsync(connection, cancellation).ConfigureAwait(false);
            if (answer.Length != 1 || answer.Span[0] != ControlMessage.AcceptType)
            {
                throw new PeerProtocolException(ProtocolError.HandshakeMalformed, "expected accept after auth");
            }

            connection.MaxFrameSize = maxFrameSize;
            var result = new HandshakeResult(connection, remoteId, remoteKey);
            connection = null;
            return result;
        }
        catch (OperationCanceledException e) when (!cancellation.IsCancellationRequested || e.CancellationToken == cancellation)
        {
            throw new PeerProtocolException(ProtocolError.Timeout, "the handshake did not complete in time", e);
        }
        catch (EndOfStreamException e)
        {
            throw new PeerProtocolException(ProtocolError.HandshakeMalformed, "the peer closed the connection during the handshake", e);
        }
        catch (IOException e)
        {
            throw new PeerProtocolException(ProtocolError.HandshakeMalformed, $"the handshake failed: {e.Message}", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ephemeral);
            CryptographicOperations.ZeroMemory(keys);
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static void WriteHello(ReadOnlySpan<byte> ephemeral, Span<byte> hello)
    {
        Magic.CopyTo(hello);
        Span<byte> uncompressed = stackalloc byte[Secp256k1.UncompressedPublicKeyLength];
        Secp256k1.GetPublicKey(ephemeral, uncompressed);
        hello[4] = (byte)(0x02 | (uncompressed[64] & 1));
        uncompressed.Slice(1, 32).CopyTo(hello[5..]);
        RandomNumberGenerator.Fill(hello[(5 + 32)..]);
    }

    /// <summary>Fills <paramref name="keys"/> (initiator→responder, responder→initiator) and returns the transcript hash.</summary>
    private static byte[] DeriveKeys(ReadOnlySpan<byte> ephemeral, ReadOnlySpan<byte> ownHello, ReadOnlySpan<byte> peerHello, bool initiator, Span<byte> keys)
    {
        if (!peerHello[..4].SequenceEqual(Magic))
        {
            throw new PeerProtocolException(ProtocolError.HandshakeMalformed, "the peer's hello does not start with ARO1 (not an Aro node, or another protocol version)");
        }

        Span<byte> secret = stackalloc byte[32];
        var peerEphemeral = peerHello.Slice(4, Secp256k1.CompressedPublicKeyLength);
        if ((peerEphemeral[0] is not (0x02 or 0x03)) || !Secp256k1.TryEcdh(peerEphemeral, ephemeral, secret))
        {
            throw new PeerProtocolException(ProtocolError.HandshakeMalformed, "the peer's ephemeral key is not a compressed secp256k1 point");
        }

        var transcript = new byte[32];
        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            sha.AppendData(TranscriptDomain);
            sha.AppendData(initiator ? ownHello : peerHello);
            sha.AppendData(initiator ? peerHello : ownHello);
            sha.GetHashAndReset(transcript);
        }

        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, keys, transcript, KeyInfo);
        CryptographicOperations.ZeroMemory(secret);
        return transcript;
    }

    private static byte[] AuthDigest(bool initiatorRole, ReadOnlySpan<byte> transcript)
    {
        Span<byte> preimage = stackalloc byte[AuthDomain.Length + 1 + 32];
        AuthDomain.CopyTo(preimage);
        preimage[AuthDomain.Length] = initiatorRole ? (byte)'I' : (byte)'R';
        transcript.CopyTo(preimage[(AuthDomain.Length + 1)..]);
        return Keccak256.Hash(preimage).ToArray();
    }

    private static Refusal? Check(
        byte[] remoteKey, byte[] signature, byte[] digest, NodeId remoteId, ChainIdentity remoteChain, ChainIdentity chain, NodeId? expectedPeer)
    {
        if (!Secp256k1.Verify(digest, signature, remoteKey))
        {
            return new Refusal(ProtocolError.BadSignature, "the peer's transcript signature does not verify against its node key");
        }

        if (expectedPeer is { } expected && expected != remoteId)
        {
            return new Refusal(ProtocolError.UnexpectedPeerId, $"dialed node {expected} but {remoteId} answered");
        }

        if (remoteChain.ChainId != chain.ChainId)
        {
            return new Refusal(ProtocolError.ChainIdMismatch, $"chain id mismatch: peer {remoteId} is on chain {remoteChain.ChainId}, this node on {chain.ChainId}");
        }

        return remoteChain.GenesisHash != chain.GenesisHash
            ? new Refusal(ProtocolError.GenesisMismatch, $"genesis mismatch on chain {chain.ChainId}: peer {remoteId} has {remoteChain.GenesisHash}, this node {chain.GenesisHash}")
            : null;
    }

    private static async Task<ReadOnlyMemory<byte>> ReceiveControlAsync(SecureConnection connection, CancellationToken cancellation)
    {
        var frame = await connection.ReceiveAsync(cancellation).ConfigureAwait(false);
        if (frame.Channel != ControlMessage.Channel)
        {
            throw new PeerProtocolException(ProtocolError.HandshakeMalformed, $"a channel {frame.Channel} frame arrived before the handshake finished");
        }

        if (ControlMessage.TryReadDisconnect(frame.Payload.Span, out var reason, out var text))
        {
            throw new PeerProtocolException(ProtocolError.RefusedByPeer, $"the peer refused the link ({reason}): {text}");
        }

        return frame.Payload;
    }

    private static async Task TrySendDisconnectAsync(SecureConnection connection, ProtocolError error, string reason, CancellationToken cancellation)
    {
        try
        {
            await connection.SendAsync(ControlMessage.Channel, ControlMessage.Disconnect(error, reason), cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // Best effort: the link closes either way and the local error carries the reason.
        }
    }
}
