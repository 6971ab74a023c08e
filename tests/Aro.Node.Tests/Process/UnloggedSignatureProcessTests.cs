using Aro.Consensus.Core;
using Aro.Consensus.Signing;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Crypto;
using Aro.Node.Tests.Cli;
using Aro.Node.Validator;
using Aro.Testing;

namespace Aro.Node.Tests.Process;

/// <summary>
/// A validator killed after its key signed a step but before the consensus WAL logged the message
/// (the window `kill -9` hits at random) must still make blocks after the restart.
/// </summary>
public sealed class UnloggedSignatureProcessTests
{
    [Fact]
    public void A_lone_validator_whose_last_signature_never_reached_the_wal_moves_to_the_next_round_and_commits()
    {
        using var home = new TempDirectory();
        Assert.Equal(0, CliResult.Run("init", "--home", home.Path).ExitCode);
        ulong stoppedAt;
        using (var first = NodeProcessHarness.Start("run", "--home", home.Path, "--rpc-port", "0", "--block-interval", "50ms", "--empty-block-interval", "50ms"))
        {
            first.WaitForRpc();
            first.WaitForBlock(2);
            Assert.Equal(0, first.Interrupt());
            stoppedAt = first.Committed.Keys.Max();
        }

        var signed = SignOneStepFurther(home.Path, stoppedAt + 1);

        using var second = NodeProcessHarness.Start("run", "--home", home.Path, "--rpc-port", "0", "--block-interval", "50ms", "--empty-block-interval", "50ms");
        second.WaitForRpc();
        Assert.Equal(stoppedAt + 2, second.WaitForBlock(stoppedAt + 2));
        Assert.Contains($"signed {signed.Step} at {stoppedAt + 1}/{signed.Round} but the consensus WAL has no such message", second.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.Interrupt());
    }

    /// <summary>What the killed process did last: the key signs the step after the last one it signed (a digest nobody saw) and nothing is logged.</summary>
    private static LastSigned SignOneStepFurther(string home, ulong height)
    {
        var key = ValidatorKeyFile.Read(Path.Combine(home, ValidatorKeyFile.DefaultName));
        var signer = GuardedSigner.Open(Path.Combine(home, "priv_validator_state"), key.PrivateKey);
        var (round, step) = signer.LastSigned is { } last && last.Height == height
            ? last.Step == SignStep.Precommit ? (last.Round + 1, SignStep.Prevote) : (last.Round, last.Step + 1)
            : (0u, SignStep.Prevote);
        var unseen = Keccak256.Hash("a block rebuilt differently after the restart"u8);
        Span<byte> signature = stackalloc byte[CommitSignature.SignatureLength];
        Assert.True(signer.TrySign(step, height, round, unseen, signature));
        return signer.LastSigned!.Value;
    }
}
