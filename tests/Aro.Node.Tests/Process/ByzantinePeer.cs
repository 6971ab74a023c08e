using Aro.Consensus.Core;
using Aro.Consensus.Wire;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Network.Keys;
using Aro.Network.Peers;
using Aro.Network.Transport;
using Aro.Node.Validator;

namespace Aro.Node.Tests.Process;

/// <summary>
/// A validator run by the test, not by <c>aro-node</c>: it holds a testnet validator's key and node key,
/// speaks the real P2P protocol (handshake, consensus channel) through <see cref="P2PHost"/>, and once it
/// sees a proposal at or above <see cref="AttackFromHeight"/> signs two different prevotes for that
/// height/round: the proposal's block to some peers and a block that does not exist to the others, then
/// each the other one. Otherwise it stays silent (3 of 4 honest validators keep the chain going).
/// </summary>
internal sealed class ByzantinePeer : IChannelHandler, IAsyncDisposable
{
    private readonly P2PHost _host;
    private readonly ValidatorKey _key;
    private readonly uint _index;
    private readonly ulong _chainId;
    private readonly NodeId[] _victims;
    private readonly TaskCompletionSource<(ulong Height, uint Round)> _equivocated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _attacked;

    private ByzantinePeer(P2PHost host, ValidatorKey key, uint index, ulong chainId, NodeId[] victims, ulong attackFrom)
    {
        _host = host;
        _key = key;
        _index = index;
        _chainId = chainId;
        _victims = victims;
        AttackFromHeight = attackFrom;
        host.RegisterChannel(ChannelDescriptor.Consensus, this);

        // Honest peers also gossip transactions and announce heads; it takes and ignores them like a peer with nothing to add.
        host.RegisterChannel(ChannelDescriptor.Transactions, Ignore.Instance);
        host.RegisterChannel(ChannelDescriptor.BlockSync, Ignore.Instance);
    }

    public ulong AttackFromHeight { get; }

    /// <summary>The height and round it signed two prevotes for, once it has.</summary>
    public Task<(ulong Height, uint Round)> Equivocated => _equivocated.Task;

    public Address Validator => _key.Address;

    /// <param name="home">The home of the validator it impersonates (its validator key and node key).</param>
    /// <param name="validators">Every validator address of the set, to find its own index (canonical order: address ascending).</param>
    public static async Task<ByzantinePeer> StartAsync(
        string home, int listenPort, IReadOnlyList<PeerAddress> peers, ChainIdentity chain, IReadOnlyList<Address> validators, ulong attackFromHeight)
    {
        var key = ValidatorKeyFile.Read(Path.Combine(home, "priv_validator_key.json"));
        var sorted = validators.OrderBy(a => a).ToList();
        var index = (uint)sorted.IndexOf(key.Address);
        var host = new P2PHost(new P2PHostOptions
        {
            Key = NodeKeyFile.Read(Path.Combine(home, NodeKeyFile.DefaultName)),
            Chain = chain,
            Listen = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, listenPort),
            PersistentPeers = peers,
        });
        var peer = new ByzantinePeer(host, key, index, chain.ChainId, [.. peers.Select(p => p.Id!.Value)], attackFromHeight);
        await host.StartAsync();
        return peer;
    }

    /// <summary>For a failure message: what it saw.</summary>
    public string State => $"peers {_host.Peers.Count}/{_victims.Length}, consensus messages {Volatile.Read(ref _messages)}, proposals {Volatile.Read(ref _proposals)}";

    private int _messages;
    private int _proposals;

    void IChannelHandler.Receive(NodeId from, ReadOnlyMemory<byte> payload)
    {
        Interlocked.Increment(ref _messages);
        var message = ConsensusMessage.Decode(payload.Span);
        if (message is ProposalReceived)
        {
            Interlocked.Increment(ref _proposals);
        }

        if (message is not ProposalReceived { Proposal: var proposal }
            || proposal.Height < AttackFromHeight
            || _host.Peers.Count < _victims.Length
            || Interlocked.Exchange(ref _attacked, 1) == 1)
        {
            return;
        }

        var real = ConsensusMessage.Encode(Vote.Sign(_chainId, VoteType.Prevote, proposal.Height, proposal.Round, proposal.Value.Hash, _index, _key.PrivateKey));
        var fake = ConsensusMessage.Encode(Vote.Sign(_chainId, VoteType.Prevote, proposal.Height, proposal.Round, Keccak256.Hash("no such block"u8), _index, _key.PrivateKey));

        // One view to the first peers, the other to the rest; then each gets the vote it has not seen.
        var split = _victims.Length / 2 + 1;
        for (var i = 0; i < _victims.Length; i++)
        {
            _host.Send(_victims[i], ChannelId.Consensus, i < split ? real : fake);
        }

        for (var i = 0; i < _victims.Length; i++)
        {
            _host.Send(_victims[i], ChannelId.Consensus, i < split ? fake : real);
        }

        _equivocated.TrySetResult((proposal.Height, proposal.Round));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private sealed class Ignore : IChannelHandler
    {
        public static readonly Ignore Instance = new();

        public void Receive(NodeId from, ReadOnlyMemory<byte> payload)
        {
        }
    }
}
