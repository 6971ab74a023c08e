using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Blocks;
using Aro.Core.Rlp;
using Aro.Modules.Gpos.Slashing;
using static Aro.Modules.Gpos.Abi.StakingAbi;

namespace Aro.Modules.Gpos.Tests;

/// <summary>Double-sign evidence with the test params: 5 % slash, evidence at most 8 blocks old.</summary>
public class DoubleSignTests
{
    private static readonly UInt256 Aro = SlashingHarness.Aro;

    /// <summary>Keepers 0..2 (10/20/30 ARO) in the set of epoch 1, at height 4 (the first block of epoch 1).</summary>
    private static GposChain InEpochOne()
    {
        var chain = SlashingHarness.WithKeepers(3);
        chain.Block();
        return chain;
    }

    [Fact]
    public void Evidence_slashes_the_double_sign_fraction_of_the_power_at_the_infraction_height()
    {
        var chain = InEpochOne();

        chain.Ok(chain[6], SlashingHarness.Evidence(SlashingHarness.DoubleSign(chain[1], 4)));

        var slashed = Assert.Single(chain.Events(Slashed));
        Assert.Equal((ulong)SlashReason.DoubleSign, slashed[1].AsUInt64());
        Assert.Equal(4UL, slashed[2].AsUInt64());
        Assert.Equal(Aro, slashed[3].AsUInt256());
        Assert.Equal(Aro * 19, chain.Keeper(chain[1]).Tokens);
    }

    [Fact]
    public void Evidence_jails_forever_and_tombstones_the_keeper()
    {
        var chain = InEpochOne();

        chain.Ok(chain[6], SlashingHarness.Evidence(SlashingHarness.DoubleSign(chain[1], 4)));

        var keeper = chain.Keeper(chain[1]);
        Assert.True(keeper.Jailed);
        Assert.True(keeper.Tombstoned);
        Assert.Equal(ulong.MaxValue, keeper.JailedUntilEpoch);
        Assert.Single(chain.Events(Tombstoned));
    }

    [Fact]
    public void A_tombstoned_keeper_takes_no_new_delegations()
    {
        GposChain Setup()
        {
            var chain = InEpochOne();
            chain.Ok(chain[6], SlashingHarness.Evidence(SlashingHarness.DoubleSign(chain[1], 4)));
            return chain;
        }

        var chain = Setup();
        var twin = Setup();
        var sent = chain.Send(chain[6], Calls.Delegate(chain[1]), Aro);
        twin.Block();

        Assert.Equal(KeeperTombstoned.Selector.Value, GposChain.ReadSelector(sent.Outcome.Output));
        Assert.Equal(twin.StorageRootOfModule(), chain.StorageRootOfModule());
    }

    [Fact]
    public void Evidence_already_handled_reverts_EvidenceAlreadyHandled()
    {
        var evidence = SlashingHarness.DoubleSign(Account.Of(2), 4);
        GposChain Setup()
        {
            var chain = InEpochOne();
            chain.Ok(chain[6], SlashingHarness.Evidence(evidence));
            return chain;
        }

        var error = Reverts.With(Setup, c => c[7], _ => SlashingHarness.Evidence(evidence), EvidenceAlreadyHandled);

        Assert.Equal(evidence.Hash.Bytes.ToArray(), error[0].AsBytes());
    }

    [Fact]
    public void Evidence_older_than_maxEvidenceAgeBlocks_reverts_EvidenceTooOld()
    {
        GposChain Setup()
        {
            var chain = InEpochOne();
            while (chain.Height < 12)
            {
                chain.Block();
            }

            return chain;
        }

        // The call runs in block 13: 13 − 4 = 9 > 8.
        var error = Reverts.With(Setup, c => c[6], c => SlashingHarness.Evidence(SlashingHarness.DoubleSign(c[1], 4)), EvidenceTooOld);

        Assert.Equal(5UL, error[1].AsUInt64());
    }

    [Fact]
    public void Evidence_at_the_oldest_accepted_height_is_handled()
    {
        var chain = InEpochOne();
        while (chain.Height < 11)
        {
            chain.Block();
        }

        chain.Ok(chain[6], SlashingHarness.Evidence(SlashingHarness.DoubleSign(chain[1], 4)));
    }

    [Fact]
    public void Evidence_for_the_current_block_reverts_EvidenceFromFuture()
    {
        Reverts.With(InEpochOne, c => c[6], c => SlashingHarness.Evidence(SlashingHarness.DoubleSign(c[1], c.Height + 1)), EvidenceFromFuture);
    }

