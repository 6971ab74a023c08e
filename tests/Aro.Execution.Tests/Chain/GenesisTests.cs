using System.Collections.Immutable;
using System.Text.Json;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Execution.Chain;
using Aro.State.Trie;
using Aro.State.World;

namespace Aro.Execution.Tests.Chain;

public sealed class GenesisTests
{
    [Fact]
    public void Same_spec_builds_the_same_block_twice()
    {
        var first = Build(TestGenesis.Spec());
        var second = Build(GenesisSpec.Parse(TestGenesis.Spec().ToJson()));

        Assert.Equal(first.Hash, second.Hash);
        Assert.Equal(HeaderCodec.Encode(first.Header), HeaderCodec.Encode(second.Header));
    }

    [Fact]
    public void Genesis_header_has_the_fixed_genesis_fields()
    {
        var spec = TestGenesis.Spec();
        var header = Build(spec).Header;

        Assert.Equal(0UL, header.Number);
        Assert.Equal(Hash256.Zero, header.ParentHash);
        Assert.Equal(Address.Zero, header.Proposer);
        Assert.Equal(PatriciaTrie.EmptyRootHash, header.TransactionsRoot);
        Assert.Equal(PatriciaTrie.EmptyRootHash, header.ReceiptsRoot);
        Assert.True(header.LogsBloom.IsEmpty);
        Assert.Equal(0UL, header.GasUsed);
        Assert.Equal(0UL, header.Epoch);
        Assert.Equal(Hash256.Zero, header.LastCommitHash);
        Assert.Equal(spec.Timestamp, header.Timestamp);
        Assert.Equal(spec.GasLimit, header.GasLimit);
        Assert.Equal(spec.BaseFeePerGas, header.BaseFeePerGas);
    }

    [Fact]
    public void Genesis_state_holds_the_alloc_and_the_parameters_record()
    {
        var nodes = new MemoryTrieNodeStore();
        var spec = TestGenesis.Spec();
        var header = Genesis.Build(spec, nodes, nodes).Header;
        var state = new WorldState(nodes, header.StateRoot);

        foreach (var account in spec.Alloc)
        {
            Assert.Equal(account.Balance, state.GetBalance(account.Address));
            Assert.Equal(0UL, state.GetNonce(account.Address));
        }

        Assert.Equal([0x1e, 0x5b], state.GetStorage(Genesis.ParametersAddress, Genesis.ChainIdKey));
        Assert.Equal(spec.ComputeHash().ToArray(), state.GetStorage(Genesis.ParametersAddress, Genesis.SpecHashKey));
    }

    [Fact]
    public void Validator_set_hash_is_keccak_of_rlp_address_power_pairs()
    {
        var validator = TestGenesis.Validator(TestGenesis.ValidatorKey, 10);
        // rlp([[address, 10]]): outer list of 23 bytes, inner list of 22 (0x94 ‖ 20 bytes, 0x0a).
        byte[] expected = [0xd7, 0xd6, 0x94, .. validator.Address.Bytes, 0x0a];

        Assert.Equal(Keccak256.Hash(expected), Genesis.ValidatorSetHash([validator]));
        Assert.Equal(Keccak256.Hash(expected), Build(TestGenesis.Spec()).Header.ValidatorSetHash);
    }

    [Fact]
    public void Validator_set_hash_does_not_depend_on_file_order()
    {
        var a = TestGenesis.Validator(TestGenesis.ValidatorKey, 10);
        var b = TestGenesis.Validator(TestGenesis.OtherValidatorKey, 20);

        Assert.Equal(Genesis.ValidatorSetHash([a, b]), Genesis.ValidatorSetHash([b, a]));
        Assert.NotEqual(Genesis.ValidatorSetHash([a, b]), Genesis.ValidatorSetHash([a, b with { Power = 21 }]));
    }

    [Fact]
    public void Alloc_order_in_a_spec_built_in_code_does_not_change_the_root()
    {
        var spec = TestGenesis.Spec();
        var reversed = Rebuild(spec, alloc: [.. spec.Alloc.Reverse()]);

        Assert.Equal(Build(spec).Hash, Build(reversed).Hash);
    }

