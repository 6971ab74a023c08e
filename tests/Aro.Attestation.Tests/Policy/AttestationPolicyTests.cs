using Aro.Attestation.Nitro;
using Aro.Attestation.Snp;
using Aro.Attestation.Tests.Manifest;

namespace Aro.Attestation.Tests.Policy;

public class AttestationPolicyTests
{
    private static readonly AttestationPolicy Default = new();

    [Fact]
    public void A_valid_non_debug_verdict_passes_the_default_policy()
    {
        var result = Default.Evaluate(Snp("sev-snp/virtee_milan_v2"), At("sev-snp/virtee_milan_v2"));
        Assert.True(result.Allowed, string.Join("; ", result.Violations));
    }

    [Fact]
    public void An_invalid_verdict_violates_verdict_valid_naming_the_failed_checks()
    {
        var sample = Sample("sev-snp/virtee_milan_v2");
        var verdict = SnpVerifier.Verify(AttestationManifest.Flip(sample.Read("report"), 0x50), sample.Read("vcek"), sample.Read("ask_ark_chain"), sample.VerifyAt);
        var result = Default.Evaluate(verdict, sample.VerifyAt);
        var violation = Assert.Single(result.Violations);
        Assert.Equal(PolicyRules.VerdictValid, violation.Rule);
        Assert.Contains(SnpVerifier.ReportSig, violation.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kind_outside_the_allowed_kinds_is_rejected()
    {
        var policy = Default with { AllowedKinds = [AttestationKind.SevSnp], AllowDebug = true };
        var result = policy.Evaluate(Nitro("nitro/evervault_2022_nondebug"), At("nitro/evervault_2022_nondebug"));
        Assert.Equal([PolicyRules.KindAllowed], result.Violations.Select(v => v.Rule));
    }

    [Fact]
    public void An_allowed_measurement_passes()
    {
        var verdict = Snp("sev-snp/virtee_milan_v2");
        var policy = Default with { AllowedMeasurements = [Rule(AttestationKind.SevSnp, "measurement", Hex(Sample("sev-snp/virtee_milan_v2"), "measurement"), new byte[48])] };
        Assert.True(policy.Evaluate(verdict, At("sev-snp/virtee_milan_v2")).Allowed);
    }

    [Fact]
    public void A_measurement_differing_in_one_byte_is_rejected()
    {
        var expected = Hex(Sample("sev-snp/virtee_milan_v2"), "measurement");
        expected[47] ^= 1;
        var policy = Default with { AllowedMeasurements = [Rule(AttestationKind.SevSnp, "measurement", expected)] };
        var result = policy.Evaluate(Snp("sev-snp/virtee_milan_v2"), At("sev-snp/virtee_milan_v2"));
        Assert.Equal([PolicyRules.Measurement], result.Violations.Select(v => v.Rule));
    }

    [Fact]
    public void A_measurement_the_evidence_lacks_is_rejected()
    {
        var policy = Default with { AllowedMeasurements = [Rule(AttestationKind.SevSnp, "mrenclave", new byte[32])] };
        var result = policy.Evaluate(Snp("sev-snp/virtee_milan_v2"), At("sev-snp/virtee_milan_v2"));
        Assert.Equal([PolicyRules.Measurement], result.Violations.Select(v => v.Rule));
    }

    [Fact]
    public void Measurement_rules_of_another_kind_do_not_apply()
    {
        var policy = Default with { AllowedMeasurements = [Rule(AttestationKind.Nitro, "pcr0", new byte[48])] };
        Assert.True(policy.Evaluate(Snp("sev-snp/virtee_milan_v2"), At("sev-snp/virtee_milan_v2")).Allowed);
    }

    [Fact]
    public void A_nitro_pcr0_rule_rejects_a_debug_mode_enclave()
    {
        var nonDebugPcr0 = Convert.FromHexString(Sample("nitro/evervault_2022_nondebug").Expected.GetProperty("pcrs").GetProperty("0").GetString()!);
        var policy = Default with { AllowDebug = true, AllowedMeasurements = [Rule(AttestationKind.Nitro, "pcr0", nonDebugPcr0)] };
        Assert.True(policy.Evaluate(Nitro("nitro/evervault_2022_nondebug"), At("nitro/evervault_2022_nondebug")).Allowed);
        var result = policy.Evaluate(Nitro("nitro/evervault_2022_debug"), At("nitro/evervault_2022_debug"));
        Assert.Equal([PolicyRules.Measurement], result.Violations.Select(v => v.Rule));
    }

    [Fact]
    public void Debug_mode_is_rejected_unless_allowed()
    {
        var verdict = Snp("sev-snp/gosev_milan_v2");
        Assert.Equal([PolicyRules.Debug], Default.Evaluate(verdict, At("sev-snp/gosev_milan_v2")).Violations.Select(v => v.Rule));
        Assert.True((Default with { AllowDebug = true }).Evaluate(verdict, At("sev-snp/gosev_milan_v2")).Allowed);
    }

    [Fact]
    public void Debug_mode_nitro_documents_are_rejected_by_default()
    {
        var result = Default.Evaluate(Nitro("nitro/eternis_2024"), At("nitro/eternis_2024"));
        Assert.Equal([PolicyRules.Debug], result.Violations.Select(v => v.Rule));
    }

    [Fact]
    public void A_vmpl_above_the_maximum_is_rejected()
    {
        var verdict = Snp("sev-snp/teekit_gcp_milan_v5");
        var at = At("sev-snp/teekit_gcp_milan_v5");
        Assert.Equal([PolicyRules.Vmpl], (Default with { MaxVmpl = 0 }).Evaluate(verdict, at).Violations.Select(v => v.Rule));
        Assert.True((Default with { MaxVmpl = 1 }).Evaluate(verdict, at).Allowed);
    }

    [Fact]
    public void Evidence_older_than_max_age_is_rejected()
    {
        // eternis_2024 was produced at 20:47:10.288 and is verified at 20:48:11: about 61 seconds old.
        var verdict = Nitro("nitro/eternis_2024");
        var at = At("nitro/eternis_2024");
        var policy = Default with { AllowDebug = true };
        Assert.Equal([PolicyRules.MaxAge], (policy with { MaxAge = TimeSpan.FromSeconds(60) }).Evaluate(verdict, at).Violations.Select(v => v.Rule));
        Assert.True((policy with { MaxAge = TimeSpan.FromSeconds(61) }).Evaluate(verdict, at).Allowed);
    }

    [Fact]
    public void Evidence_produced_after_the_evaluation_time_is_rejected_beyond_the_allowed_skew()
    {
        var verdict = Nitro("nitro/eternis_2024");
        var before = verdict.ProducedAt!.Value.AddSeconds(-5);
        var policy = Default with { AllowDebug = true };
        Assert.Equal([PolicyRules.MaxAge], policy.Evaluate(verdict, before).Violations.Select(v => v.Rule));
        Assert.True((policy with { MaxFutureSkew = TimeSpan.FromSeconds(5) }).Evaluate(verdict, before).Allowed);
    }

    [Fact]
    public void A_minimum_tcb_status_rejects_a_worse_dcap_status()
    {
        var verdict = new AttestationVerdict(AttestationKind.Sgx, DateTimeOffset.UnixEpoch, [new VerificationCheck("quote_sig", true)], [], ReadOnlyMemory<byte>.Empty)
        {
            TcbStatus = TcbStatus.OutOfDate,
        };
        Assert.Equal([PolicyRules.TcbStatus], (Default with { MinimumTcbStatus = TcbStatus.SWHardeningNeeded }).Evaluate(verdict, DateTimeOffset.UnixEpoch).Violations.Select(v => v.Rule));
        Assert.True((Default with { MinimumTcbStatus = TcbStatus.OutOfDate }).Evaluate(verdict, DateTimeOffset.UnixEpoch).Allowed);
    }

    [Fact]
    public void A_minimum_tcb_status_rejects_a_dcap_verdict_without_status()
    {
        var verdict = new AttestationVerdict(AttestationKind.Tdx, DateTimeOffset.UnixEpoch, [new VerificationCheck("quote_sig", true)], [], ReadOnlyMemory<byte>.Empty);
        var result = (Default with { MinimumTcbStatus = TcbStatus.UpToDate }).Evaluate(verdict, DateTimeOffset.UnixEpoch);
        Assert.Equal([PolicyRules.TcbStatus], result.Violations.Select(v => v.Rule));
    }

    [Fact]
    public void A_minimum_tcb_status_does_not_apply_to_snp_or_nitro()
    {
        var policy = Default with { MinimumTcbStatus = TcbStatus.UpToDate };
        Assert.True(policy.Evaluate(Snp("sev-snp/virtee_milan_v2"), At("sev-snp/virtee_milan_v2")).Allowed);
    }

    [Fact]
    public void Report_data_must_equal_the_required_value()
    {
        var sample = Sample("sev-snp/virtee_milan_v2");
        var reportData = Hex(sample, "report_data");
        Assert.True((Default with { RequiredReportData = reportData }).Evaluate(Snp(sample.Id), sample.VerifyAt).Allowed);
        reportData[0] ^= 1;
        var result = (Default with { RequiredReportData = reportData }).Evaluate(Snp(sample.Id), sample.VerifyAt);
        Assert.Equal([PolicyRules.ReportData], result.Violations.Select(v => v.Rule));
    }

    [Fact]
    public void Violations_are_reported_in_rule_order()
    {
        var policy = Default with { MaxVmpl = 0, RequiredReportData = new byte[64], AllowedKinds = [AttestationKind.Nitro] };
        var result = policy.Evaluate(Snp("sev-snp/teekit_gcp_milan_v5"), At("sev-snp/teekit_gcp_milan_v5"));
        Assert.Equal([PolicyRules.KindAllowed, PolicyRules.Vmpl, PolicyRules.ReportData], result.Violations.Select(v => v.Rule));
    }

    private static AllowedMeasurement Rule(AttestationKind kind, string name, params byte[][] values) =>
        new(kind, name, values.Select(v => new ReadOnlyMemory<byte>(v)).ToList());

    private static ManifestSample Sample(string id) => AttestationManifest.Samples.Single(s => s.Id == id);

    private static DateTimeOffset At(string id) => Sample(id).VerifyAt;

    private static byte[] Hex(ManifestSample sample, string field) => Convert.FromHexString(sample.Expected.GetProperty(field).GetString()!);

    private static AttestationVerdict Snp(string id)
    {
        var sample = Sample(id);
        return SnpVerifier.Verify(sample.Read("report"), sample.Read("vcek"), sample.Read("ask_ark_chain"), sample.VerifyAt);
    }

    private static AttestationVerdict Nitro(string id)
    {
        var sample = Sample(id);
        return NitroVerifier.Verify(sample.Read("document"), sample.Read("trusted_root"), sample.VerifyAt);
    }
}
