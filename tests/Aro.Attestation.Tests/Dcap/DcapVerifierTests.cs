using System.Text.Json.Nodes;
using Aro.Attestation.Dcap;
using Aro.Testing;

namespace Aro.Attestation.Tests.Dcap;

public class DcapVerifierTests
{
    private static readonly DcapSample Sgx = DcapSample.Get("sgx/dcapqvl_v3");
    private static readonly DcapSample Tdx = DcapSample.Get("tdx/dcapqvl_v4");

    /// <summary>The sample's collateral with one substring of one collateral field replaced (signed text changes).</summary>
    private static DcapCollateral Edited(DcapSample sample, string key, string from, string to)
    {
        var node = JsonNode.Parse(sample.CollateralJson)!.AsObject();
        var text = node[key]!.GetValue<string>();
        Assert.Contains(from, text, StringComparison.Ordinal);
        node[key] = text.Replace(from, to, StringComparison.Ordinal);
        return DcapCollateral.FromJson(node.ToJsonString());
    }

    private static AttestationVerdict Verify(DcapSample sample, DcapCollateral collateral) =>
        DcapVerifier.Verify(sample.Quote, collateral, sample.RootDer, sample.VerifyAt);

    [Fact]
    public void A_reused_verifier_gives_the_same_verdict_as_a_one_shot_verification()
    {
        foreach (var sample in DcapSample.All())
        {
            var verifier = new DcapVerifier(sample.Collateral, sample.RootDer);
            var first = verifier.Verify(sample.Quote, sample.VerifyAt);
            var second = verifier.Verify(sample.Quote, sample.VerifyAt);
            var oneShot = DcapVerifier.Verify(sample.Quote, sample.Collateral, sample.RootDer, sample.VerifyAt);

            Assert.Equal(oneShot.Checks, first.Checks);
            Assert.Equal(oneShot.Checks, second.Checks);
            Assert.Equal(oneShot.TcbStatus, second.TcbStatus);
            Assert.Equal(oneShot.Details, second.Details);
        }
    }

