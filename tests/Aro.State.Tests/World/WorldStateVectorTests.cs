using System.Text.Json;
using Aro.Core;
using Aro.Core.Crypto;
using Aro.State.Trie;
using Aro.State.World;
using Aro.Testing;

namespace Aro.State.Tests.World;

/// <summary>External vectors: ethereum/tests secure-trie accounts, and the execution-apis conformance chain.</summary>
public class WorldStateVectorTests
{
    private static readonly string[] ExecutionApis = ["ethereum", "execution-apis", "tests"];

    [Fact]
    public void Accounts_of_the_securetrie_vectors_rebuild_their_state_root()
    {
        using var vectors = JsonDocument.Parse(TestData.ReadText("ethereum", "ethereum-tests", "TrieTests", "hex_encoded_securetrie_test.json"));
        var run = new VectorRun("hex_encoded_securetrie_test.json");
        foreach (var testCase in vectors.RootElement.EnumerateObject())
        {
            run.Case(testCase.Name, () =>
            {
                var nodes = new MemoryTrieNodeStore();
                var state = new WorldState(nodes);
                foreach (var entry in testCase.Value.GetProperty("in").EnumerateObject())
                {
                    var account = AccountCodec.Decode(Hex.Decode(entry.Value.GetString()!));
                    state.SetAccount(Address.Parse(entry.Name), account);
                }

                var expected = Hash256.Parse(testCase.Value.GetProperty("root").GetString()!);
                Assert.Equal(expected, state.ComputeRoot());
                Assert.Equal(expected, state.Commit(nodes));
                Assert.Equal(expected, new WorldState(nodes, expected).ComputeRoot());
            });
        }

        run.AssertAll(atLeast: 3);
    }

    [Fact]
    public void Accounts_of_the_securetrie_vectors_round_trip_through_the_codec()
    {
        using var vectors = JsonDocument.Parse(TestData.ReadText("ethereum", "ethereum-tests", "TrieTests", "hex_encoded_securetrie_test.json"));
        var run = new VectorRun("hex_encoded_securetrie_test.json accounts");
        foreach (var testCase in vectors.RootElement.EnumerateObject())
        {
            foreach (var entry in testCase.Value.GetProperty("in").EnumerateObject())
            {
                run.Case(testCase.Name + " " + entry.Name, () =>
                {
                    var rlp = Hex.Decode(entry.Value.GetString()!);
                    Assert.Equal(rlp, AccountCodec.Encode(AccountCodec.Decode(rlp)));
                });
            }
        }

        run.AssertAll(atLeast: 12);
    }

    [Fact]
    public void Genesis_alloc_of_the_execution_apis_chain_builds_the_state_root_geth_reports_for_block_zero()
    {
        using var genesis = JsonDocument.Parse(TestData.ReadText([.. ExecutionApis, "genesis.json"]));
        var nodes = new MemoryTrieNodeStore();
        var state = new WorldState(nodes);
        var run = new VectorRun("execution-apis genesis.json alloc");
        foreach (var entry in genesis.RootElement.GetProperty("alloc").EnumerateObject())
        {
            run.Case(entry.Name, () => Allocate(state, Address.Parse("0x" + entry.Name), entry.Value));
        }

        run.AssertAll(atLeast: 20);
        Assert.Equal(GenesisStateRoot(), state.Commit(nodes));
    }

    [Fact]
    public void Geths_eth_getProof_answers_verify_with_the_state_proof_verifier()
    {
        var stateRoot = EthGetProofVectorTests.HeadStateRoot();
        var run = new VectorRun("execution-apis eth_getProof (StateProofVerifier)");
        foreach (var file in Directory.GetFiles(TestData.Path([.. ExecutionApis, "eth_getProof"]), "*.io").Order(StringComparer.Ordinal))
        {
            run.Case(Path.GetFileName(file), () =>
            {
                var response = File.ReadAllLines(file).Single(l => l.StartsWith("<< ", StringComparison.Ordinal))[3..];
                using var document = JsonDocument.Parse(response);
                var result = document.RootElement.GetProperty("result");

                var address = Address.Parse(result.GetProperty("address").GetString()!);
                var account = StateProofVerifier.VerifyAccount(stateRoot, address, Nodes(result.GetProperty("accountProof")));

                Assert.NotNull(account);
                Assert.Equal(UInt256.ParseHexQuantity(result.GetProperty("nonce").GetString()!), (UInt256)account.Value.Nonce);
                Assert.Equal(UInt256.ParseHexQuantity(result.GetProperty("balance").GetString()!), account.Value.Balance);
                Assert.Equal(Hash256.Parse(result.GetProperty("storageHash").GetString()!), account.Value.StorageRoot);
                Assert.Equal(Hash256.Parse(result.GetProperty("codeHash").GetString()!), account.Value.CodeHash);

                foreach (var slot in result.GetProperty("storageProof").EnumerateArray())
                {
                    var key = Word(slot.GetProperty("key").GetString()!);
                    var value = StateProofVerifier.VerifyStorage(account.Value.StorageRoot, key, Nodes(slot.GetProperty("proof")));
                    var expected = StorageValue.FromWord(Word(slot.GetProperty("value").GetString()!));
                    Assert.Equal(expected.Length == 0 ? null : expected, value);
                }
            });
        }

        run.AssertAll(atLeast: 4);
    }

