using System.Globalization;

namespace Aro.Attestation;

/// <summary>
/// What a verifier of edge-node attestations accepts, applied on top of an <see cref="AttestationVerdict"/>.
/// Explicit and data-only so GPoW can keep it on chain and change it by governance; evaluation is
/// deterministic (ordered lists, no clock, no floats) and returns named violations instead of throwing.
/// </summary>
/// <remarks>
/// Every rule is opt-in except <see cref="AllowDebug"/> (debug is refused unless allowed) and the verdict
/// itself having to be valid. Age: <see cref="MaxAge"/> is measured from the evidence's own timestamp where
/// the format has one (Nitro). SGX, TDX and SEV-SNP evidence carries no production time, so for those the
/// caller enforces freshness itself, e.g. through the attestation's registration block time or a nonce in
/// the report data (<see cref="RequiredReportData"/>).
/// </remarks>
public sealed record AttestationPolicy
{
    /// <summary>Evidence kinds accepted at all; empty accepts every kind.</summary>
    public IReadOnlyList<AttestationKind> AllowedKinds { get; init; } = [];

    /// <summary>
    /// Allowed values of named measurements (mrenclave, mrtd, rtmr0, measurement, pcr0, ...). Every rule for
    /// the verdict's kind must hold: the measurement is present and equals one of the rule's values.
    /// </summary>
    public IReadOnlyList<AllowedMeasurement> AllowedMeasurements { get; init; } = [];

    /// <summary>Worst acceptable Intel TCB status (DCAP only; <see cref="TcbStatus"/> is ordered best to worst).</summary>
    public TcbStatus? MinimumTcbStatus { get; init; }

    /// <summary>Whether debug-mode environments (readable by the host) are acceptable.</summary>
    public bool AllowDebug { get; init; }

    /// <summary>Highest acceptable SEV-SNP VMPL (0 = only the most privileged level); null accepts any.</summary>
    public int? MaxVmpl { get; init; }

    /// <summary>Oldest acceptable evidence, measured from <see cref="AttestationVerdict.ProducedAt"/> to the evaluation time.</summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>How far <see cref="AttestationVerdict.ProducedAt"/> may lie after the evaluation time (clock skew).</summary>
    public TimeSpan MaxFutureSkew { get; init; } = TimeSpan.Zero;

    /// <summary>Exact report data (REPORTDATA, or Nitro user_data) the evidence must carry; null accepts any.</summary>
    public ReadOnlyMemory<byte>? RequiredReportData { get; init; }

    /// <summary>Checks a verdict against every rule, in a fixed order, at <paramref name="at"/> (block time).</summary>
    public AttestationPolicyResult Evaluate(AttestationVerdict verdict, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var violations = new List<PolicyViolation>();

        if (!verdict.IsValid)
        {
            violations.Add(new(PolicyRules.VerdictValid, "failed checks: " + string.Join(", ", FailedChecks(verdict))));
        }

        if (AllowedKinds.Count > 0 && !AllowedKinds.Contains(verdict.Kind))
        {
            violations.Add(new(PolicyRules.KindAllowed, $"{verdict.Kind} is not an allowed kind"));
        }

        foreach (var rule in AllowedMeasurements)
        {
            if (rule.Kind == verdict.Kind && CheckMeasurement(rule, verdict) is { } violation)
            {
                violations.Add(violation);
            }
        }

        if (MinimumTcbStatus is { } minimum && (verdict.Kind is AttestationKind.Sgx or AttestationKind.Tdx))
        {
            if (verdict.TcbStatus is not { } status)
            {
                violations.Add(new(PolicyRules.TcbStatus, "verdict has no TCB status"));
            }
            else if (status > minimum)
            {
                violations.Add(new(PolicyRules.TcbStatus, $"{status} is worse than {minimum}"));
            }
        }

        if (!AllowDebug && verdict.DebugMode)
        {
            violations.Add(new(PolicyRules.Debug, "debug mode is not allowed"));
        }

        if (MaxVmpl is { } maxVmpl && verdict.Vmpl is { } vmpl && vmpl > maxVmpl)
        {
            violations.Add(new(PolicyRules.Vmpl, $"VMPL {vmpl} is above {maxVmpl}"));
        }

        if (verdict.ProducedAt is { } producedAt)
        {
            if (producedAt - at > MaxFutureSkew)
            {
                violations.Add(new(PolicyRules.MaxAge, $"produced at {Iso(producedAt)}, after {Iso(at)}"));
            }
            else if (MaxAge is { } maxAge && at - producedAt > maxAge)
            {
                violations.Add(new(PolicyRules.MaxAge, $"produced at {Iso(producedAt)}, older than {maxAge} at {Iso(at)}"));
            }
        }

        if (RequiredReportData is { } required && !required.Span.SequenceEqual(verdict.ReportData.Span))
        {
            violations.Add(new(PolicyRules.ReportData, "report data differs from the required value"));
        }

        return new AttestationPolicyResult(violations);
    }

    private static PolicyViolation? CheckMeasurement(AllowedMeasurement rule, AttestationVerdict verdict)
    {
        if (verdict.FindMeasurement(rule.Name) is not { } value)
        {
            return new(PolicyRules.Measurement, $"{rule.Name} is not in the evidence");
        }

        foreach (var allowed in rule.Values)
        {
            if (allowed.Span.SequenceEqual(value.Span))
            {
                return null;
            }
        }

        return new(PolicyRules.Measurement, $"{rule.Name} {Convert.ToHexStringLower(value.Span)} is not allowed");
    }

    private static IEnumerable<string> FailedChecks(AttestationVerdict verdict)
    {
        foreach (var check in verdict.Checks)
        {
            if (!check.Passed)
            {
                yield return check.Name;
            }
        }
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}

/// <summary>The allowed values of one named measurement of one evidence kind.</summary>
public sealed record AllowedMeasurement(AttestationKind Kind, string Name, IReadOnlyList<ReadOnlyMemory<byte>> Values);
