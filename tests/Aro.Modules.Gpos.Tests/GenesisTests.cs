using System.Collections.Immutable;
using System.Text.Json;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Execution.Chain;
using Aro.Modules.Gpos.Genesis;
using Aro.Modules.Gpos.State;
using Aro.State.Trie;
using Aro.State.World;
using static Aro.Modules.Gpos.Abi.StakingAbi;

namespace Aro.Modules.Gpos.Tests;

public class GenesisTests
{
    private static readonly Account[] Keepers = [.. Enumerable.Range(1, 3).Select(Account.Of).OrderBy(a => a.Address)];
    private static readonly Account[] Delegators = [.. Enumerable.Range(20, 2).Select(Account.Of).OrderBy(a => a.Address)];

    private static GposGenesis Sample(GposParams? parameters = null) => new(
        parameters ?? GposChain.TestParams,
        [.. Keepers.Select((k, i) => new GenesisKeeper(k.Address, [.. k.ConsensusKey], (ushort)(100 * (i + 1)), "k" + i, "eu-west", (UInt256)(1_000UL * (ulong)(i + 1))))],
        [.. Keepers.SelectMany(k => Delegators.Select(d => new GenesisDelegation(d.Address, k.Address, 50UL)))]);

    private static WorldState Funded(UInt256 amount)
    {
        var world = new WorldState(new MemoryTrieNodeStore());
        world.AddBalance(GposModule.Address, amount);
        return world;
    }

    [Fact]
    public void Section_is_exported_back_identically_after_loading()
    {
        var json = Sample().ToJson();
        var world = Funded(Sample().TotalStake);

        GposGenesis.Parse(json).Load(world);

        Assert.Equal(json, GposGenesis.Export(world).ToJson());
        Assert.Equal(Sample(), GposGenesis.Export(world));
    }

    [Fact]
    public void Json_round_trips_through_parse()
    {
        var json = Sample().ToJson();

        Assert.Equal(Sample(), GposGenesis.Parse(json));
        Assert.Equal(json, GposGenesis.Parse(json).ToJson());
    }

    [Fact]
    public void Chain_genesis_loads_the_section_and_its_state_root_commits_to_it()
    {
        var spec = Spec(Sample());
        var nodes = new MemoryTrieNodeStore();

        var block = Aro.Execution.Chain.Genesis.Build(spec, nodes, nodes, world => GposGenesis.Parse(spec.Modules[GposModule.GenesisSection]).Load(world));

        var world = new WorldState(nodes, block.Header.StateRoot);
        Assert.Empty(GposInvariants.Check(world));
        Assert.Equal(Sample(), GposGenesis.Export(world));
        Assert.Equal(3UL, new StakingStore(new WritableRecordStore(world.GetModuleStore(GposModule.Address))).KeeperIndex.Count);
    }

    [Fact]
    public void Genesis_keepers_form_the_active_set_of_epoch_zero()
    {
        var world = Funded(Sample().TotalStake);

        Sample().Load(world);

        var store = new StakingStore(new WritableRecordStore(world.GetModuleStore(GposModule.Address)));
        var set = store.GetActiveSet();
        Assert.Equal(Keepers.Length, set.Length);
        Assert.Equal(Keepers[^1].Address, set[0].Keeper);
        Assert.All(Keepers, k => Assert.Equal(KeeperStatus.Bonded, store.GetKeeper(k.Address)!.Status));
    }

    [Fact]
    public void Missing_params_take_their_defaults()
    {
        var genesis = GposGenesis.Parse("""{"keepers":[],"delegations":[]}""");

        Assert.Equal(GposParams.Default, genesis.Params);
    }

    [Fact]
    public void Module_balance_different_from_the_total_stake_is_rejected()
    {
        var error = Assert.Throws<GenesisException>(() => Sample().Load(Funded(Sample().TotalStake - 1UL)));

        Assert.Equal(GposGenesis.Path, error.Path);
    }

    [Fact]
    public void Keepers_out_of_address_order_are_rejected()
    {
        var sample = Sample();
        var reversed = sample with { Keepers = [.. sample.Keepers.Reverse()], Delegations = [] };

        var error = Assert.Throws<GenesisException>(() => reversed.Load(Funded(reversed.TotalStake)));

        Assert.Equal(GposGenesis.Path + ".keepers[1]", error.Path);
    }

    [Fact]
    public void Delegations_out_of_order_are_rejected()
    {
        var sample = Sample();
        var swapped = sample with { Delegations = [sample.Delegations[1], sample.Delegations[0]] };

        var error = Assert.Throws<GenesisException>(() => swapped.Load(Funded(swapped.TotalStake)));

        Assert.Equal(GposGenesis.Path + ".delegations[1]", error.Path);
    }

