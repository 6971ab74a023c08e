using System.Buffers;
using System.Text;
using System.Text.Json;
using Aro.Core;
using Aro.JsonRpc.Dispatch;
using Aro.JsonRpc.Subscriptions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aro.JsonRpc.Tests;

/// <summary>The hub without sockets: ordering and delivery rules that a network test cannot pin down.</summary>
public sealed class SubscriptionHubTests
{
    private readonly SubscriptionHub _hub = new();
    private readonly JsonRpcDispatcher _dispatcher;

    public SubscriptionHubTests()
    {
        _hub.AddKind<Head>("newHeads");
        var registry = new JsonRpcMethodRegistry();
        registry.Register(new SubscribeMethod(_hub));
        registry.Register(new UnsubscribeMethod(_hub));
        _dispatcher = new JsonRpcDispatcher(registry, 10, NullLogger.Instance);
    }

    [Fact]
    public void Events_published_before_the_response_is_queued_are_not_delivered()
    {
        var sink = new ListSink();
        var context = new RpcCallContext(sink);
        var id = Subscribe(context);

        _hub.Publish("newHeads", new Head(1, Hash256.Zero));
        Assert.Empty(sink.Messages);

        context.ActivatePending();
        _hub.Publish("newHeads", new Head(2, Hash256.Zero));
        var message = JsonDocument.Parse(Assert.Single(sink.Messages)).RootElement;
        Assert.Equal(id, message.GetProperty("params").GetProperty("subscription").GetString());
        Assert.Equal("0x2", message.GetProperty("params").GetProperty("result").GetProperty("number").GetString());
    }

    [Fact]
    public void Payload_is_delivered_to_every_subscriber_with_its_own_id()
    {
        var first = new ListSink();
        var second = new ListSink();
        var a = SubscribeActive(first);
        var b = SubscribeActive(second);
        _hub.Publish("newHeads", new Head(7, Hash256.Zero));
        Assert.Contains(a, Assert.Single(first.Messages), StringComparison.Ordinal);
        Assert.Contains(b, Assert.Single(second.Messages), StringComparison.Ordinal);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Full_sink_loses_all_its_subscriptions_and_others_keep_theirs()
    {
        var full = new ListSink { Accept = false };
        var healthy = new ListSink();
        SubscribeActive(full);
        SubscribeActive(full);
        SubscribeActive(healthy);
        _hub.Publish("newHeads", new Head(1, Hash256.Zero));
        Assert.Equal(1, _hub.Count);
        Assert.Single(healthy.Messages);
    }

    [Fact]
    public void No_subscribers_means_no_serialization_and_no_error() =>
        _hub.Publish("newHeads", new Head(1, Hash256.Zero));

    [Fact]
    public void Kinds_cannot_be_registered_twice() =>
        Assert.Throws<InvalidOperationException>(() => _hub.AddKind<Head>("newHeads"));

    private string SubscribeActive(ListSink sink)
    {
        var context = new RpcCallContext(sink);
        var id = Subscribe(context);
        context.ActivatePending();
        return id;
    }

    private string Subscribe(RpcCallContext context)
    {
        var output = new ArrayBufferWriter<byte>();
        var request = """{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["newHeads"]}"""u8.ToArray();
        _dispatcher.DispatchAsync(new ReadOnlySequence<byte>(request), output, context).AsTask().GetAwaiter().GetResult();
        return JsonAssert.Result(JsonDocument.Parse(output.WrittenMemory).RootElement).GetString()!;
    }

    private sealed class ListSink : ISubscriptionSink
    {
        public List<string> Messages { get; } = [];

        public bool Accept { get; init; } = true;

        public int MaxSubscriptions => 10;

        public bool TrySend(byte[] message)
        {
            if (Accept)
            {
                Messages.Add(Encoding.UTF8.GetString(message));
            }

            return Accept;
        }
    }
}
