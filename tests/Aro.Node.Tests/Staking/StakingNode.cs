using System.Collections.Immutable;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aro.Core;
using Aro.Core.Transactions;
using Aro.Execution.Chain;
using Aro.JsonRpc;
using Aro.JsonRpc.Hosting;
using Aro.JsonRpc.Subscriptions;
using Aro.JsonRpc.Tests;
using Aro.Modules.Gpos;
using Aro.Node.Chain;
using Aro.Node.Production;
using Aro.Node.Rpc;
using Aro.Node.Tests.Chain;
using Aro.Node.Tests.Rpc;
using Aro.Node.Validator;
using Aro.Testing;

namespace Aro.Node.Tests.Staking;

/// <summary>
/// A real node in-process for staking tests: <see cref="ChainNode"/> on RocksDB in a temp directory
/// (devnet genesis with its gpos section unless told otherwise), the real <see cref="BlockProducer"/>,
/// and the JSON-RPC server on 127.0.0.1 with an HTTP client. Blocks are made when the test says so.
/// </summary>
internal sealed class StakingNode : IAsyncDisposable
{
    public static readonly UInt256 Aro = UInt256.Parse("1000000000000000000");

    private readonly TempDirectory _directory;
    private readonly BlockProducer _producer;
    private readonly HttpClient _http = new();
    private int _nextId;

    private StakingNode(TempDirectory directory, ChainNode chain, JsonRpcServer server)
    {
        _directory = directory;
        Chain = chain;
        Server = server;
        _producer = new BlockProducer(chain, Devnet.Validator);
    }

    public ChainNode Chain { get; }

    public JsonRpcServer Server { get; }

    public static async Task<StakingNode> StartAsync(GenesisSpec? genesis = null)
    {
        var directory = new TempDirectory("aro-staking");
        var chain = ChainNode.Open(Path.Combine(directory.Path, "data"), genesis ?? Devnet.Spec);
        var registry = new JsonRpcMethodRegistry();
        var hub = new SubscriptionHub();
        RpcApi.Register(registry, hub, chain, "aro-node/test");
        var server = new JsonRpcServer(registry, new JsonRpcServerOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) }, hub);
        await server.StartAsync();
        return new StakingNode(directory, chain, server);
    }

    /// <summary>The devnet genesis without its gpos section (and without the module account's funding).</summary>
    public static GenesisSpec GenesisWithoutGpos()
    {
        var json = JsonNode.Parse(File.ReadAllText(Devnet.GenesisPath))!;
        json["modules"]!.AsObject().Remove(GposModule.GenesisSection);
        json["alloc"]!.AsObject().Remove(GposModule.Address.ToLowerHex());
        return GenesisSpec.Parse(json.ToJsonString());
    }

    /// <summary>A consensus key no keeper holds: the public key of a key derived from <paramref name="label"/>.</summary>
    public static byte[] ConsensusKey(string label) => ValidatorKey.FromLabel(label).PublicKey.ToArray();

    public async Task<JsonElement> ResultAsync(string method, string parameters = "[]") =>
        JsonAssert.Result(await CallAsync(method, parameters));

    public async Task<string> ErrorAsync(string method, string parameters, int code) =>
        JsonAssert.Message(JsonAssert.Error(await CallAsync(method, parameters), code));

    /// <summary>Sends a call to the module from dev account <paramref name="account"/> over eth_sendRawTransaction, makes a block, returns the receipt.</summary>
    public async Task<JsonElement> SendAsync(int account, byte[] calldata, UInt256 value = default)
    {
        var from = Devnet.AccountAddress(account);
        var nonce = Wire.Quantity(await ResultAsync("eth_getTransactionCount", $"[{Wire.S(from)}, \"pending\"]"));
        var tx = TxSigner.Sign(
            Transaction.DynamicFee(Devnet.Spec.ChainId, nonce, 1_000_000_000, 10_000_000_000, 500_000, GposModule.Address, value, calldata, ImmutableArray<AccessListEntry>.Empty),
            Devnet.AccountKey(account));
        var hash = (await ResultAsync("eth_sendRawTransaction", $"[{Wire.S(TxEncoder.Encode(tx))}]")).GetString();
        Produce(1);
        return await ResultAsync("eth_getTransactionReceipt", $"[\"{hash}\"]");
    }

    /// <summary>Makes <paramref name="count"/> blocks (empty unless the pool holds transactions).</summary>
    public void Produce(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _producer.TryProduce(Chain.Head.Timestamp + 1, allowEmpty: true);
        }
    }

    /// <summary>Makes blocks until the head is the first block of <paramref name="epoch"/> (devnet: 10 blocks an epoch).</summary>
    public void ProduceToEpoch(ulong epoch)
    {
        var first = epoch * Devnet.Spec.Modules[GposModule.GenesisSection].GetProperty("params").GetProperty("epochBlocks").GetUInt64();
        while (Chain.Head.Number < first)
        {
            Produce(1);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
        Chain.Dispose();
        _directory.Dispose();
    }

    private async Task<JsonElement> CallAsync(string method, string parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        using var content = new StringContent($$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}","params":{{parameters}}}""", Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(Server.HttpUri, content);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
