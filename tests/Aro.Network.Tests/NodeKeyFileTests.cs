using Aro.Network.Keys;
using Aro.Testing;

namespace Aro.Network.Tests;

public sealed class NodeKeyFileTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void LoadOrCreate_writes_an_owner_only_file_and_reloads_the_same_node_id()
    {
        using var home = new TempDirectory();
        var path = Path.Combine(home.Path, NodeKeyFile.DefaultName);

        var created = NodeKeyFile.LoadOrCreate(path);
        var reloaded = NodeKeyFile.LoadOrCreate(path);

        Assert.Equal(created.Id, reloaded.Id);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Contains(created.Id.ToString(), File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_file_whose_node_id_does_not_match_its_private_key_is_refused()
    {
        using var home = new TempDirectory();
        var path = Path.Combine(home.Path, NodeKeyFile.DefaultName);
        NodeKeyFile.Write(path, NodeKey.Generate());
        var text = File.ReadAllText(path);
        var id = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("nodeId").GetString()!;
        File.WriteAllText(path, text.Replace(id, NodeKey.Generate().Id.ToString(), StringComparison.Ordinal));

        var error = Assert.Throws<NodeKeyException>(() => NodeKeyFile.Read(path));

        Assert.Contains("nodeId", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "is not valid JSON")]
    [InlineData("[]", "the node key file must hold a JSON object")]
    [InlineData("{\"privateKey\": \"0x1d74\"}", "\"privateKey\" is not a valid secp256k1 key: A node key is")]
    public void A_malformed_key_file_is_refused_as_a_node_key_error(string content, string reason)
    {
        using var home = new TempDirectory();
        var path = Path.Combine(home.Path, NodeKeyFile.DefaultName);
        File.WriteAllText(path, content);

        var error = Assert.Throws<NodeKeyException>(() => NodeKeyFile.Read(path));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_file_is_refused_naming_the_node_key_file()
    {
        var error = Assert.Throws<NodeKeyException>(() => NodeKeyFile.Read("/nonexistent/aro/node_key.json"));

        Assert.StartsWith("cannot read the node key file /nonexistent/aro/node_key.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_peer_address_parses_id_host_and_port()
    {
        var id = NodeKey.Generate().Id;

        var address = Peers.PeerAddress.Parse($"{id}@127.0.0.1:26656");

        Assert.Equal(new Peers.PeerAddress(id, "127.0.0.1", 26656), address);
        Assert.Throws<FormatException>(() => Peers.PeerAddress.Parse("127.0.0.1:70000"));
    }
}
