using Aro.Core;

namespace Aro.Modules.Gpos.State;

/// <summary>
/// A keeper: description, commission, lifecycle and its stake pool (<see cref="Tokens"/> wei owned
/// by <see cref="TotalShares"/> shares). Shares make later slashes O(1): a slash lowers Tokens and
/// every delegation's worth with it. Without slashes one share is one wei.
/// </summary>
internal sealed class KeeperRecord
{
    public required Address Address { get; init; }

    /// <summary>Uncompressed secp256k1 public key (65 bytes) the keeper signs consensus votes with.</summary>
    public required byte[] ConsensusKey { get; init; }

    public required ushort CommissionBps { get; set; }

    /// <summary>Epoch of the last commission change (registration counts as one).</summary>
    public required ulong CommissionChangedEpoch { get; set; }

    public required string Moniker { get; set; }

    public required string Region { get; set; }

    public KeeperStatus Status { get; set; }

    /// <summary>Epoch at whose start an Unbonding keeper becomes Unbonded; 0 otherwise.</summary>
    public ulong UnbondingCompletionEpoch { get; set; }

    public bool Jailed { get; set; }

    /// <summary>Epoch from which a jailed keeper may unjail (slashing slice).</summary>
    public ulong JailedUntilEpoch { get; set; }

    public bool Tombstoned { get; set; }

    public bool Left { get; set; }

    public UInt256 Tokens { get; set; }

    public UInt256 TotalShares { get; set; }

    public required ulong RegisteredHeight { get; init; }

    /// <summary>Whether the keeper may be chosen for the active set.</summary>
    public bool IsCandidate => !Left && !Jailed && !Tombstoned && !Tokens.IsZero;

    public byte[] Encode() => new RecordWriter()
        .Add(ConsensusKey).Add(CommissionBps).Add(CommissionChangedEpoch).Add(Moniker).Add(Region)
        .Add((ulong)Status).Add(UnbondingCompletionEpoch).Add(Jailed).Add(JailedUntilEpoch).Add(Tombstoned)
        .Add(Left).Add(Tokens).Add(TotalShares).Add(RegisteredHeight).ToArray();

    public static KeeperRecord Decode(in Address address, ReadOnlySpan<byte> record)
    {
        var r = new RecordReader(record);
        var keeper = new KeeperRecord
        {
            Address = address,
            ConsensusKey = r.Bytes(),
            CommissionBps = (ushort)r.UInt64(),
            CommissionChangedEpoch = r.UInt64(),
            Moniker = r.String(),
            Region = r.String(),
            Status = (KeeperStatus)r.UInt64(),
            UnbondingCompletionEpoch = r.UInt64(),
            Jailed = r.Bool(),
            JailedUntilEpoch = r.UInt64(),
            Tombstoned = r.Bool(),
            Left = r.Bool(),
            Tokens = r.UInt256(),
            TotalShares = r.UInt256(),
            RegisteredHeight = r.UInt64(),
        };
        r.End();
        return keeper;
    }
}
