using Aro.Core.Crypto;

namespace Aro.Network.Keys;

/// <summary>
/// <c>node_key.json</c> in the node home, mode 0600, as CometBFT keeps its node key:
/// <code>{ "nodeId": "0x…", "publicKey": "0x04…", "privateKey": "0x…" }</code>
/// The node id and public key are there for operators (peer lists name the id); on load they must
/// match the private key (<see cref="Secp256k1KeyFile"/>).
/// </summary>
public static class NodeKeyFile
{
    public const string DefaultName = "node_key.json";

    private static readonly Secp256k1KeyFileFormat<NodeKey> Format = new()
    {
        Kind = "node key",
        IdField = "nodeId",
        FromPrivateKey = privateKey => new NodeKey(privateKey),
        Error = (message, inner) => inner is null ? new NodeKeyException(message) : new NodeKeyException(message, inner),
    };

    /// <summary>Reads the key at <paramref name="path"/>, or creates one there (0600) when the file does not exist.</summary>
    public static NodeKey LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Read(path);
        }

        var key = NodeKey.Generate();
        Write(path, key);
        return key;
    }

    /// <summary>Writes a new key file created with mode 0600 (never briefly readable by others).</summary>
    /// <exception cref="IOException">The file exists (a key is never overwritten) or cannot be written.</exception>
    public static void Write(string path, NodeKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Secp256k1KeyFile.Write(path, Format.IdField, key.PrivateKey);
    }

    /// <exception cref="NodeKeyException">Unreadable, malformed, or the id/public key do not match the private key.</exception>
    public static NodeKey Read(string path) => Secp256k1KeyFile.Read(path, Format);
}