    [Fact]
    public void A_delegation_to_an_unlisted_keeper_is_rejected_with_the_rule_it_breaks()
    {
        var sample = Sample();
        var stray = sample with { Delegations = [new GenesisDelegation(Delegators[0].Address, Delegators[1].Address, 5UL)] };

        var error = Assert.Throws<GenesisException>(() => stray.Load(Funded(stray.TotalStake)));

        Assert.Equal(GposGenesis.Path + ".delegations[0]", error.Path);
        Assert.Contains(nameof(KeeperNotFound), error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_keeper_below_the_minimum_self_stake_is_rejected()
    {
        var sample = Sample();
        var weak = sample with { Keepers = [sample.Keepers[0] with { SelfStake = 999UL }], Delegations = [] };

        var error = Assert.Throws<GenesisException>(() => weak.Load(Funded(weak.TotalStake)));

        Assert.Contains(nameof(SelfStakeBelowMinimum), error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_keepers_with_one_consensus_key_are_rejected()
    {
        var sample = Sample();
        var shared = sample with
        {
            Keepers = [sample.Keepers[0], sample.Keepers[1] with { ConsensusKey = sample.Keepers[0].ConsensusKey }],
            Delegations = [],
        };

        var error = Assert.Throws<GenesisException>(() => shared.Load(Funded(shared.TotalStake)));

        Assert.Contains(nameof(ConsensusKeyInUse), error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Slashing_params_are_read_from_the_section()
    {
        var json = """{"params":{"slashFractionDowntimePpm":123,"signedBlocksWindow":50,"jailEpochs":2,"maxEvidenceAgeBlocks":99},"keepers":[],"delegations":[]}""";

        var p = GposGenesis.Parse(json).Params;

        Assert.Equal(123U, p.SlashFractionDowntimePpm);
        Assert.Equal(50UL, p.SignedBlocksWindow);
        Assert.Equal(2UL, p.JailEpochs);
        Assert.Equal(99UL, p.MaxEvidenceAgeBlocks);
        Assert.Equal(GposParams.Default.SlashFractionDoubleSignPpm, p.SlashFractionDoubleSignPpm);
    }

    [Fact]
    public void Invalid_params_are_rejected_with_the_params_path()
    {
        var invalid = Sample(GposChain.TestParams with { EpochBlocks = 0 });

        var error = Assert.Throws<GenesisException>(() => invalid.Load(Funded(invalid.TotalStake)));

        Assert.Equal(GposGenesis.Path + ".params", error.Path);
    }

    [Theory]
    [InlineData("""{"keepers":[],"delegations":[],"extra":1}""", "$.modules.gpos.extra")]
    [InlineData("""{"delegations":[]}""", "$.modules.gpos.keepers")]
    [InlineData("""{"params":{"epochBlocks":-1},"keepers":[],"delegations":[]}""", "$.modules.gpos.params.epochBlocks")]
    [InlineData("""{"params":{"epochBlocks":1.5},"keepers":[],"delegations":[]}""", "$.modules.gpos.params.epochBlocks")]
    [InlineData("""{"params":{"maxCommissionBps":70000},"keepers":[],"delegations":[]}""", "$.modules.gpos.params.maxCommissionBps")]
    [InlineData("""{"params":{"minSelfStake":"0x10"},"keepers":[],"delegations":[]}""", "$.modules.gpos.params.minSelfStake")]
    [InlineData("""{"params":{"minSignedBps":70000},"keepers":[],"delegations":[]}""", "$.modules.gpos.params.minSignedBps")]
    [InlineData("""{"params":{"signedBlocksWindow":-1},"keepers":[],"delegations":[]}""", "$.modules.gpos.params.signedBlocksWindow")]
    [InlineData("""{"params":{"minSelfStake":"010"},"keepers":[],"delegations":[]}""", "$.modules.gpos.params.minSelfStake")]
    [InlineData("""{"keepers":[{"address":"0x01"}],"delegations":[]}""", "$.modules.gpos.keepers[0].consensusKey")]
    [InlineData("""{"keepers":[],"delegations":[{"delegator":"nope","keeper":"0x0000000000000000000000000000000000000001","amount":"1"}]}""", "$.modules.gpos.delegations[0].delegator")]
    public void Malformed_sections_are_rejected_with_the_offending_path(string json, string path)
    {
        var error = Assert.Throws<GenesisException>(() => GposGenesis.Parse(json));

        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void Export_of_a_state_with_funds_in_flight_is_refused()
    {
        var chain = new GposChain(genesisKeepers: [Account.Of(1)]);
        chain.Ok(chain[0], Calls.Delegate(chain[0]), value: 10UL);
        chain.Ok(chain[0], Calls.Undelegate(chain[0], 10UL));

        Assert.Throws<InvalidOperationException>(() => GposGenesis.Export(chain.State));
    }

    [Fact]
    public void A_chain_started_from_genesis_keepers_runs_them_as_the_first_active_set()
    {
        var chain = new GposChain(genesisKeepers: [Account.Of(1), Account.Of(2)]);

        var set = chain.View(GetActiveSet)[0].AsList().Select(v => v.AsAddress()).ToArray();

        Assert.Equal(new[] { Account.Of(1).Address, Account.Of(2).Address }.Order(), set);
        Assert.Equal((UInt256)1_000UL, chain.View(GetKeeper, AbiValue.Address(Account.Of(1).Address))[9].AsUInt256());
    }

    private static GenesisSpec Spec(GposGenesis section)
    {
        using var document = JsonDocument.Parse(section.ToJson());
        var spec = new GenesisSpec
        {
            ChainId = GposChain.ChainId,
            Timestamp = 1_767_225_600,
            GasLimit = 30_000_000,
            BaseFeePerGas = 1,
            MinBaseFeePerGas = 1,
            Alloc = [new GenesisAccount(GposModule.Address, section.TotalStake)],
            Validators = [new GenesisValidator(Address.FromPublicKey(Keepers[0].ConsensusKey), [.. Keepers[0].ConsensusKey], 1)],
            Modules = ImmutableSortedDictionary<string, JsonElement>.Empty.Add(GposModule.GenesisSection, document.RootElement.Clone()),
        };
        return GenesisSpec.Parse(spec.ToJson());
    }
}