    [Fact]
    public void Both_ends_of_the_manifest_validity_window_are_inside()
    {
        var run = new VectorRun("dcap window ends");
        foreach (var sample in DcapSample.All())
        {
            foreach (var end in sample.Entry.GetProperty("valid_window").EnumerateArray())
            {
                var at = DateTimeOffset.Parse(end.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                run.Case($"{sample.Id} at {at:O}", () =>
                    Assert.True(DcapVerifier.Verify(sample.Quote, sample.Collateral, sample.RootDer, at).FindCheck("time_ok")!.Passed));
            }
        }

        run.AssertAll(atLeast: 6);
    }

    [Fact]
    public void A_different_trust_anchor_fails_only_the_links_to_it()
    {
        var nitroRoot = Aro.Attestation.X509.Pem.DecodeCertificates(TestData.ReadText("attestation", "nitro", "aws_nitro_root_g1.pem"))[0].Der.ToArray();

        var verdict = DcapVerifier.Verify(Sgx.Quote, Sgx.Collateral, nitroRoot, Sgx.VerifyAt);

        Assert.Equal(["pck_chain", "pck_crl_sig", "qe_identity_chain", "root_crl_sig", "tcb_info_chain"], DcapSample.Failed(verdict).Order());
    }

    [Fact]
    public void Collateral_of_another_platform_fails_the_FMSPC_match_but_not_the_quote_signatures()
    {
        var other = DcapSample.Get("tdx/dcapqvl_v5_tcb_not_supported");

        var verdict = DcapVerifier.Verify(Tdx.Quote, other.Collateral, Tdx.RootDer, Tdx.VerifyAt);

        var failed = DcapSample.Failed(verdict);
        Assert.Contains("fmspc_match", failed);
        Assert.Contains("time_ok", failed);
        Assert.DoesNotContain("quote_sig", failed);
        Assert.DoesNotContain("qe_report_sig", failed);
        Assert.False(verdict.IsValid);
    }

    [Fact]
    public void SGX_collateral_for_a_TDX_quote_fails_the_TCB_info_type()
    {
        var verdict = DcapVerifier.Verify(Tdx.Quote, Sgx.Collateral, Tdx.RootDer, Tdx.VerifyAt);

        var failed = DcapSample.Failed(verdict);
        Assert.Contains("tcb_info_type_match", failed);
        Assert.Contains("qe_identity_match", failed);
        Assert.Equal(TcbStatus.TcbNotSupported, verdict.TcbStatus);
    }

    [Fact]
    public void An_edited_TCB_info_FMSPC_fails_its_signature_and_the_FMSPC_match()
    {
        var verdict = Verify(Tdx, Edited(Tdx, "tcb_info", "\"fmspc\":\"B0C06F000000\"", "\"fmspc\":\"B0C06F000001\""));

        Assert.Equal(["fmspc_match", "tcb_info_sig"], DcapSample.Failed(verdict).Order());
    }

    [Fact]
    public void An_edited_QE_identity_product_fails_its_signature_and_the_QE_match()
    {
        var verdict = Verify(Tdx, Edited(Tdx, "qe_identity", "\"isvprodid\":2", "\"isvprodid\":3"));

        Assert.Equal(["qe_identity_match", "qe_identity_sig"], DcapSample.Failed(verdict).Order());
    }

    [Fact]
    public void A_QE_below_every_identity_level_makes_the_TCB_not_supported()
    {
        var verdict = Verify(Tdx, Edited(Tdx, "qe_identity", "\"isvsvn\":4", "\"isvsvn\":7"));

        Assert.Equal(["qe_identity_sig", "qe_tcb_level_found"], DcapSample.Failed(verdict).Order());
        Assert.Equal(TcbStatus.TcbNotSupported, verdict.TcbStatus);
        Assert.Equal("TcbNotSupported", verdict.Details["qe_tcb_status"]);
    }

    [Fact]
    public void An_out_of_date_QE_turns_configuration_needed_into_out_of_date_configuration_needed()
    {
        var verdict = Verify(Sgx, Edited(Sgx, "qe_identity", "\"isvsvn\":8},\"tcbDate\":\"2024-03-13T00:00:00Z\",\"tcbStatus\":\"UpToDate\"", "\"isvsvn\":8},\"tcbDate\":\"2024-03-13T00:00:00Z\",\"tcbStatus\":\"OutOfDate\""));

        Assert.Equal(["qe_identity_sig"], DcapSample.Failed(verdict).Order());
        Assert.Equal("ConfigurationAndSWHardeningNeeded", verdict.Details["platform_tcb_status"]);
        Assert.Equal(TcbStatus.OutOfDateConfigurationNeeded, verdict.TcbStatus);
    }

    [Fact]
    public void A_revoked_QE_level_revokes_the_platform_and_fails_tcb_not_revoked()
    {
        var verdict = Verify(Tdx, Edited(Tdx, "qe_identity", "\"tcbStatus\":\"UpToDate\"", "\"tcbStatus\":\"Revoked\""));

        Assert.Equal(["qe_identity_sig", "tcb_not_revoked"], DcapSample.Failed(verdict).Order());
        Assert.Equal(TcbStatus.Revoked, verdict.TcbStatus);
    }

    [Fact]
    public void A_TDX_module_version_without_an_identity_fails_the_module_check()
    {
        var verdict = Verify(Tdx, Edited(Tdx, "tcb_info", "\"id\":\"TDX_01\"", "\"id\":\"TDX_02\""));

        Assert.Equal(["tcb_info_sig", "td_module_identity"], DcapSample.Failed(verdict).Order());
        Assert.Equal(TcbStatus.TcbNotSupported, verdict.TcbStatus);
    }

    [Fact]
    public void An_out_of_date_TDX_module_turns_up_to_date_into_out_of_date()
    {
        var verdict = Verify(Tdx, Edited(Tdx, "tcb_info", "{\"tcb\":{\"isvsvn\":4},\"tcbDate\":\"2024-03-13T00:00:00Z\",\"tcbStatus\":\"UpToDate\"}", "{\"tcb\":{\"isvsvn\":4},\"tcbDate\":\"2024-03-13T00:00:00Z\",\"tcbStatus\":\"OutOfDate\"}"));

        Assert.Equal(["tcb_info_sig"], DcapSample.Failed(verdict).Order());
        Assert.Equal("OutOfDate", verdict.Details["td_module_tcb_status"]);
        Assert.Equal(TcbStatus.OutOfDate, verdict.TcbStatus);
    }

    [Fact]
    public void Setting_the_SGX_debug_attribute_is_reported_and_breaks_the_quote_signature()
    {
        var quote = (byte[])Sgx.Quote.Clone();
        quote[DcapQuote.HeaderSize + 48] |= 0x02;

        var verdict = DcapVerifier.Verify(quote, Sgx.Collateral, Sgx.RootDer, Sgx.VerifyAt);

        Assert.True(verdict.DebugMode);
        Assert.Equal(["quote_sig"], DcapSample.Failed(verdict).Order());
        Assert.False(DcapVerifier.Verify(Sgx.Quote, Sgx.Collateral, Sgx.RootDer, Sgx.VerifyAt).DebugMode);
    }

    [Fact]
    public void Collateral_with_a_short_signature_is_a_format_error_naming_the_key()
    {
        var node = JsonNode.Parse(Sgx.CollateralJson)!.AsObject();
        node["tcb_info_signature"] = "00ff";

        var error = Assert.Throws<AttestationFormatException>(() => DcapCollateral.FromJson(node.ToJsonString()));
        Assert.Equal("collateral.tcb_info_signature", error.Field);
    }

    [Theory]
    [InlineData(TcbStatus.UpToDate, TcbStatus.OutOfDate, TcbStatus.OutOfDate)]
    [InlineData(TcbStatus.SWHardeningNeeded, TcbStatus.OutOfDate, TcbStatus.OutOfDate)]
    [InlineData(TcbStatus.ConfigurationNeeded, TcbStatus.OutOfDate, TcbStatus.OutOfDateConfigurationNeeded)]
    [InlineData(TcbStatus.ConfigurationAndSWHardeningNeeded, TcbStatus.OutOfDate, TcbStatus.OutOfDateConfigurationNeeded)]
    [InlineData(TcbStatus.OutOfDateConfigurationNeeded, TcbStatus.OutOfDate, TcbStatus.OutOfDateConfigurationNeeded)]
    [InlineData(TcbStatus.ConfigurationNeeded, TcbStatus.Revoked, TcbStatus.Revoked)]
    [InlineData(TcbStatus.SWHardeningNeeded, TcbStatus.UpToDate, TcbStatus.SWHardeningNeeded)]
    public void Merges_a_QE_or_module_status_into_the_platform_status_as_Intel_does(TcbStatus platform, TcbStatus other, TcbStatus merged) =>
        Assert.Equal(merged, TcbEvaluation.Merge(platform, other));
}
