using Aro.Consensus.Tests.Support;
using Aro.Consensus.Validators;
using Aro.Core;
using Aro.Execution.Chain;

namespace Aro.Consensus.Tests.Validators;

public sealed class ValidatorSetTests
{
    [Fact]
    public void Proposer_sequence_matches_cometbft_TestProposerSelection1()
    {
        // cometbft types/validator_set_test.go: foo 1000, bar 300, baz 330; 99 proposers.
        var set = ValidatorSet.Create([Named("foo", 1000), Named("bar", 300), Named("baz", 330)]);
        const string expected =
            "foo baz foo bar foo foo baz foo bar foo foo baz foo foo bar foo baz foo foo bar"
            + " foo foo baz foo bar foo foo baz foo bar foo foo baz foo foo bar foo baz foo foo bar"
            + " foo baz foo foo bar foo baz foo foo bar foo baz foo foo foo baz bar foo foo foo baz"
            + " foo bar foo foo baz foo bar foo foo baz foo bar foo foo baz foo bar foo foo baz foo"
            + " foo bar foo baz foo foo bar foo baz foo foo bar foo baz foo foo";

        var proposers = new List<string>();
        for (var i = 0; i < 99; i++)
        {
            proposers.Add(NameOf(set.Proposer.Address));
            set = set.AdvanceProposer(1);
        }

        Assert.Equal(expected, string.Join(' ', proposers));
    }

    [Fact]
    public void Equal_powers_rotate_in_address_order()
    {
        var set = ValidatorSet.Create([Numbered(0, 100), Numbered(1, 100), Numbered(2, 100)]);

        for (var i = 0; i < 15; i++)
        {
            Assert.Equal(i % 3, set.ProposerIndex);
            set = set.AdvanceProposer(1);
        }
    }

    [Theory]
    [InlineData(400UL, new[] { 2, 0 })]
    [InlineData(401UL, new[] { 2, 2, 0 })]
    public void Heavy_validator_proposes_first_and_twice_only_with_enough_power(ulong heavy, int[] expected)
    {
        // cometbft TestProposerSelection2: 100, 100, 400 alternates; 100, 100, 401 proposes twice in a row.
        var set = ValidatorSet.Create([Numbered(0, 100), Numbered(1, 100), Numbered(2, heavy)]);

        foreach (var index in expected)
        {
            Assert.Equal(index, set.ProposerIndex);
            set = set.AdvanceProposer(1);
        }
    }

    [Fact]
    public void Proposer_frequency_is_proportional_to_power()
    {
        var set = ValidatorSet.Create([Numbered(0, 4), Numbered(1, 5), Numbered(2, 3)]);
        var counts = new int[3];

        for (var i = 0; i < 120; i++)
        {
            counts[set.ProposerIndex]++;
            set = set.AdvanceProposer(1);
        }

        Assert.Equal([40, 50, 30], counts);
    }

    [Fact]
    public void Priorities_follow_cometbft_averaging_example()
    {
        // cometbft TestAveragingInIncrementProposerPriorityWithVotingPower, powers 10, 1, 1 (total 12), case "times = 5".
        var set = ValidatorSet.Create([Numbered(0, 10), Numbered(1, 1), Numbered(2, 1)]).AdvanceProposer(4);

        Assert.Equal([(4 * (10 - 12)) + 10, (5 * 1) - 12, 5 * 1], Enumerable.Range(0, 3).Select(set.PriorityOf));
        Assert.Equal(1, set.ProposerIndex); // "now this val is mostest for the 1st time"
    }

    [Fact]
    public void Advancing_many_rounds_at_once_equals_advancing_one_at_a_time()
    {
        var start = TestValidators.WithPowers(50, 20, 20, 10, 5).Set;
        var stepwise = start;
        for (var i = 0; i < 37; i++)
        {
            stepwise = stepwise.AdvanceProposer(1);
        }

        var jumped = start.AdvanceProposer(37);

        Assert.Equal(Enumerable.Range(0, 5).Select(stepwise.PriorityOf), Enumerable.Range(0, 5).Select(jumped.PriorityOf));
    }

    [Fact]
    public void Priorities_stay_centred_and_bounded()
    {
        var set = TestValidators.WithPowers(1_000_000, 1, 7, 300).Set;
        for (var i = 0; i < 5_000; i++)
        {
            set = set.AdvanceProposer(1);
            var priorities = Enumerable.Range(0, set.Count).Select(set.PriorityOf).ToArray();
            Assert.InRange(priorities.Sum(), -set.Count, set.Count);
            Assert.True(priorities.Max() - priorities.Min() <= 3 * set.TotalPower);
        }
    }

    [Fact]
    public void Hash_is_the_genesis_validator_set_hash()
    {
        var validators = TestValidators.WithPowers(10, 20, 30);
        var genesis = validators.Set.Validators.Select(v => new GenesisValidator(v.Address, v.PublicKey, v.Power)).Reverse().ToList();

        Assert.Equal(Genesis.ValidatorSetHash(genesis), validators.Set.Hash);
    }

    [Fact]
    public void Quorum_is_more_than_two_thirds_of_the_power()
    {
        var set = TestValidators.Equal(4).Set; // total 40

        Assert.False(set.IsQuorum(26));
        Assert.True(set.IsQuorum(27));
        Assert.False(set.IsOneThirdPlus(13));
        Assert.True(set.IsOneThirdPlus(14));
    }

    [Fact]
    public void Duplicate_validator_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ValidatorSet.Create([Numbered(1, 1), Numbered(1, 2)]));
    }

    [Fact]
    public void Empty_set_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ValidatorSet.Create([]));
    }

    [Fact]
    public void Total_power_above_the_limit_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ValidatorSet.Create([Numbered(0, ValidatorSet.MaxTotalPower), Numbered(1, 1)]));
    }

    private static Validator Named(string name, ulong power)
    {
        var bytes = new byte[Address.Size];
        System.Text.Encoding.ASCII.GetBytes(name).CopyTo(bytes, 0);
        return new Validator(new Address(bytes), power);
    }

    private static string NameOf(Address address) => System.Text.Encoding.ASCII.GetString(address.Bytes).TrimEnd('\0');

    private static Validator Numbered(byte last, ulong power)
    {
        var bytes = new byte[Address.Size];
        bytes[^1] = last;
        return new Validator(new Address(bytes), power);
    }
}
