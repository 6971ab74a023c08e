using Aro.Core;

namespace Aro.Network.Keys;

/// <summary>
/// A node's identity on the network: the 20-byte address of its static secp256k1 node key
/// (keccak256 of the uncompressed public key, last 20 bytes), the same derivation as an Ethereum
/// account. Written as EIP-55 hex; a peer address is <c>0x…@host:port</c>.
/// </summary>
public readonly record struct NodeId(Address Address)
{
    public static NodeId FromPublicKey(ReadOnlySpan<byte> uncompressed65) => new(Address.FromPublicKey(uncompressed65));

    /// <exception cref="FormatException">Not 0x followed by 40 hex digits.</exception>
    public static NodeId Parse(string text) =>
        Address.TryParse(text, out var address) ? new NodeId(address) : throw new FormatException($"'{text}' is not a node id (0x followed by 40 hex digits).");

    public override string ToString() => Address.ToString();
}
