using Aro.Attestation;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Crypto;
using Aro.Modules.Gpow.Abi;
using static Aro.Modules.Gpow.Abi.WorkProofAbi;

namespace Aro.Modules.Gpow.Tests;

/// <summary>
/// The admin path (README §6a): the genesis admin replaces the attestation policy or the roots of trust;
/// nobody else can, and nothing but a valid, canonical record is stored. The positive cases use the real
/// SGX sample: it cannot commit to our binding (see <see cref="AttestationTests"/>), so "now passes" means
/// it clears every root and policy check and stops at the binding check, ReportDataMismatch.
/// </summary>
public class AdminTests
{
    private static readonly byte[] IntelRoot = TestData.ReadBytes("attestation", "sgx", "intel_sgx_root_ca.der");
    private static readonly byte[] SgxQuote = TestData.ReadBytes("attestation", "sgx", "dcapqvl_v3", "quote.bin");
    private static readonly byte[] SgxCollateral = TestData.ReadBytes("attestation", "sgx", "dcapqvl_v3", "collateral.json");
    private const ulong SgxPinnedTime = 1_751_328_000;

    private static readonly MeasurementRule SgxEnclave = new(AttestationKind.Sgx, "mrenclave", [Convert.FromHexString("33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb")]);
    private static readonly MeasurementRule OtherEnclave = new(AttestationKind.Sgx, "mrenclave", [new byte[32]]);
    private static readonly Account Admin = Account.Of(101);

    [Fact]
    public void Admin_policy_update_admits_a_quote_the_old_allow_list_refused()
    {
        using var chain = SgxChain(new AttestationSettings { IntelRootCa = IntelRoot, Measurements = [OtherEnclave] });
        var refused = chain.Fails(chain.Edges[0], RegisterSgx(), AttestationInvalid, 1_000);
        Assert.Contains(PolicyRules.Measurement, refused[0].AsString(), StringComparison.Ordinal);

        chain.Ok(Admin, SetPolicy(new AttestationSettings { Measurements = [SgxEnclave] }.EncodePolicy()));

        chain.Fails(chain.Edges[0], RegisterSgx(), ReportDataMismatch, 1_000);
    }

    [Fact]
    public void Admin_roots_update_lets_a_chain_without_the_Intel_root_check_sgx_quotes()
    {
        using var chain = SgxChain(new AttestationSettings { Measurements = [SgxEnclave] });
        chain.Fails(chain.Edges[0], RegisterSgx(), RootOfTrustMissing, 1_000);

        chain.Ok(Admin, SetRoots(new AttestationSettings { IntelRootCa = IntelRoot }.EncodeRoots()));

        chain.Fails(chain.Edges[0], RegisterSgx(), ReportDataMismatch, 1_000);
    }

    [Fact]
    public void Policy_update_emits_AttestationPolicyUpdated_with_the_record_hash()
    {
        using var chain = new GpowChain(admin: Admin.Address);
        var policy = new AttestationSettings { Measurements = [SgxEnclave], AllowDebug = true }.EncodePolicy();

        var call = chain.Ok(Admin, SetPolicy(policy));

        var log = Assert.Single(call.Receipt.Logs);
        Assert.Equal(Keccak256.Hash(policy).ToArray(), AttestationPolicyUpdated.Decode(log.Topics, log.Data.Span)[0].AsBytes());
        Assert.Equal(policy, chain.State.GetModuleStore(GpowModule.Address).Get([0x04]));
    }

    [Fact]
    public void Non_admin_setAttestationPolicy_reverts_NotAdmin_and_changes_nothing()
    {
        using var chain = new GpowChain(admin: Admin.Address);

        var args = chain.Fails(chain.Edges[0], SetPolicy(new AttestationSettings { AllowDebug = true }.EncodePolicy()), NotAdmin);

        Assert.Equal(chain.Edges[0].Address, args[0].AsAddress());
    }

    [Fact]
    public void Non_admin_setRootsOfTrust_reverts_NotAdmin_and_changes_nothing()
    {
        using var chain = new GpowChain(admin: Admin.Address);

        chain.Fails(chain.Edges[0], SetRoots(new AttestationSettings { IntelRootCa = IntelRoot }.EncodeRoots()), NotAdmin);
    }

    [Fact]
    public void Without_an_admin_in_genesis_every_sender_gets_NotAdmin()
    {
        using var chain = new GpowChain();
        var policy = new AttestationSettings { AllowDebug = true }.EncodePolicy();

        chain.Fails(Admin, SetPolicy(policy), NotAdmin);
        chain.Fails(chain.Edges[0], SetPolicy(policy), NotAdmin);
        Assert.Equal(Address.Zero, chain.View(GetAdmin)[0].AsAddress());
    }

    [Fact]
    public void GetAdmin_returns_the_genesis_admin()
    {
        using var chain = new GpowChain(admin: Admin.Address);

        Assert.Equal(Admin.Address, chain.View(GetAdmin)[0].AsAddress());
    }

    [Fact]
    public void Policy_bytes_that_are_not_a_record_revert_InvalidPolicy_and_change_nothing()
    {
        using var chain = new GpowChain(admin: Admin.Address);

        chain.Fails(Admin, SetPolicy([0xde, 0xad, 0xbe, 0xef]), InvalidPolicy);
    }

    [Fact]
    public void Policy_with_max_vmpl_above_3_reverts_InvalidPolicy()
    {
        using var chain = new GpowChain(admin: Admin.Address);

        var args = chain.Fails(Admin, SetPolicy(new AttestationSettings { MaxVmpl = 4 }.EncodePolicy()), InvalidPolicy);

        Assert.Contains("maxVmpl", args[0].AsString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_rule_without_values_reverts_InvalidPolicy()
    {
        using var chain = new GpowChain(admin: Admin.Address);
        var empty = new MeasurementRule(AttestationKind.Sgx, "mrenclave", []);

        chain.Fails(Admin, SetPolicy(new AttestationSettings { Measurements = [empty] }.EncodePolicy()), InvalidPolicy);
    }

    [Fact]
    public void Policy_with_trailing_bytes_reverts_InvalidPolicy()
    {
        using var chain = new GpowChain(admin: Admin.Address);
        byte[] policy = [.. new AttestationSettings().EncodePolicy(), 0x00];

        chain.Fails(Admin, SetPolicy(policy), InvalidPolicy);
    }

    [Fact]
    public void Roots_bytes_that_are_not_a_record_revert_InvalidPolicy()
    {
        using var chain = new GpowChain(admin: Admin.Address);

        chain.Fails(Admin, SetRoots([0x01]), InvalidPolicy);
    }

    // The admin's update runs one block before the registrations' pinned time; the refusals before it, one more.
    private static GpowChain SgxChain(AttestationSettings settings) => new(attestation: settings, baseTime: SgxPinnedTime - 18, admin: Admin.Address);

    private static byte[] RegisterSgx() => Calls.Register(EdgeKinds.Sgx, SgxQuote, SgxCollateral);

    private static byte[] SetPolicy(byte[] policy) => WorkProofAbi.SetAttestationPolicy.EncodeCall(AbiValue.Bytes(policy));

    private static byte[] SetRoots(byte[] roots) => WorkProofAbi.SetRootsOfTrust.EncodeCall(AbiValue.Bytes(roots));
}
