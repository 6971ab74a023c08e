using Aro.Attestation;
using static Aro.Modules.Gpow.Abi.WorkProofAbi;

namespace Aro.Modules.Gpow.Tests;

/// <summary>
/// Registration with the real TEE samples of shared/testdata/attestation, each verified at its pinned time
/// (the block time of the registering block). These samples were produced for other applications: their
/// report data (e.g. "Hello, world!" in the SGX quote) cannot commit to our (chain id, edge address)
/// binding, so the best a real sample can do here is pass every cryptographic and policy check and then
/// be refused by the binding check. That is what these tests prove; a positive end-to-end registration
/// with real hardware evidence needs a quote made for our binding, which no public sample has.
/// </summary>
public class AttestationTests
{
    private static readonly byte[] IntelRoot = TestData.ReadBytes("attestation", "sgx", "intel_sgx_root_ca.der");
    private static readonly byte[] SgxQuote = TestData.ReadBytes("attestation", "sgx", "dcapqvl_v3", "quote.bin");
    private static readonly byte[] SgxCollateral = TestData.ReadBytes("attestation", "sgx", "dcapqvl_v3", "collateral.json");
    private const ulong SgxPinnedTime = 1_751_328_000;

    private static readonly MeasurementRule SgxEnclave = Rule(AttestationKind.Sgx, "mrenclave", "33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb");

    [Fact]
    public void Sgx_quote_that_verifies_but_does_not_commit_to_the_edge_reverts_ReportDataMismatch()
    {
        using var chain = AtTime(SgxPinnedTime, new AttestationSettings { IntelRootCa = IntelRoot, Measurements = [SgxEnclave] });
        var edge = chain.Edges[0];

        var args = chain.Fails(edge, Calls.Register(EdgeKinds.Sgx, SgxQuote, SgxCollateral), ReportDataMismatch, 1_000);

        Assert.Equal(EdgeAttestation.Binding(GpowChain.ChainId, edge.Address).ToArray(), args[0].AsBytes());
    }

    [Fact]
    public void Sgx_quote_whose_enclave_is_not_on_the_allow_list_reverts_AttestationInvalid()
    {
        var other = Rule(AttestationKind.Sgx, "mrenclave", new string('a', 64));
        using var chain = AtTime(SgxPinnedTime, new AttestationSettings { IntelRootCa = IntelRoot, Measurements = [other] });

        var args = chain.Fails(chain.Edges[0], Calls.Register(EdgeKinds.Sgx, SgxQuote, SgxCollateral), AttestationInvalid, 1_000);

        Assert.Contains(PolicyRules.Measurement, args[0].AsString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sgx_quote_at_a_block_time_outside_its_collateral_window_reverts_AttestationInvalid()
    {
        using var chain = AtTime(1_900_000_000, new AttestationSettings { IntelRootCa = IntelRoot, Measurements = [SgxEnclave] });

        var args = chain.Fails(chain.Edges[0], Calls.Register(EdgeKinds.Sgx, SgxQuote, SgxCollateral), AttestationInvalid, 1_000);

        Assert.Contains(PolicyRules.VerdictValid, args[0].AsString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sgx_quote_on_a_chain_without_the_Intel_root_reverts_RootOfTrustMissing()
    {
        using var chain = AtTime(SgxPinnedTime, new AttestationSettings());

        chain.Fails(chain.Edges[0], Calls.Register(EdgeKinds.Sgx, SgxQuote, SgxCollateral), RootOfTrustMissing, 1_000);
    }

    [Fact]
    public void Truncated_sgx_quote_reverts_AttestationMalformed()
    {
        using var chain = AtTime(SgxPinnedTime, new AttestationSettings { IntelRootCa = IntelRoot });

        chain.Fails(chain.Edges[0], Calls.Register(EdgeKinds.Sgx, SgxQuote[..100], SgxCollateral), AttestationMalformed, 1_000);
    }

    [Fact]
    public void Nitro_document_that_verifies_but_does_not_commit_to_the_edge_reverts_ReportDataMismatch()
    {
        var settings = new AttestationSettings
        {
            NitroRoot = TestData.ReadBytes("attestation", "nitro", "aws_nitro_root_g1.pem"),
            Measurements = [Rule(AttestationKind.Nitro, "pcr0", "f4d48b81a460c9916d1e685119074bf24660afd3e34fae9fca0a0d28d9d5599936332687e6f66fc890ac8cf150142d8b")],
        };
        using var chain = AtTime(1_665_651_600, settings);
        var document = TestData.ReadBytes("attestation", "nitro", "evervault_2022_nondebug", "attestation_doc.cbor");

        chain.Fails(chain.Edges[0], Calls.Register(EdgeKinds.Nitro, document, []), ReportDataMismatch, 1_000);
    }

    [Fact]
    public void Sev_snp_report_that_verifies_but_does_not_commit_to_the_edge_reverts_ReportDataMismatch()
    {
        var settings = new AttestationSettings
        {
            AmdChains = [TestData.ReadBytes("attestation", "sev-snp", "amd_genoa_ask_ark.pem"), TestData.ReadBytes("attestation", "sev-snp", "amd_milan_ask_ark.pem")],
            Measurements = [Rule(AttestationKind.SevSnp, "measurement", "7a1e5c266c0108dbc9bb94fa926951320940915d0aafb42464bd88b579ea158d3e1a0dc39b2c60bd95b9c480cd81841f")],
        };
        using var chain = AtTime(1_682_899_200, settings);
        var report = TestData.ReadBytes("attestation", "sev-snp", "virtee_milan_v2", "report.bin");
        var vcek = TestData.ReadBytes("attestation", "sev-snp", "virtee_milan_v2", "vcek.der");

        chain.Fails(chain.Edges[0], Calls.Register(EdgeKinds.SevSnp, report, vcek), ReportDataMismatch, 1_000);
    }

    [Fact]
    public void Sev_snp_report_under_only_a_wrong_product_chain_reverts_AttestationInvalid()
    {
        var settings = new AttestationSettings { AmdChains = [TestData.ReadBytes("attestation", "sev-snp", "amd_genoa_ask_ark.pem")] };
        using var chain = AtTime(1_682_899_200, settings);
        var report = TestData.ReadBytes("attestation", "sev-snp", "virtee_milan_v2", "report.bin");
        var vcek = TestData.ReadBytes("attestation", "sev-snp", "virtee_milan_v2", "vcek.der");

        chain.Fails(chain.Edges[0], Calls.Register(EdgeKinds.SevSnp, report, vcek), AttestationInvalid, 1_000);
    }

    [Fact]
    public void Expected_report_data_is_the_binding_then_zeros_and_exactly_the_binding_for_nitro()
    {
        var binding = EdgeAttestation.Binding(7, Account.Of(1).Address);

        Assert.Equal([.. binding.ToArray(), .. new byte[32]], EdgeAttestation.ExpectedReportData(EdgeKinds.Sgx, binding));
        Assert.Equal(binding.ToArray(), EdgeAttestation.ExpectedReportData(EdgeKinds.Nitro, binding));
        Assert.NotEqual(binding, EdgeAttestation.Binding(8, Account.Of(1).Address));
    }

    // Block 1 (the registering block) runs exactly at the sample's pinned time.
    private static GpowChain AtTime(ulong time, AttestationSettings settings) => new(attestation: settings, baseTime: time - 6);

    private static MeasurementRule Rule(AttestationKind kind, string name, string hex) => new(kind, name, [Convert.FromHexString(hex)]);
}
