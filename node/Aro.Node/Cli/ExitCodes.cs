namespace Aro.Node.Cli;

/// <summary>Process exit codes, stable for scripts.</summary>
internal static class ExitCodes
{
    /// <summary>Success; for <c>attest verify</c>, a valid verdict; for <c>run</c>, a requested stop.</summary>
    public const int Ok = 0;

    /// <summary>The command ran and the answer is "no" (e.g. an invalid attestation verdict).</summary>
    public const int Invalid = 1;

    /// <summary>Bad usage or unreadable/unparsable input (config, genesis, validator key).</summary>
    public const int UsageError = 2;

    /// <summary>The node could not start (database locked, damaged or from another genesis, port taken) or stopped on an error.</summary>
    public const int NodeFailed = 3;
}
