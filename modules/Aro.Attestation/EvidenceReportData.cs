using Aro.Attestation.Dcap;
using Aro.Attestation.Nitro;
using Aro.Attestation.Snp;

namespace Aro.Attestation;

/// <summary>
/// The caller-chosen data a piece of evidence carries (SGX/TDX REPORTDATA, SEV-SNP REPORT_DATA, Nitro
/// user_data), parsed with the verifiers' own parsers but NOT verified: for a prover checking its evidence
/// binds what it should before sending it (aro-edge attest). Trust comes only from <see cref="AttestationVerifier"/>.
/// </summary>
public static class EvidenceReportData
{
    /// <exception cref="AttestationFormatException">The evidence does not parse.</exception>
    public static byte[] Read(AttestationKind kind, ReadOnlySpan<byte> evidence) => kind switch
    {
        AttestationKind.Sgx => DcapQuote.Parse(evidence).SgxBody.ReportData.ToArray(),
        AttestationKind.Tdx => DcapQuote.Parse(evidence).TdBody.ReportData.ToArray(),
        AttestationKind.SevSnp => SnpReport.Parse(evidence).ReportData.ToArray(),
        AttestationKind.Nitro => NitroDocument.Parse(evidence).UserData?.ToArray() ?? [],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
