using Aro.Consensus.Core;
using Aro.Consensus.Signing;
using Aro.Consensus.Tests.Support;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Testing;

namespace Aro.Consensus.Tests.Signing;

/// <summary>The guarded signer on real state files in a temp directory.</summary>
public sealed class GuardedSignerTests : IDisposable
{
    private readonly TempDirectory _directory = new("aro-signer");
    private readonly byte[] _key = TestValidators.Key(0);

    private string StatePath => Path.Combine(_directory.Path, "priv_validator_state");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Signs_and_the_signature_recovers_to_its_address()
    {
        var signer = Open();
        var digest = Digest("a");

        Assert.True(TrySign(signer, SignStep.Prevote, 1, 0, digest, out var signature));

        Assert.True(new CommitSignature(0, signature).TryRecoverSigner(digest, out var address));
        Assert.Equal(signer.Address, address);
    }

    [Fact]
    public void Refuses_a_different_value_for_the_step_it_signed()
    {
        var signer = Open();
        Assert.True(TrySign(signer, SignStep.Prevote, 5, 1, Digest("a"), out _));

        Assert.False(TrySign(signer, SignStep.Prevote, 5, 1, Digest("b"), out _));
    }

    [Fact]
    public void Signs_the_identical_value_again_with_the_identical_signature()
    {
        var signer = Open();
        TrySign(signer, SignStep.Precommit, 5, 1, Digest("a"), out var first);

        Assert.True(TrySign(signer, SignStep.Precommit, 5, 1, Digest("a"), out var again));

        Assert.Equal(first, again);
    }

    [Theory]
    [InlineData(4UL, 9u, SignStep.Precommit)]
    [InlineData(5UL, 0u, SignStep.Precommit)]
    [InlineData(5UL, 1u, SignStep.Proposal)]
    public void Refuses_any_earlier_step(ulong height, uint round, SignStep step)
    {
        var signer = Open();
        TrySign(signer, SignStep.Prevote, 5, 1, Digest("a"), out _);

        Assert.False(TrySign(signer, step, height, round, Digest("a"), out _));
    }

    [Fact]
    public void Signs_later_steps_rounds_and_heights()
    {
        var signer = Open();
        TrySign(signer, SignStep.Prevote, 5, 1, Digest("a"), out _);

        Assert.True(TrySign(signer, SignStep.Precommit, 5, 1, Digest("b"), out _));
        Assert.True(TrySign(signer, SignStep.Proposal, 5, 2, Digest("c"), out _));
        Assert.True(TrySign(signer, SignStep.Prevote, 6, 0, Digest("d"), out _));
    }

    [Fact]
    public void Protection_survives_reopening_the_state_file()
    {
        TrySign(Open(), SignStep.Prevote, 5, 1, Digest("a"), out var first);

        var reopened = Open();

        Assert.Equal(new LastSigned(5, 1, SignStep.Prevote, Digest("a")), reopened.LastSigned);
        Assert.False(TrySign(reopened, SignStep.Prevote, 5, 1, Digest("b"), out _));
        Assert.True(TrySign(reopened, SignStep.Prevote, 5, 1, Digest("a"), out var again));
        Assert.Equal(first, again);
    }

    [Fact]
    public void Corrupt_state_file_refuses_to_open()
    {
        TrySign(Open(), SignStep.Prevote, 5, 1, Digest("a"), out _);
        var bytes = File.ReadAllBytes(StatePath);
        bytes[3] ^= 1;
        File.WriteAllBytes(StatePath, bytes);

        Assert.Throws<SignerStateException>(Open);
    }

    [Fact]
    public void Truncated_state_file_refuses_to_open()
    {
        TrySign(Open(), SignStep.Prevote, 5, 1, Digest("a"), out _);
        File.WriteAllBytes(StatePath, File.ReadAllBytes(StatePath)[..20]);

        Assert.Throws<SignerStateException>(Open);
    }

    [Fact]
    public void Killed_signer_never_signs_a_different_value_for_an_acknowledged_step()
    {
        // The probe signs prevote and precommit for heights 1, 2, … and prints "committed k" (k = 2·height + step − 2)
        // after each signature it returned; SIGKILL at seeded random times, then check the state file.
        var delays = new Random(6);
        long previous = 0;
        for (var run = 0; run < 5; run++)
        {
            var acknowledged = CrashProbe.RunAndKill(delays.Next(30, 300), "signer", StatePath);
            var signer = Open();
            Assert.NotNull(signer.LastSigned);
            var last = signer.LastSigned.Value;
            var lastSequence = (long)(last.Height * 2) + (long)last.Step - 2;
            Assert.True(lastSequence >= acknowledged, $"run {run}: signature {acknowledged} was returned but the state says {lastSequence}");
            Assert.True(lastSequence >= previous, $"run {run}: the state went back from {previous} to {lastSequence}");
            Assert.False(TrySign(signer, last.Step, last.Height, last.Round, Digest("conflicting"), out _));
            if (acknowledged > 0)
            {
                var height = (ulong)(acknowledged / 2);
                var step = acknowledged % 2 == 0 ? SignStep.Prevote : SignStep.Precommit;
                Assert.False(TrySign(signer, step, height, 0, Digest("conflicting"), out _));
            }

            previous = lastSequence;
        }

        Assert.True(previous > 0, "the probe never signed");
    }

    private GuardedSigner Open() => GuardedSigner.Open(StatePath, _key);

    private static Hash256 Digest(string label) => Keccak256.Hash(System.Text.Encoding.ASCII.GetBytes(label));

    private static bool TrySign(GuardedSigner signer, SignStep step, ulong height, uint round, Hash256 digest, out byte[] signature)
    {
        signature = new byte[CommitSignature.SignatureLength];
        return signer.TrySign(step, height, round, digest, signature);
    }
}
