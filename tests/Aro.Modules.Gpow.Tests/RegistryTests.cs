using Aro.Core;
using Aro.Core.Abi;
using static Aro.Modules.Gpow.Abi.WorkProofAbi;

namespace Aro.Modules.Gpow.Tests;

public class RegistryTests
{
    [Fact]
    public void Register_with_dev_attestation_books_the_bond_and_sets_the_expiry_from_the_block_time()
    {
        using var chain = new GpowChain();
        var edge = chain.Edges[0];

        var sent = chain.Ok(edge, Calls.RegisterDev(edge), 5_000);

        var node = chain.Reader.Edge(edge.Address)!;
        Assert.Equal(EdgeKinds.Dev, node.Kind);
        Assert.Equal((UInt256)5_000, node.Bond);
        Assert.Equal(chain.TimeOf(1) + 86_400, node.ExpiresAt);
        Assert.Equal((UInt256)5_000, chain.Reader.Totals.Bonds);
        Assert.Equal([EdgeRegistered.Topic0, ResourcesDeclared.Topic0], sent.Receipt.Logs.Select(l => l.Topics[0]));
        Assert.Equal(node.ExpiresAt, RegisterEdge.DecodeResult(sent.Outcome.Output)[0].AsUInt64());
    }

    [Fact]
    public void Dev_attestation_on_a_network_whose_genesis_disables_it_reverts_DevAttestationDisabled()
    {
        using var chain = new GpowChain(attestation: new AttestationSettings { DevEnabled = false, DevSigner = GpowChain.DevSigner.Address });

        chain.Fails(chain.Edges[0], Calls.RegisterDev(chain.Edges[0]), DevAttestationDisabled, 1_000);
    }

    [Fact]
    public void Dev_attestation_signed_by_another_key_reverts_AttestationInvalid()
    {
        using var chain = new GpowChain();

        chain.Fails(chain.Edges[0], Calls.RegisterDev(chain.Edges[0], signer: Account.Of(7)), AttestationInvalid, 1_000);
    }

    [Fact]
    public void Dev_attestation_bound_to_another_chain_id_reverts_AttestationInvalid()
    {
        using var chain = new GpowChain();

        chain.Fails(chain.Edges[0], Calls.RegisterDev(chain.Edges[0], chainId: 1), AttestationInvalid, 1_000);
    }

    [Fact]
    public void Dev_attestation_made_for_another_edge_cannot_be_replayed_AttestationInvalid()
    {
        using var chain = new GpowChain();
        var theirs = Calls.Register(EdgeKinds.Dev, Calls.DevEvidence(chain.Edges[1]), []);

        chain.Fails(chain.Edges[0], theirs, AttestationInvalid, 1_000);
    }

    [Fact]
    public void Bond_below_the_minimum_reverts_BondBelowMinimum()
    {
        using var chain = new GpowChain();

        var args = chain.Fails(chain.Edges[0], Calls.RegisterDev(chain.Edges[0]), BondBelowMinimum, 999);

        Assert.Equal((UInt256)1_000, args[1].AsUInt256());
    }

    [Fact]
    public void Registering_twice_reverts_EdgeExists()
    {
        using var chain = new GpowChain();
        chain.Ok(chain.Edges[0], Calls.RegisterDev(chain.Edges[0]), 1_000);

        chain.Fails(chain.Edges[0], Calls.RegisterDev(chain.Edges[0]), EdgeExists, 1_000);
    }

    [Fact]
    public void Unknown_attestation_kind_reverts_UnknownAttestationKind()
    {
        using var chain = new GpowChain();

        chain.Fails(chain.Edges[0], Calls.Register(9, [1, 2, 3], []), UnknownAttestationKind, 1_000);
    }

    [Fact]
    public void Invalid_region_reverts_InvalidRegion()
    {
        using var chain = new GpowChain();

        chain.Fails(chain.Edges[0], Calls.RegisterDev(chain.Edges[0], region: "eu west"), InvalidRegion, 1_000);
    }

    [Fact]
    public void Value_sent_to_a_non_payable_method_reverts_UnexpectedValue()
    {
        using var chain = new GpowChain();

        chain.Fails(chain.Edges[0], Calls.Claim(), UnexpectedValue, 5);
    }

    [Fact]
    public void Truncated_calldata_reverts_MalformedCalldata()
    {
        using var chain = new GpowChain();
        var calldata = Calls.RegisterDev(chain.Edges[0]);

        chain.Fails(chain.Edges[0], calldata[..40], MalformedCalldata, 1_000);
    }

    [Fact]
    public void Reports_after_the_attestation_expired_revert_AttestationExpired_until_renewed()
    {
        var p = GpowChain.TestParams with { AttestationValiditySeconds = 30 };
        using var chain = new GpowChain(p);
        var edge = chain.Edges[0];
        chain.Ok(edge, Calls.RegisterDev(edge), 1_000);
        chain.AdvanceTo(chain.At(1, 0));

        chain.Fails(edge, Calls.Report(0), AttestationExpired);
        chain.Ok(edge, Calls.Renew(edge));
        chain.Ok(edge, Calls.Report(0));

        Assert.NotNull(chain.Reader.Report(edge.Address, 0));
    }

    [Fact]
    public void Leaving_locks_the_bond_until_the_last_epoch_is_scored_then_pays_it_back()
    {
        using var chain = new GpowChain();
        var edge = chain.Edges[0];
        chain.Ok(edge, Calls.RegisterDev(edge), 1_000);
        chain.AdvanceTo(chain.At(1, 0));
        var unlock = LeaveEdge.DecodeResult(chain.Ok(edge, Calls.Leave()).Outcome.Output)[0].AsUInt64();
        Assert.Equal(2UL, unlock);

        chain.Fails(edge, Calls.WithdrawBond(), BondLocked);
        chain.Fails(edge, Calls.Report(0), EdgeHasLeft);
        chain.Finish(1);
        var before = chain.Balance(edge);
        var sent = chain.Ok(edge, Calls.WithdrawBond());

        Assert.Equal(before + 1_000 - (sent.Outcome.GasUsed * sent.Outcome.EffectiveGasPrice), chain.Balance(edge));
        Assert.Equal(UInt256.Zero, chain.Reader.Totals.Bonds);
        chain.Fails(edge, Calls.WithdrawBond(), NothingToWithdraw);
    }

    [Fact]
    public void Views_answer_eth_call_from_the_records()
    {
        using var chain = new GpowChain();
        chain.Ok(chain.Edges[0], Calls.RegisterDev(chain.Edges[0]), 2_000);

        var edge = chain.View(GetEdge, AbiValue.Address(chain.Edges[0].Address));
        var parameters = chain.View(GetParams);

        Assert.True(edge[0].AsBool());
        Assert.Equal((UInt256)2_000, edge[3].AsUInt256());
        Assert.Equal("eu-west", edge[4].AsString());
        Assert.Equal(1UL, chain.View(GetEdgeCount)[0].AsUInt64());
        Assert.Equal(chain.Edges[0].Address, chain.View(GetEdgeAt, AbiValue.UInt(0UL))[0].AsAddress());
        Assert.Equal(10UL, parameters[0].AsUInt64());
        Assert.True(parameters[11].AsBool());
        Assert.Equal((UInt256)2_000, chain.View(GetTotals)[0].AsUInt256());
    }
}
