using Aro.Core;
using static Aro.Modules.Gpos.Abi.StakingAbi;

namespace Aro.Modules.Gpos.Tests;

public class ParamsTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        Assert.Null(GposParams.Default.Validate());
    }

    [Fact]
    public void Default_unbonding_is_seven_days_of_one_hour_epochs_at_six_second_blocks()
    {
        var p = GposParams.Default;

        Assert.Equal(3_600UL, p.EpochBlocks * 6);
        Assert.Equal(7UL * 24, p.UnbondingEpochs);
        Assert.Equal(24UL, p.CommissionChangeEpochs);
    }

    public static TheoryData<string, GposParams> Invalid => new()
    {
        { "epochBlocks", GposParams.Default with { EpochBlocks = 0 } },
        { "unbondingEpochs", GposParams.Default with { UnbondingEpochs = 0 } },
        { "maxValidators", GposParams.Default with { MaxValidators = 0 } },
        { "maxKeepers", GposParams.Default with { MaxKeepers = 99 } },
        { "minSelfStake", GposParams.Default with { MinSelfStake = UInt256.Zero } },
        { "maxCommissionBps", GposParams.Default with { MaxCommissionBps = 10_001 } },
        { "maxCommissionChangeBps", GposParams.Default with { MaxCommissionBps = 100, MaxCommissionChangeBps = 101 } },
        { "maxEntries", GposParams.Default with { MaxEntries = 0 } },
        { "maxDelegationsPerDelegator", GposParams.Default with { MaxDelegationsPerDelegator = 0 } },
        { "slashFractionDoubleSignPpm", GposParams.Default with { SlashFractionDoubleSignPpm = 1_000_001 } },
        { "slashFractionDowntimePpm", GposParams.Default with { SlashFractionDowntimePpm = 1_000_001 } },
        { "slashFractionFalseVouchPpm", GposParams.Default with { SlashFractionFalseVouchPpm = 1_000_001 } },
        { "signedBlocksWindow", GposParams.Default with { SignedBlocksWindow = 0 } },
        { "signedBlocksWindow", GposParams.Default with { SignedBlocksWindow = 1_000_001 } },
        { "minSignedBps", GposParams.Default with { MinSignedBps = 10_001 } },
        { "jailEpochs", GposParams.Default with { JailEpochs = 0 } },
        { "maxEvidenceAgeBlocks", GposParams.Default with { MaxEvidenceAgeBlocks = 0 } },
        { "maxEvidenceAgeBlocks", GposParams.Default with { MaxEvidenceAgeBlocks = 168 * 600 } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_rule_rejects_a_violating_value_naming_the_parameter(string name, GposParams parameters)
    {
        var error = parameters.Validate();

        Assert.NotNull(error);
        Assert.StartsWith(name + " ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_slashing_params_are_Cosmos_defaults_with_evidence_younger_than_unbonding()
    {
        var p = GposParams.Default;

        Assert.Equal(50_000U, p.SlashFractionDoubleSignPpm);
        Assert.Equal(10_000U, p.SlashFractionDowntimePpm);
        Assert.Equal(5_000UL, p.MaxMissedBlocks);
        Assert.True(p.MaxEvidenceAgeBlocks < p.UnbondingEpochs * p.EpochBlocks);
    }

    [Fact]
    public void Max_missed_blocks_rounds_the_minimum_signed_up()
    {
        Assert.Equal(4UL, (GposChain.TestParams with { SignedBlocksWindow = 9, MinSignedBps = 5_000 }).MaxMissedBlocks);
        Assert.Equal(0UL, (GposChain.TestParams with { MinSignedBps = 10_000 }).MaxMissedBlocks);
    }

    [Fact]
    public void Params_record_round_trips_through_its_RLP_form()
    {
        var p = GposChain.TestParams with
        {
            MinSelfStake = UInt256.Parse("123456789012345678901234567890"),
            SlashFractionDoubleSignPpm = 1, SlashFractionDowntimePpm = 2, SlashFractionFalseVouchPpm = 3,
            SignedBlocksWindow = 4, MinSignedBps = 5, JailEpochs = 6, MaxEvidenceAgeBlocks = 7,
        };

        Assert.Equal(p, GposParams.Decode(p.Encode()));
    }

    [Fact]
    public void The_getParams_view_reports_the_genesis_params()
    {
        var chain = new GposChain();

        var v = chain.View(GetParams);

        Assert.Equal(4UL, v[0].AsUInt64());
        Assert.Equal(3UL, v[1].AsUInt64());
        Assert.Equal(3UL, v[2].AsUInt64());
        Assert.Equal(6UL, v[3].AsUInt64());
        Assert.Equal((UInt256)1_000UL, v[4].AsUInt256());
        Assert.Equal(5_000UL, v[5].AsUInt64());
        Assert.Equal(100UL, v[6].AsUInt64());
        Assert.Equal(2UL, v[7].AsUInt64());
        Assert.Equal(3UL, v[8].AsUInt64());
        Assert.Equal(3UL, v[9].AsUInt64());
    }
}
