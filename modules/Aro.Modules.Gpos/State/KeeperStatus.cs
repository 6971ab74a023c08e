namespace Aro.Modules.Gpos.State;

/// <summary>A keeper's bonding status; the codes are those of the ABI's <c>status</c> fields.</summary>
public enum KeeperStatus : byte
{
    /// <summary>Not in the active set and not waiting to leave it; its stake is still slashable for past infractions until then.</summary>
    Unbonded = 0,

    /// <summary>In the active set of the current epoch.</summary>
    Bonded = 1,

    /// <summary>Left the active set; becomes Unbonded after unbondingEpochs unless it re-enters first.</summary>
    Unbonding = 2,
}
