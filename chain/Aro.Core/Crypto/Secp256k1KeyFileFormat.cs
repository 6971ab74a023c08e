namespace Aro.Core.Crypto;

/// <summary>What distinguishes one kind of <see cref="Secp256k1KeyFile"/> from another.</summary>
public sealed class Secp256k1KeyFileFormat<TKey>
{
    /// <summary>Words for messages: "node key" gives "cannot read the node key file …".</summary>
    public required string Kind { get; init; }

    /// <summary>The JSON field holding the key's address, e.g. <c>nodeId</c> or <c>address</c>.</summary>
    public required string IdField { get; init; }

    /// <summary>Builds the key; an <see cref="ArgumentException"/> (not a valid key) becomes a "privateKey is not a valid secp256k1 key" error.</summary>
    public required Func<byte[], TKey> FromPrivateKey { get; init; }

    /// <summary>The caller's exception for a message and its cause (never an <see cref="ArgumentException"/>).</summary>
    public required Func<string, Exception?, Exception> Error { get; init; }
}
