using Aro.Network.Keys;

namespace Aro.Network.Transport;

/// <summary>An authenticated link and who is at the other end.</summary>
internal sealed record HandshakeResult(SecureConnection Connection, NodeId RemoteId, byte[] RemotePublicKey);