    [Fact]
    public void Tampered_eth_getProof_answers_are_rejected()
    {
        var stateRoot = EthGetProofVectorTests.HeadStateRoot();
        var run = new VectorRun("execution-apis eth_getProof tampered");
        foreach (var file in Directory.GetFiles(TestData.Path([.. ExecutionApis, "eth_getProof"]), "*.io").Order(StringComparer.Ordinal))
        {
            run.Case(Path.GetFileName(file), () =>
            {
                var response = File.ReadAllLines(file).Single(l => l.StartsWith("<< ", StringComparison.Ordinal))[3..];
                using var document = JsonDocument.Parse(response);
                var result = document.RootElement.GetProperty("result");
                var address = Address.Parse(result.GetProperty("address").GetString()!);
                var proof = Nodes(result.GetProperty("accountProof"));

                for (var node = 0; node < proof.Count; node++)
                {
                    var tampered = proof.Select(n => n.ToArray()).ToList();
                    tampered[node][tampered[node].Length / 2] ^= 0x01;
                    Assert.Throws<TrieProofException>(() => StateProofVerifier.VerifyAccount(stateRoot, address, tampered));
                }

                Assert.Throws<TrieProofException>(() => StateProofVerifier.VerifyAccount(stateRoot, address, proof.Take(proof.Count - 1).ToList()));
            });
        }

        run.AssertAll(atLeast: 4);
    }

    /// <summary>Writes one genesis alloc entry: balance, nonce, code hash, storage words.</summary>
    private static void Allocate(WorldState state, Address address, JsonElement allocation)
    {
        var account = Account.Empty;
        if (allocation.TryGetProperty("balance", out var balance))
        {
            account = account with { Balance = UInt256.ParseHexQuantity(balance.GetString()!) };
        }

        if (allocation.TryGetProperty("nonce", out var nonce))
        {
            account = account with { Nonce = (ulong)UInt256.ParseHexQuantity(nonce.GetString()!) };
        }

        if (allocation.TryGetProperty("code", out var code))
        {
            account = account with { CodeHash = Keccak256.Hash(Hex.Decode(code.GetString()!)) };
        }

        state.SetAccount(address, account);
        if (allocation.TryGetProperty("storage", out var storage))
        {
            foreach (var slot in storage.EnumerateObject())
            {
                state.SetStorage(address, Word(slot.Name), StorageValue.FromWord(Word(slot.Value.GetString()!)));
            }
        }
    }

    /// <summary>The state root of block 0 in geth's eth_getBlockByNumber("0x0") answer (chain.rlp starts at block 1).</summary>
    private static Hash256 GenesisStateRoot()
    {
        var response = File.ReadAllLines(TestData.Path([.. ExecutionApis, "eth_getBlockByNumber", "get-genesis.io"]))
            .Single(l => l.StartsWith("<< ", StringComparison.Ordinal))[3..];
        using var document = JsonDocument.Parse(response);
        var block = document.RootElement.GetProperty("result");
        Assert.Equal("0x0", block.GetProperty("number").GetString());
        return Hash256.Parse(block.GetProperty("stateRoot").GetString()!);
    }

    /// <summary>A 0x-prefixed quantity or 32-byte hex string as a 32-byte big-endian word.</summary>
    private static byte[] Word(string hex)
    {
        var digits = hex[2..];
        var bytes = Hex.Decode("0x" + (digits.Length % 2 == 1 ? "0" + digits : digits));
        var word = new byte[32];
        bytes.CopyTo(word.AsSpan(32 - bytes.Length));
        return word;
    }

    private static List<byte[]> Nodes(JsonElement proof) => proof.EnumerateArray().Select(n => Hex.Decode(n.GetString()!)).ToList();
}
