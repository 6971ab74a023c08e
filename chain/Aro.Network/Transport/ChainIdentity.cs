using Aro.Core;

namespace Aro.Network.Transport;

/// <summary>What two nodes must share to talk: the chain id and the genesis block hash.</summary>
public sealed record ChainIdentity(ulong ChainId, Hash256 GenesisHash);
