namespace Aro.Attestation;

/// <summary>
/// Intel TCB status of a platform, ordered from best to worst so a policy can say "at least X".
/// </summary>
public enum TcbStatus
{
    UpToDate = 0,
    SWHardeningNeeded = 1,
    ConfigurationNeeded = 2,
    ConfigurationAndSWHardeningNeeded = 3,
    OutOfDate = 4,
    OutOfDateConfigurationNeeded = 5,
    Revoked = 6,

    /// <summary>No TCB level in the collateral matches the platform.</summary>
    TcbNotSupported = 7,
}
