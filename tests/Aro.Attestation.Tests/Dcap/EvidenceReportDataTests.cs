using Aro.Attestation.Dcap;

namespace Aro.Attestation.Tests.Dcap;

/// <summary>EvidenceReportData reads the same report data the verifier checks, without verifying.</summary>
public class EvidenceReportDataTests
{
    [Fact]
    public void Reads_the_REPORTDATA_of_an_SGX_quote_as_the_verifier_reports_it()
    {
        var sample = DcapSample.Get("sgx/dcapqvl_v3");

        var read = EvidenceReportData.Read(AttestationKind.Sgx, sample.Quote);

        var verdict = DcapVerifier.Verify(sample.Quote, sample.Collateral, sample.RootDer, sample.VerifyAt);
        Assert.Equal(verdict.ReportData.ToArray(), read);
        Assert.Equal(64, read.Length);
    }

    [Fact]
    public void Reads_the_REPORTDATA_of_a_TDX_quote()
    {
        var quote = DcapSample.Get("tdx/dcapqvl_v4").Quote;

        Assert.Equal(DcapQuote.Parse(quote).TdBody.ReportData.ToArray(), EvidenceReportData.Read(AttestationKind.Tdx, quote));
    }

    [Fact]
    public void Truncated_evidence_is_a_format_error_naming_the_field()
    {
        var quote = DcapSample.Get("sgx/dcapqvl_v3").Quote.AsSpan(0, 40).ToArray();

        var error = Assert.Throws<AttestationFormatException>(() => EvidenceReportData.Read(AttestationKind.Sgx, quote));

        Assert.Contains("quote.header", error.Message, StringComparison.Ordinal);
    }
}