    public static TheoryData<string> Changes() =>
    [
        "chainId", "timestamp", "gasLimit", "baseFeePerGas", "minBaseFeePerGas", "alloc balance", "alloc account", "validator power",
        "second validator", "module parameter", "new module",
    ];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Changing_any_field_changes_the_genesis_hash(string change)
    {
        var spec = TestGenesis.Spec();
        var changed = change switch
        {
            "chainId" => Rebuild(spec, chainId: spec.ChainId + 1),
            "timestamp" => Rebuild(spec, timestamp: spec.Timestamp + 1),
            "gasLimit" => new GenesisSpec { ChainId = spec.ChainId, Timestamp = spec.Timestamp, GasLimit = spec.GasLimit + 1, BaseFeePerGas = spec.BaseFeePerGas, MinBaseFeePerGas = spec.MinBaseFeePerGas, Alloc = spec.Alloc, Validators = spec.Validators, Modules = spec.Modules },
            "baseFeePerGas" => new GenesisSpec { ChainId = spec.ChainId, Timestamp = spec.Timestamp, GasLimit = spec.GasLimit, BaseFeePerGas = spec.BaseFeePerGas + 1, MinBaseFeePerGas = spec.MinBaseFeePerGas, Alloc = spec.Alloc, Validators = spec.Validators, Modules = spec.Modules },
            "minBaseFeePerGas" => new GenesisSpec { ChainId = spec.ChainId, Timestamp = spec.Timestamp, GasLimit = spec.GasLimit, BaseFeePerGas = spec.BaseFeePerGas, MinBaseFeePerGas = spec.MinBaseFeePerGas - 1, Alloc = spec.Alloc, Validators = spec.Validators, Modules = spec.Modules },
            "alloc balance" => Rebuild(spec, alloc: [.. spec.Alloc.Select(a => a with { Balance = a.Balance + 1 })]),
            "alloc account" => Rebuild(spec, alloc: [.. spec.Alloc, new GenesisAccount(TestGenesis.AddressOf(TestGenesis.OtherValidatorKey), 1UL)]),
            "validator power" => Rebuild(spec, validators: [spec.Validators[0] with { Power = 11 }]),
            "second validator" => Rebuild(spec, validators: [spec.Validators[0], TestGenesis.Validator(TestGenesis.OtherValidatorKey, 1)]),
            "module parameter" => Rebuild(spec, modules: spec.Modules.SetItem("gpos", Json("""{"epochLength": 101, "minStake": "1000"}"""))),
            "new module" => Rebuild(spec, modules: spec.Modules.Add("gpow", Json("{}"))),
            _ => throw new ArgumentException(change),
        };

        Assert.NotEqual(Build(spec).Hash, Build(GenesisSpec.Parse(changed.ToJson())).Hash);
    }

    [Fact]
    public void Module_initializer_writes_into_the_genesis_state()
    {
        var moduleAddress = new Address(Keccak256.Hash("module"u8).Bytes[12..]);
        var nodes = new MemoryTrieNodeStore();
        var plain = Build(TestGenesis.Spec());
        var withModule = Genesis.Build(TestGenesis.Spec(), nodes, nodes, world => world.GetModuleStore(moduleAddress).Set("k"u8, "v"u8));

        Assert.NotEqual(plain.Hash, withModule.Hash);
        Assert.Equal("v"u8.ToArray(), new WorldState(nodes, withModule.Header.StateRoot).GetStorage(moduleAddress, "k"u8));
    }

    private static Block Build(GenesisSpec spec)
    {
        var nodes = new MemoryTrieNodeStore();
        return Genesis.Build(spec, nodes, nodes);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static GenesisSpec Rebuild(
        GenesisSpec spec,
        ulong? chainId = null,
        ulong? timestamp = null,
        ImmutableArray<GenesisAccount>? alloc = null,
        ImmutableArray<GenesisValidator>? validators = null,
        ImmutableSortedDictionary<string, JsonElement>? modules = null) => new()
        {
            ChainId = chainId ?? spec.ChainId,
            Timestamp = timestamp ?? spec.Timestamp,
            GasLimit = spec.GasLimit,
            BaseFeePerGas = spec.BaseFeePerGas,
            MinBaseFeePerGas = spec.MinBaseFeePerGas,
            Alloc = alloc ?? spec.Alloc,
            Validators = validators ?? spec.Validators,
            Modules = modules ?? spec.Modules,
        };
}
