using Aro.Core;
using Aro.Core.Crypto;
using Aro.Execution.Tests;
using Aro.State.Trie;
using Aro.State.World;

namespace Aro.Node.Tests.Rpc;

/// <summary>eth_getProof answers checked with nothing but <see cref="StateProofVerifier"/> and the block's state root.</summary>
public sealed class ProofMethodTests : IAsyncLifetime
{
    private RpcHarness _rpc = null!;

    public async Task InitializeAsync()
    {
        _rpc = await RpcHarness.StartAsync();
        _rpc.Chain.Commit(TestTx.From(TestTx.KeyA).Nonce(0).Value(9).Build());
    }

    public async Task DisposeAsync() => await _rpc.DisposeAsync();

    [Fact]
    public async Task An_existing_account_proof_verifies_against_the_state_root()
    {
        var proof = await _rpc.ResultAsync("eth_getProof", $"[{Wire.S(TestChain.A)}, [], \"latest\"]");

        var account = StateProofVerifier.VerifyAccount(_rpc.Chain.Head.StateRoot, TestChain.A, Nodes(proof.GetProperty("accountProof")));

        Assert.NotNull(account);
        Assert.Equal(account.Value.Nonce, Wire.Quantity(proof.GetProperty("nonce")));
        Assert.Equal(account.Value.Balance, Wire.Quantity256(proof.GetProperty("balance")));
        Assert.Equal(account.Value.StorageRoot, Wire.Hash(proof.GetProperty("storageHash")));
        Assert.Equal(account.Value.CodeHash, Wire.Hash(proof.GetProperty("codeHash")));
        Assert.Equal(1UL, account.Value.Nonce);
    }

    [Fact]
    public async Task A_missing_account_proves_absence_with_empty_fields()
    {
        var missing = Address.Parse("0x00000000000000000000000000000000000000c1");
        var proof = await _rpc.ResultAsync("eth_getProof", $"[{Wire.S(missing)}, [\"0x07\"]]");

        Assert.Null(StateProofVerifier.VerifyAccount(_rpc.Chain.Head.StateRoot, missing, Nodes(proof.GetProperty("accountProof"))));
        Assert.Equal("0x0", proof.GetProperty("balance").GetString());
        Assert.Equal(PatriciaTrie.EmptyRootHash, Wire.Hash(proof.GetProperty("storageHash")));
        Assert.Equal(Keccak256.EmptyHash, Wire.Hash(proof.GetProperty("codeHash")));
        var slot = proof.GetProperty("storageProof")[0];
        Assert.Equal("0x0", slot.GetProperty("value").GetString());
        Assert.Equal(0, slot.GetProperty("proof").GetArrayLength());
    }

    [Fact]
    public async Task Storage_proofs_verify_for_present_and_absent_keys()
    {
        var proof = await _rpc.ResultAsync("eth_getProof", $"[{Wire.S(TestChain.StorageHolder)}, [\"0x07\", \"0x08\"], \"latest\"]");
        var storageRoot = Wire.Hash(proof.GetProperty("storageHash"));
        var account = StateProofVerifier.VerifyAccount(_rpc.Chain.Head.StateRoot, TestChain.StorageHolder, Nodes(proof.GetProperty("accountProof")));
        Assert.Equal(storageRoot, account!.Value.StorageRoot);

        var present = proof.GetProperty("storageProof")[0];
        Assert.Equal("0x7", present.GetProperty("key").GetString());
        Assert.Equal("0x2a", present.GetProperty("value").GetString());
        Assert.Equal(TestChain.StorageSlotValue, StateProofVerifier.VerifyStorage(storageRoot, TestChain.StorageSlot, Nodes(present.GetProperty("proof"))));

        var absent = proof.GetProperty("storageProof")[1];
        var key8 = (byte[])TestChain.StorageSlot.Clone();
        key8[^1] = 8;
        Assert.Equal("0x0", absent.GetProperty("value").GetString());
        Assert.Null(StateProofVerifier.VerifyStorage(storageRoot, key8, Nodes(absent.GetProperty("proof"))));
    }

    [Fact]
    public async Task A_proof_at_an_earlier_block_verifies_against_that_blockʼs_root()
    {
        var proof = await _rpc.ResultAsync("eth_getProof", $"[{Wire.S(TestChain.A)}, [], \"earliest\"]");
        var genesisRoot = _rpc.Chain.Store.GetHeader(0)!.StateRoot;

        var account = StateProofVerifier.VerifyAccount(genesisRoot, TestChain.A, Nodes(proof.GetProperty("accountProof")));

        Assert.Equal(0UL, account!.Value.Nonce);
        Assert.Equal(TestChain.Funds, account.Value.Balance);
    }

    [Fact]
    public async Task A_tampered_proof_does_not_verify()
    {
        var proof = await _rpc.ResultAsync("eth_getProof", $"[{Wire.S(TestChain.A)}, []]");
        var nodes = Nodes(proof.GetProperty("accountProof"));
        nodes[^1][^1] ^= 1;

        Assert.Throws<TrieProofException>(() => StateProofVerifier.VerifyAccount(_rpc.Chain.Head.StateRoot, TestChain.A, nodes));
    }

    private static byte[][] Nodes(System.Text.Json.JsonElement array) => [.. array.EnumerateArray().Select(Wire.Data)];
}
