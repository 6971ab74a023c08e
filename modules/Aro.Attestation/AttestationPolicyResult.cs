namespace Aro.Attestation;

/// <summary>The outcome of <see cref="AttestationPolicy.Evaluate"/>: every rule the verdict broke, in rule order.</summary>
public sealed record AttestationPolicyResult(IReadOnlyList<PolicyViolation> Violations)
{
    public bool Allowed => Violations.Count == 0;

    public bool Violates(string rule)
    {
        foreach (var violation in Violations)
        {
            if (violation.Rule == rule)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>One broken policy rule (see <see cref="PolicyRules"/>) and why.</summary>
public sealed record PolicyViolation(string Rule, string Detail);

/// <summary>Names of the policy rules, stable for logs, RPC and on-chain events.</summary>
public static class PolicyRules
{
    public const string VerdictValid = "verdict_valid";
    public const string KindAllowed = "kind_allowed";
    public const string Measurement = "measurement_allowed";
    public const string TcbStatus = "tcb_status";
    public const string Debug = "debug";
    public const string Vmpl = "vmpl";
    public const string MaxAge = "max_age";
    public const string ReportData = "report_data";
}
