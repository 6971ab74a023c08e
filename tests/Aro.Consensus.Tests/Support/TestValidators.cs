using System.Collections.Immutable;
using Aro.Consensus.Core;
using Aro.Consensus.Validators;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Crypto;

namespace Aro.Consensus.Tests.Support;

/// <summary>Deterministic validator keys and sets; keys are listed in the set's index order.</summary>
internal sealed class TestValidators
{
    public const ulong ChainId = 7771;

    private TestValidators(ValidatorSet set, byte[][] keys)
    {
        Set = set;
        Keys = keys;
    }

    public ValidatorSet Set { get; }

    /// <summary>Private key of the validator at each index.</summary>
    public byte[][] Keys { get; }

    public int Count => Set.Count;

    public static TestValidators Equal(int count) => WithPowers([.. Enumerable.Repeat(10UL, count)]);

    public static TestValidators WithPowers(params ulong[] powers)
    {
        var entries = powers.Select((power, i) => (Key: Key(i), Power: power)).ToArray();
        var set = ValidatorSet.Create(entries.Select(e => new Validator(PublicKey(e.Key), e.Power)));
        var keys = new byte[set.Count][];
        foreach (var (key, _) in entries)
        {
            Assert.True(set.TryGetIndex(Address.FromPublicKey(PublicKey(key).AsSpan()), out var index));
            keys[index] = key;
        }

        return new TestValidators(set, keys);
    }

    public static byte[] Key(int i) => Keccak256.Hash(System.Text.Encoding.ASCII.GetBytes($"consensus-test-validator-{i}")).ToArray();

    public static ImmutableArray<byte> PublicKey(byte[] privateKey)
    {
        var publicKey = new byte[Secp256k1.UncompressedPublicKeyLength];
        Secp256k1.GetPublicKey(privateKey, publicKey);
        return [.. publicKey];
    }

    public PrivateKeySigner Signer(int index) => new(Keys[index]);

    public Vote Vote(int index, VoteType type, ulong height, uint round, Hash256? block) =>
        Aro.Core.Blocks.Vote.Sign(ChainId, type, height, round, block, (uint)index, Keys[index]);

    public Vote Prevote(int index, ulong height, uint round, BlockValue? block) => Vote(index, VoteType.Prevote, height, round, block?.Hash);

    public Vote Precommit(int index, ulong height, uint round, BlockValue? block) => Vote(index, VoteType.Precommit, height, round, block?.Hash);

    public Proposal Proposal(int index, ulong height, uint round, BlockValue value, int polRound = -1)
    {
        var hash = Aro.Consensus.Core.Proposal.SignBytes.SigningHash(ChainId, height, round, polRound, value.Hash);
        return new Proposal(height, round, polRound, value, (uint)index, CommitSignature.Sign((uint)index, hash, Keys[index]).Signature);
    }

    /// <summary>A commit for <paramref name="block"/> signed by the validators at <paramref name="signers"/> (ascending).</summary>
    public Commit Commit(ulong height, uint round, Hash256 block, params int[] signers)
    {
        var signingHash = VoteSignBytes.SigningHash(ChainId, height, round, VoteType.Precommit, block);
        return new Commit(height, round, block, [.. signers.Select(i => CommitSignature.Sign((uint)i, signingHash, Keys[i]))]);
    }
}