    [Fact]
    public void Votes_signed_by_two_different_keys_revert_InvalidEvidenceSignature()
    {
        static byte[] Calldata(GposChain c)
        {
            var a = Vote.Sign(GposChain.ChainId, VoteType.Prevote, 4, 0, SlashingHarness.Hash(1), 0, c[0].ConsensusPrivateKey);
            var other = Vote.Sign(GposChain.ChainId, VoteType.Prevote, 4, 0, SlashingHarness.Hash(2), 0, c[1].ConsensusPrivateKey);

            // The second vote claims the first one's validator but carries another key's signature.
            var b = new Vote(other.Type, other.Height, other.Round, other.BlockHash, 0, a.Validator, other.Signature);
            return SlashingHarness.Evidence(new DuplicateVoteEvidence(a, b));
        }

        Reverts.With(InEpochOne, c => c[6], Calldata, InvalidEvidenceSignature);
    }

    [Fact]
    public void A_signer_outside_the_set_of_that_height_reverts_ValidatorNotInSet()
    {
        var error = Reverts.With(InEpochOne, c => c[6], c => SlashingHarness.Evidence(SlashingHarness.DoubleSign(c[5], 4)), ValidatorNotInSet);

        Assert.Equal(Account.Of(6).ConsensusAddress, error[0].AsAddress());
    }

    [Fact]
    public void Votes_signed_for_another_chain_revert_InvalidEvidenceSignature()
    {
        // Recovered over this chain's sign bytes, the two signatures name two unrelated keys.
        Reverts.With(InEpochOne, c => c[6], c => SlashingHarness.Evidence(SlashingHarness.DoubleSign(c[1], 4, chainId: 1)), InvalidEvidenceSignature);
    }

    public static TheoryData<string, byte[]> Malformed
    {
        get
        {
            var evidence = SlashingHarness.DoubleSign(Account.Of(2), 4);
            var encoded = DuplicateVoteEvidenceCodec.Encode(evidence);
            var tree = RlpCodec.DecodeTree(encoded);
            var swapped = RlpCodec.Encode(RlpItem.FromList(tree.Items[1], tree.Items[0]));
            var same = RlpCodec.Encode(RlpItem.FromList(tree.Items[0], tree.Items[0]));
            return new TheoryData<string, byte[]>
            {
                { "empty", [] },
                { "not RLP", [0xff, 0x01] },
                { "trailing byte", [.. encoded, 0x00] },
                { "votes in reverse order", swapped },
                { "the same vote twice", same },
            };
        }
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_evidence_reverts_MalformedEvidence(string what, byte[] encoded)
    {
        Assert.NotNull(what);
        Reverts.With(InEpochOne, c => c[6], _ => SlashingHarness.Evidence(encoded), MalformedEvidence);
    }

    [Fact]
    public void Stake_undelegated_after_the_infraction_is_slashed_and_stake_undelegated_before_is_not()
    {
        var chain = SlashingHarness.WithKeepers(3);
        chain.Ok(chain[6], Calls.Delegate(chain[1]), SlashingHarness.Ether(20));
        chain.AdvanceEpochs(1);
        var before = chain.Ok(chain[6], Calls.Undelegate(chain[1], SlashingHarness.Ether(4))).Outcome.Output;
        var infraction = chain.Height + 1;
        chain.Block();
        var after = chain.Ok(chain[6], Calls.Undelegate(chain[1], SlashingHarness.Ether(4))).Outcome.Output;
        var beforeId = Undelegate.DecodeResult(before)[0].AsUInt64();
        var afterId = Undelegate.DecodeResult(after)[0].AsUInt64();

        chain.Ok(chain[7], SlashingHarness.Evidence(SlashingHarness.DoubleSign(chain[1], infraction)));

        Assert.Equal(SlashingHarness.Ether(4), chain.Store().GetUnbonding(beforeId)!.Amount);
        Assert.Equal(SlashingHarness.Ether(4) - (Aro / 5), chain.Store().GetUnbonding(afterId)!.Amount);

        // Power at the infraction: 40 ARO (20 self + 20 delegated) in epoch 2's set; 5 % = 2 ARO, 0.2 from the entry.
        Assert.Equal(Aro * 2, chain.Events(Slashed)[0][3].AsUInt256());
        Assert.Equal((Aro * 32) - ((Aro * 2) - (Aro / 5)), chain.Keeper(chain[1]).Tokens);
    }

    [Fact]
    public void A_redelegation_made_after_the_infraction_loses_shares_at_its_destination()
    {
        var chain = SlashingHarness.WithKeepers(3);
        chain.Ok(chain[6], Calls.Delegate(chain[1]), SlashingHarness.Ether(20));
        chain.AdvanceEpochs(1);
        var infraction = chain.Height + 1;
        chain.Block();
        chain.Ok(chain[6], Calls.Redelegate(chain[1], chain[2], SlashingHarness.Ether(10)));
        var destinationBefore = chain.Keeper(chain[2]).Tokens;

        chain.Ok(chain[7], SlashingHarness.Evidence(SlashingHarness.DoubleSign(chain[1], infraction)));

        // 5 % of the 10 ARO moved is burnt at keeper 2; the remaining 1.5 ARO of the 2 ARO target from keeper 1's pool.
        Assert.Equal(destinationBefore - (Aro / 2), chain.Keeper(chain[2]).Tokens);
        Assert.Equal((Aro * 30) - ((Aro * 3) / 2), chain.Keeper(chain[1]).Tokens);
        Assert.Equal(Aro * 2, chain.Slashing().Burned);
    }

    [Fact]
    public void The_node_entry_point_HandleEvidence_slashes_like_the_message()
    {
        var chain = InEpochOne();
        var evidence = SlashingHarness.DoubleSign(chain[1], 4);

        var result = chain.Block(chain.ProbeTx(chain[6], GpowProbeModule.HandleEvidence.EncodeCall(AbiValue.Bytes(DuplicateVoteEvidenceCodec.Encode(evidence)))));

        Assert.True(result.Transactions[0].Succeeded);
        Assert.True(chain.Keeper(chain[1]).Tombstoned);
        Assert.Equal(Aro, chain.Slashing().Burned);
        Assert.True(chain.Slashing().IsEvidenceHandled(evidence.Hash));
    }
}

public class FalseVouchTests
{
    private static readonly UInt256 Aro = SlashingHarness.Aro;

