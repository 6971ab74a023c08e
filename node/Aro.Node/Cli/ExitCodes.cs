namespace Aro.Node.Cli;

/// <summary>Process exit codes, stable for scripts.</summary>
internal static class ExitCodes
{
    /// <summary>Success; for <c>attest verify</c>, a valid verdict.</summary>
    public const int Ok = 0;

    /// <summary>The command ran and the answer is "no" (e.g. an invalid attestation verdict).</summary>
    public const int Invalid = 1;

    /// <summary>Bad usage or unreadable/unparsable input.</summary>
    public const int UsageError = 2;
}
