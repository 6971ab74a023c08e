using Aro.Core;

namespace Aro.Network.Sync;

/// <summary>A node's committed head: its height and block hash.</summary>
public readonly record struct SyncStatus(ulong Height, Hash256 HeadHash);