    [Fact]
    public void SlashFalseVouch_burns_the_false_vouch_fraction_of_the_power_in_that_epoch_without_jailing()
    {
        var chain = SlashingHarness.WithKeepers(3);

        var result = chain.Block(chain.ProbeTx(chain[6], GpowProbeModule.SlashFalseVouch.EncodeCall(AbiValue.Address(chain[2].Address), AbiValue.UInt(1UL))));

        Assert.True(result.Transactions[0].Succeeded);
        Assert.Equal(Aro * 27, chain.Keeper(chain[2]).Tokens);
        Assert.False(chain.Keeper(chain[2]).Jailed);
        Assert.Equal(new SlashRecord(chain[2].Address, SlashReason.FalseVouch, 4, Aro * 3), chain.Slashing().EpochSlash(1, 0));
    }

    [Fact]
    public void SlashFalseVouch_of_an_unknown_keeper_reverts_the_calling_transaction_with_KeeperNotFound()
    {
        var chain = SlashingHarness.WithKeepers(3);

        var result = chain.Block(chain.ProbeTx(chain[6], GpowProbeModule.SlashFalseVouch.EncodeCall(AbiValue.Address(chain[7].Address), AbiValue.UInt(1UL))));

        Assert.False(result.Transactions[0].Succeeded);
        Assert.Equal(KeeperNotFound.Selector.Value, GposChain.ReadSelector(result.Transactions[0].Output));
        Assert.True(chain.Slashing().Burned.IsZero);
    }

    [Fact]
    public void ActiveKeepers_lists_the_bonded_keepers_that_are_not_jailed_by_address()
    {
        var chain = DowntimeTests.JailedChain();

        var result = chain.Block(chain.ProbeTx(chain[6], GpowProbeModule.ActiveKeepers.EncodeCall()));

        var listed = GpowProbeModule.ActiveKeepers.DecodeResult(result.Transactions[0].Output)[0].AsList().Select(v => v.AsAddress());
        Assert.Equal(new[] { chain[1].Address, chain[2].Address }.Order(), listed);
    }

    [Fact]
    public void IsActiveKeeper_is_false_for_a_jailed_keeper_and_true_for_a_bonded_one()
    {
        var chain = DowntimeTests.JailedChain();

        var jailed = chain.Block(chain.ProbeTx(chain[6], GpowProbeModule.IsActiveKeeper.EncodeCall(AbiValue.Address(chain[0].Address))));
        var bonded = chain.Block(chain.ProbeTx(chain[6], GpowProbeModule.IsActiveKeeper.EncodeCall(AbiValue.Address(chain[1].Address))));

        Assert.False(GpowProbeModule.IsActiveKeeper.DecodeResult(jailed.Transactions[0].Output)[0].AsBool());
        Assert.True(GpowProbeModule.IsActiveKeeper.DecodeResult(bonded.Transactions[0].Output)[0].AsBool());
    }
}
