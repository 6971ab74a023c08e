using Aro.Core;

namespace Aro.Modules.Gpos.State;

/// <summary>
/// Stake on its way out of a keeper's pool; withdrawable from the start of <see cref="CompletionEpoch"/>.
/// A slash for an infraction at height h reaches the entries with <see cref="CreationHeight"/> ≥ h:
/// that stake was still bonded when the infraction happened.
/// </summary>
internal sealed record UnbondingEntry(ulong Id, Address Delegator, Address Keeper, UInt256 Amount, ulong CreationHeight, ulong CompletionEpoch)
{
    public byte[] Encode() => new RecordWriter()
        .Add(Delegator).Add(Keeper).Add(Amount).Add(CreationHeight).Add(CompletionEpoch).ToArray();

    public static UnbondingEntry Decode(ulong id, ReadOnlySpan<byte> record)
    {
        var r = new RecordReader(record);
        var entry = new UnbondingEntry(id, r.Address(), r.Address(), r.UInt256(), r.UInt64(), r.UInt64());
        r.End();
        return entry;
    }
}

/// <summary>
/// Stake moved from one keeper to another without unbonding. Until <see cref="CompletionEpoch"/>
/// it blocks a further hop from the destination and stays slashable for the source's infractions.
/// </summary>
internal sealed record RedelegationEntry(ulong Id, Address Delegator, Address Source, Address Destination, UInt256 Amount, UInt256 DestinationShares, ulong CreationHeight, ulong CompletionEpoch)
{
    public byte[] Encode() => new RecordWriter()
        .Add(Delegator).Add(Source).Add(Destination).Add(Amount).Add(DestinationShares).Add(CreationHeight).Add(CompletionEpoch).ToArray();

    public static RedelegationEntry Decode(ulong id, ReadOnlySpan<byte> record)
    {
        var r = new RecordReader(record);
        var entry = new RedelegationEntry(id, r.Address(), r.Address(), r.Address(), r.UInt256(), r.UInt256(), r.UInt64(), r.UInt64());
        r.End();
        return entry;
    }
}
