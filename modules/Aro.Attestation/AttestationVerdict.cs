namespace Aro.Attestation;

/// <summary>
/// The outcome of verifying one piece of evidence at one explicit time: every check with its
/// result, plus what the evidence attests to (measurements, report data, TCB status).
/// A verdict is facts, not a decision: <see cref="AttestationPolicy"/> decides on top of it.
/// </summary>
public sealed class AttestationVerdict
{
    public AttestationVerdict(
        AttestationKind kind,
        DateTimeOffset verifiedAt,
        IReadOnlyList<VerificationCheck> checks,
        IReadOnlyList<Measurement> measurements,
        ReadOnlyMemory<byte> reportData)
    {
        Kind = kind;
        VerifiedAt = verifiedAt;
        Checks = checks;
        Measurements = measurements;
        ReportData = reportData;
    }

    public AttestationKind Kind { get; }

    /// <summary>The time the caller asked verification to be done at (never the wall clock).</summary>
    public DateTimeOffset VerifiedAt { get; }

    /// <summary>Every check in the order it was made; names follow the test manifest.</summary>
    public IReadOnlyList<VerificationCheck> Checks { get; }

    /// <summary>True when every check passed: signatures, chains, revocation and validity windows.</summary>
    public bool IsValid
    {
        get
        {
            foreach (var check in Checks)
            {
                if (!check.Passed)
                {
                    return false;
                }
            }

            return Checks.Count > 0;
        }
    }

    /// <summary>Named measurements in a fixed order (mrenclave, mrsigner, mrtd, rtmr0.., measurement, pcr0..).</summary>
    public IReadOnlyList<Measurement> Measurements { get; }

    /// <summary>REPORTDATA (SGX, TDX, SNP) or user_data (Nitro): what the evidence binds the caller's key to.</summary>
    public ReadOnlyMemory<byte> ReportData { get; }

    /// <summary>Platform TCB status from Intel's TCB info (DCAP only); null for other kinds.</summary>
    public TcbStatus? TcbStatus { get; init; }

    /// <summary>Intel security advisories that apply to the matched TCB level (DCAP only).</summary>
    public IReadOnlyList<string> AdvisoryIds { get; init; } = [];

    /// <summary>Whether the attested environment runs in debug mode (SGX DEBUG attribute, TD DEBUG, SNP policy, Nitro all-zero PCRs).</summary>
    public bool DebugMode { get; init; }

    /// <summary>SEV-SNP VMPL of the report; null for other kinds.</summary>
    public int? Vmpl { get; init; }

    /// <summary>When the evidence was produced, where the format says (Nitro timestamp); null otherwise.</summary>
    public DateTimeOffset? ProducedAt { get; init; }

    /// <summary>A public key carried in the evidence (Nitro public_key), if any.</summary>
    public ReadOnlyMemory<byte> PublicKey { get; init; }

    /// <summary>A nonce carried in the evidence (Nitro nonce), if any.</summary>
    public ReadOnlyMemory<byte> Nonce { get; init; }

    /// <summary>Format-specific fields (fmspc, pce_id, qe_tcb_status, product, policy, module_id, ...) as text, for display and tests.</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    public VerificationCheck? FindCheck(string name)
    {
        foreach (var check in Checks)
        {
            if (check.Name == name)
            {
                return check;
            }
        }

        return null;
    }

    public ReadOnlyMemory<byte>? FindMeasurement(string name)
    {
        foreach (var measurement in Measurements)
        {
            if (measurement.Name == name)
            {
                return measurement.Value;
            }
        }

        return null;
    }
}

/// <summary>A named measurement register value (e.g. mrenclave, mrtd, rtmr2, measurement, pcr0).</summary>
public sealed record Measurement(string Name, ReadOnlyMemory<byte> Value);
