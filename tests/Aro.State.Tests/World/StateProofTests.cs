using Aro.Core;
using Aro.State.Trie;
using Aro.State.World;
using static Aro.State.Tests.World.StateFixtures;

namespace Aro.State.Tests.World;

public class StateProofTests
{
    private readonly MemoryTrieNodeStore _nodes = new();
    private readonly WorldState _state;

    public StateProofTests()
    {
        _state = new WorldState(_nodes);
        for (var i = 0; i < 100; i++)
        {
            _state.AddBalance(AddressOf(i), (ulong)(i + 1));
        }

        _state.IncrementNonce(Alice);
        _state.AddBalance(Alice, 77);
        var staking = _state.GetModuleStore(Staking);
        for (var i = 0; i < 40; i++)
        {
            staking.Set([0x21, (byte)i], [0xc3, (byte)i, 0x02, 0x03]);
        }

        _state.Commit(_nodes);
    }

    [Fact]
    public void Proof_of_an_existing_account_verifies_to_that_account()
    {
        var proof = _state.GetProof(Alice, []);

        var account = StateProofVerifier.VerifyAccount(_state.StateRoot, Alice, proof.Proof);

        Assert.Equal(WithBalance(77, nonce: 1), account);
        Assert.Equal(account, proof.Account);
    }

    [Fact]
    public void Proof_of_an_absent_account_verifies_to_absence()
    {
        var proof = _state.GetProof(Bob, [[0x01]]);

        Assert.Null(proof.Account);
        Assert.Null(StateProofVerifier.VerifyAccount(_state.StateRoot, Bob, proof.Proof));
        Assert.Empty(proof.StorageProofs[0].Proof);
        Assert.Null(StateProofVerifier.VerifyStorage(PatriciaTrie.EmptyRootHash, [0x01], proof.StorageProofs[0].Proof));
    }

    [Fact]
    public void Storage_proofs_verify_present_and_absent_keys_against_the_proven_storage_root()
    {
        var proof = _state.GetProof(Staking, [[0x21, 0x05], [0x21, 0xff]]);
        var account = StateProofVerifier.VerifyAccount(_state.StateRoot, Staking, proof.Proof)!.Value;

        var present = StateProofVerifier.VerifyStorage(account.StorageRoot, [0x21, 0x05], proof.StorageProofs[0].Proof);
        var absent = StateProofVerifier.VerifyStorage(account.StorageRoot, [0x21, 0xff], proof.StorageProofs[1].Proof);

        Assert.Equal(new byte[] { 0xc3, 0x05, 0x02, 0x03 }, present);
        Assert.Equal(present, proof.StorageProofs[0].Value);
        Assert.Null(absent);
        Assert.Null(proof.StorageProofs[1].Value);
    }

    [Fact]
    public void Account_proof_does_not_verify_against_another_root()
    {
        var proof = _state.GetProof(Alice, []);
        var other = new WorldState(_nodes, _state.StateRoot);
        other.AddBalance(Alice, 1);
        var otherRoot = other.ComputeRoot();

        var error = Assert.Throws<TrieProofException>(() => StateProofVerifier.VerifyAccount(otherRoot, Alice, proof.Proof));
        Assert.Equal(TrieProofError.HashMismatch, error.Error);
    }

    [Fact]
    public void Tampered_account_proof_is_rejected()
    {
        var proof = _state.GetProof(Alice, []);
        var nodes = proof.Proof.Select(n => n.ToArray()).ToList();
        nodes[^1][^1] ^= 0x01;

        Assert.Throws<TrieProofException>(() => StateProofVerifier.VerifyAccount(_state.StateRoot, Alice, nodes));
    }

    [Fact]
    public void Tampered_storage_proof_is_rejected()
    {
        var proof = _state.GetProof(Staking, [[0x21, 0x05]]);
        var account = proof.Account!.Value;
        var nodes = proof.StorageProofs[0].Proof.Select(n => n.ToArray()).ToList();
        nodes[^1][^2] ^= 0x10;

        Assert.Throws<TrieProofException>(() => StateProofVerifier.VerifyStorage(account.StorageRoot, [0x21, 0x05], nodes));
    }

    [Fact]
    public void Account_proof_for_one_address_does_not_prove_another_existing_address()
    {
        var proof = _state.GetProof(Alice, []);

        // The other address exists, so its path must leave Alice's proof: the next node on it does not hash to the reference.
        Assert.Throws<TrieProofException>(() => StateProofVerifier.VerifyAccount(_state.StateRoot, AddressOf(1), proof.Proof));
    }

    [Fact]
    public void Proofs_are_refused_while_changes_are_pending()
    {
        _state.AddBalance(Bob, 1);

        Assert.Throws<InvalidOperationException>(() => _state.GetProof(Alice, []));
    }

    [Fact]
    public void Proven_leaf_that_is_not_an_account_is_a_typed_encoding_error()
    {
        var trie = new SecureTrie(new MemoryTrieNodeStore());
        trie.Set(Alice.Bytes, [0xc1, 0x80]);
        var proof = TrieProof.Create(trie, Alice.Bytes);

        Assert.Throws<StateEncodingException>(() => StateProofVerifier.VerifyAccount(trie.RootHash, Alice, proof));
    }
}
