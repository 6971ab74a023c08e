using Aro.Consensus.Core;
using Aro.Consensus.Tests.Support;

namespace Aro.Consensus.Tests.Core;

public class TimeoutConfigTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        new TimeoutConfig().Validate();
    }

    [Theory]
    [InlineData(nameof(TimeoutConfig.ProposeBase))]
    [InlineData(nameof(TimeoutConfig.PrevoteDelta))]
    [InlineData(nameof(TimeoutConfig.PrecommitBase))]
    public void Zero_setting_is_refused_NotPositive(string setting)
    {
        var error = Assert.Throws<TimeoutConfigException>(() => With(setting, TimeSpan.Zero).Validate());

        Assert.Equal((TimeoutConfigError.NotPositive, setting), (error.Error, error.Setting));
    }

    [Fact]
    public void Negative_delta_is_refused_NotPositive()
    {
        var error = Assert.Throws<TimeoutConfigException>(() => new TimeoutConfig { ProposeDelta = TimeSpan.FromSeconds(-1) }.Validate());

        Assert.Equal((TimeoutConfigError.NotPositive, nameof(TimeoutConfig.ProposeDelta)), (error.Error, error.Setting));
    }

    [Fact]
    public void Delta_over_a_minute_is_refused_DeltaTooLarge()
    {
        var error = Assert.Throws<TimeoutConfigException>(() => new TimeoutConfig { PrevoteBase = TimeSpan.FromSeconds(1), PrevoteDelta = TimeSpan.FromSeconds(61) }.Validate());

        Assert.Equal((TimeoutConfigError.DeltaTooLarge, nameof(TimeoutConfig.PrevoteDelta)), (error.Error, error.Setting));
    }

    [Fact]
    public void A_delta_above_a_short_base_is_accepted()
    {
        var error = Record.Exception(() => new TimeoutConfig { ProposeBase = TimeSpan.FromMilliseconds(300), ProposeDelta = TimeSpan.FromMilliseconds(500) }.Validate());

        Assert.Null(error);
    }

    [Fact]
    public void Base_over_a_minute_is_refused_BaseTooLong()
    {
        var error = Assert.Throws<TimeoutConfigException>(() => new TimeoutConfig { PrecommitBase = TimeSpan.FromSeconds(61) }.Validate());

        Assert.Equal((TimeoutConfigError.BaseTooLong, nameof(TimeoutConfig.PrecommitBase)), (error.Error, error.Setting));
    }

    [Fact]
    public void Timeout_of_a_very_high_round_stops_at_the_maximum()
    {
        var timeouts = new TimeoutConfig { PrecommitBase = TimeSpan.FromMinutes(1), PrecommitDelta = TimeSpan.FromMinutes(1) };

        Assert.Equal(TimeSpan.FromMinutes(60), timeouts.For(RoundStep.Precommit, 59));
        Assert.Equal(TimeoutConfig.MaxTimeout, timeouts.For(RoundStep.Precommit, 60));
        Assert.Equal(TimeoutConfig.MaxTimeout, timeouts.For(RoundStep.Precommit, uint.MaxValue));
    }

    [Fact]
    public void Core_refuses_an_invalid_config()
    {
        var config = new ConsensusConfig { ChainId = TestValidators.ChainId, Timeouts = new TimeoutConfig { ProposeDelta = TimeSpan.Zero } };

        Assert.Throws<TimeoutConfigException>(() => new ConsensusCore(config, null, new HashCheckingValidator()));
    }

    private static TimeoutConfig With(string setting, TimeSpan value) => setting switch
    {
        nameof(TimeoutConfig.ProposeBase) => new TimeoutConfig { ProposeBase = value },
        nameof(TimeoutConfig.PrevoteDelta) => new TimeoutConfig { PrevoteDelta = value },
        nameof(TimeoutConfig.PrecommitBase) => new TimeoutConfig { PrecommitBase = value },
        _ => throw new ArgumentOutOfRangeException(nameof(setting)),
    };
}
