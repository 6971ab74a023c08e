namespace Aro.Attestation;

/// <summary>
/// One named step of verification and whether it held. Names follow the test manifest
/// (quote_sig, qe_report_sig, tcb_info_sig, time_ok, report_sig, cose_sig, ...).
/// </summary>
public sealed record VerificationCheck(string Name, bool Passed, string? Detail = null);
