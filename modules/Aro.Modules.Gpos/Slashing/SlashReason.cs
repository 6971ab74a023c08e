namespace Aro.Modules.Gpos.Slashing;

/// <summary>Why a keeper was slashed; the values are stored (B2) and emitted (Slashed): never renumber.</summary>
public enum SlashReason : byte
{
    DoubleSign = 1,
    Downtime = 2,
    FalseVouch = 3,
}
