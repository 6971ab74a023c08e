using Aro.Core;
using Aro.Core.Abi;
using Aro.Execution.Execution;
using Aro.Modules.Gpos.Settlement;
using Aro.State.World;
using static Aro.Modules.Gpos.Abi.SettlementAbi;

namespace Aro.Modules.Gpos.Tests;

public class SettlementTests
{
    // Stakes in whole ARO: only keepers with consensus power (≥ 1 ARO) are in the 72 set that signs commits.
    private static readonly UInt256 Aro = UInt256.Parse("1000000000000000000");

    /// <summary>Two keepers (1,000 and 3,000 wei) signing every block, run into epoch 2 so epoch 1 is settled.</summary>
    private static GposChain SettledChain(out BlockExecutionResult lastTransition)
    {
        var chain = new GposChain(GposChain.RewardParams, funds: Aro * 1_000_000);
        chain.Block(chain.Tx(chain[0], Calls.Register(chain[0]), Aro * 1_000), chain.Tx(chain[1], Calls.Register(chain[1]), Aro * 3_000));
        chain.AdvanceToEpoch(1);
        while (chain.Height + 2 < 2 * chain.Params.EpochBlocks)
        {
            chain.Block();
        }

        lastTransition = chain.Block();
        Assert.Equal(2UL, chain.ModuleEpoch);
        return chain;
    }

    [Fact]
    public void GetSettlement_returns_the_record_of_a_settled_epoch()
    {
        var chain = SettledChain(out _);

        var view = chain.View(GetSettlement, AbiValue.UInt(1UL));

        Assert.Equal((UInt256)1_000_000UL, view[0].AsUInt256());
        Assert.Equal((UInt256)950_000UL, view[2].AsUInt256());
        Assert.Equal((UInt256)50_000UL, view[4].AsUInt256());
        Assert.Equal(2UL, view[6].AsUInt64());
        Assert.Equal(0UL, view[7].AsUInt64());
    }

    [Fact]
    public void GetSettlement_of_an_unsettled_epoch_reverts_with_SettlementNotFound()
    {
        var chain = SettledChain(out _);
        var context = new BlockContext(chain.Height, 0, GposChain.Proposer, 1, 30_000_000, GposChain.ChainId, 0);

        var result = chain.Host.Query(chain.State, context, GposModule.Address, GetSettlement.EncodeCall(AbiValue.UInt(2UL)));

        Assert.False(result.Succeeded);
        Assert.Equal(2UL, SettlementNotFound.Decode(result.Output)[0].AsUInt64());
    }

    [Fact]
    public void GetKeeperSettlement_lists_each_keeper_in_active_set_order()
    {
        var chain = SettledChain(out _);

        var first = chain.View(GetKeeperSettlement, AbiValue.UInt(1UL), AbiValue.UInt(0UL));
        var second = chain.View(GetKeeperSettlement, AbiValue.UInt(1UL), AbiValue.UInt(1UL));

        Assert.Equal(chain[1].Address, first[0].AsAddress());
        Assert.Equal(Aro * 3_000, first[1].AsUInt256());
        Assert.Equal(3UL, first[2].AsUInt64()); // blocks 5–7 carry commits of epoch 1's set; block 4 carries epoch 0's (empty)
        Assert.Equal(chain[0].Address, second[0].AsAddress());
        Assert.Equal((UInt256)237_500UL, second[3].AsUInt256() + second[4].AsUInt256());
    }

    [Fact]
    public void The_read_api_returns_the_same_records_as_the_views()
    {
        var chain = SettledChain(out _);

        var settlement = GposSettlements.GetSettlement(chain.State, 1)!;
        var lines = GposSettlements.GetKeeperSettlements(chain.State, 1);
        var view = chain.View(GetSettlement, AbiValue.UInt(1UL));

        Assert.Equal(view[0].AsUInt256(), settlement.Minted);
        Assert.Equal(view[2].AsUInt256(), settlement.KeeperPool);
        Assert.Equal(2, lines.Count);
        Assert.Equal(chain.View(GetKeeperSettlement, AbiValue.UInt(1UL), AbiValue.UInt(1UL))[4].AsUInt256(), lines[1].DelegatorRewards);
        Assert.Null(GposSettlements.GetSettlement(chain.State, 7));
    }

    [Fact]
    public void Settlement_emits_KeeperRewarded_per_keeper_then_EpochSettled_as_block_events()
    {
        SettledChain(out var transition);

        var rewarded = transition.BlockEvents.Where(l => l.Topics[0] == KeeperRewarded.Topic0).ToArray();
        var settled = Assert.Single(transition.BlockEvents, l => l.Topics[0] == EpochSettled.Topic0);

        Assert.Equal(2, rewarded.Length);
        var values = EpochSettled.Decode(settled.Topics, settled.Data.Span);
        Assert.Equal(1UL, values[0].AsUInt64());
        Assert.Equal((UInt256)1_000_000UL, values[1].AsUInt256());
        Assert.True(transition.BlockEvents.IndexOf(rewarded[1]) < transition.BlockEvents.IndexOf(settled));
    }

    [Fact]
    public void A_settlement_record_is_provable_against_the_state_root()
    {
        var chain = SettledChain(out _);
        var key = GposSettlements.SettlementKey(1);

        var proof = chain.State.GetProof(GposModule.Address, [key]);
        var account = StateProofVerifier.VerifyAccount(chain.State.StateRoot, GposModule.Address, proof.Proof);
        var value = StateProofVerifier.VerifyStorage(account!.Value.StorageRoot, key, proof.StorageProofs[0].Proof);

        Assert.Equal(GposSettlements.GetSettlement(chain.State, 1), GposSettlements.DecodeSettlement(value));
    }

    [Fact]
    public void A_tampered_settlement_proof_fails_verification()
    {
        var chain = SettledChain(out _);
        var key = GposSettlements.SettlementKey(1);
        var proof = chain.State.GetProof(GposModule.Address, [key]);
        var account = StateProofVerifier.VerifyAccount(chain.State.StateRoot, GposModule.Address, proof.Proof)!.Value;
        var nodes = proof.StorageProofs[0].Proof.Select(n => n.ToArray()).ToArray();
        nodes[^1][^1] ^= 1;

        Assert.ThrowsAny<Exception>(() => StateProofVerifier.VerifyStorage(account.StorageRoot, key, nodes));
    }

    [Fact]
    public void Claims_are_recorded_per_account_and_epoch()
    {
        var chain = SettledChain(out _);
        var sent = chain.Ok(chain[1], Calls.ClaimRewards(chain[1]));
        var amount = ClaimRewards.DecodeResult(sent.Outcome.Output)[0].AsUInt256();

        var claims = chain.View(GetClaims, AbiValue.Address(chain[1].Address), AbiValue.UInt(2UL));

        Assert.Equal(amount, claims[0].AsUInt256());
        Assert.True(chain.View(GetClaims, AbiValue.Address(chain[1].Address), AbiValue.UInt(1UL))[0].AsUInt256().IsZero);
    }

    [Fact]
    public void GetSettlementSlash_past_the_slash_count_reverts()
    {
        var chain = SettledChain(out _);
        var context = new BlockContext(chain.Height, 0, GposChain.Proposer, 1, 30_000_000, GposChain.ChainId, 0);

        var result = chain.Host.Query(chain.State, context, GposModule.Address, GetSettlementSlash.EncodeCall(AbiValue.UInt(1UL), AbiValue.UInt(0UL)));

        Assert.False(result.Succeeded);
    }
}
