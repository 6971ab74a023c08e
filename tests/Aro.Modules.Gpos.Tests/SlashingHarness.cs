using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Blocks;
using Aro.Core.Transactions;
using Aro.Execution.Execution;
using Aro.Modules.Gpos.Slashing;
using Aro.Modules.Gpos.State;
using Aro.Modules.Gpos.ValidatorSet;

namespace Aro.Modules.Gpos.Tests;

/// <summary>
/// Chains for the validator-set and slashing tests: stakes in whole ARO (consensus power is stake / 10^18),
/// every account funded with 1,000,000 ARO, and a <see cref="GpowProbeModule"/> next to GPoS.
/// </summary>
internal static class SlashingHarness
{
    public static readonly UInt256 Aro = UInt256.Parse("1000000000000000000");

    public static UInt256 Ether(ulong whole) => Aro * whole;

    /// <summary>Keepers 0..n-1 registered with 10, 20, 30 … ARO, and the chain advanced into epoch 1 (their first set).</summary>
    public static GposChain WithKeepers(int keepers = 3, GposParams? parameters = null)
    {
        var chain = New(parameters);
        chain.Block([.. Enumerable.Range(0, keepers).Select(i => chain.Tx(chain[i], Calls.Register(chain[i]), Ether(10 * (ulong)(i + 1))))]);
        chain.AdvanceToEpoch(1);
        return chain;
    }

    public static GposChain New(GposParams? parameters = null) =>
        new(parameters ?? GposChain.TestParams, funds: Ether(1_000_000), companion: gpos => new GpowProbeModule(gpos));

    public static StakingStore Store(this GposChain chain) => new(new WritableRecordStore(chain.State.GetModuleStore(GposModule.Address)));

    public static SlashingStore Slashing(this GposChain chain) => new(chain.Store().Records);

    public static KeeperRecord Keeper(this GposChain chain, Account account) => chain.Store().GetKeeper(account.Address)!;

    public static ConsensusValidatorSet Set(this GposChain chain, ulong epoch) => GposModule.ValidatorSetOf(chain.State, epoch)!;

    /// <summary>Two precommits of <paramref name="signer"/> for different blocks at <paramref name="height"/>.</summary>
    public static DuplicateVoteEvidence DoubleSign(Account signer, ulong height, ulong chainId = GposChain.ChainId)
    {
        var a = Vote.Sign(chainId, VoteType.Precommit, height, 0, Hash(1), 0, signer.ConsensusPrivateKey);
        var b = Vote.Sign(chainId, VoteType.Precommit, height, 0, Hash(2), 0, signer.ConsensusPrivateKey);
        return new DuplicateVoteEvidence(a, b);
    }

    public static Hash256 Hash(byte fill)
    {
        var bytes = new byte[32];
        Array.Fill(bytes, fill);
        return new Hash256(bytes);
    }

    public static byte[] Evidence(DuplicateVoteEvidence evidence) => Evidence(DuplicateVoteEvidenceCodec.Encode(evidence));

    public static byte[] Evidence(byte[] encoded) => Abi.StakingAbi.SubmitDoubleSignEvidence.EncodeCall(AbiValue.Bytes(encoded));

    public static byte[] Unjail() => Abi.StakingAbi.Unjail.EncodeCall();

    /// <summary>A call to the probe module (not to GPoS) from <paramref name="from"/>.</summary>
    public static SenderTx ProbeTx(this GposChain chain, Account from, byte[] calldata) => chain.TxTo(from, GpowProbeModule.SystemAddress, calldata);

    /// <summary>Events GPoS emitted with <paramref name="abiEvent"/>'s topic, decoded, in order.</summary>
    public static AbiValue[][] Events(this GposChain chain, AbiEvent abiEvent) =>
        [.. chain.AllLogs.Where(l => l.Address == GposModule.Address && l.Topics[0] == abiEvent.Topic0).Select(l => abiEvent.Decode(l.Topics, l.Data.Span))];
}

/// <summary>Revert checks for chains whose begin-block writes every block (liveness): the reference is a twin chain that ran an empty block instead.</summary>
internal static class Reverts
{
    /// <summary>
    /// Builds the chain twice; one sends the call, the other an empty block. The call must revert with
    /// <paramref name="error"/>, emit nothing, and leave the module records exactly as the empty block left them.
    /// </summary>
    public static AbiValue[] With(Func<GposChain> setup, Func<GposChain, Account> from, Func<GposChain, byte[]> calldata, AbiError error)
    {
        var chain = setup();
        var twin = setup();
        var sent = chain.Send(from(chain), calldata(chain));
        twin.Block();

        Assert.False(sent.Outcome.Succeeded, "call succeeded but should revert with " + error.Name);
        Assert.True(error.Selector.Value == GposChain.ReadSelector(sent.Outcome.Output), $"expected {error.Name}, got {GposChain.DescribeRevert(sent.Outcome.Output)}");
        Assert.Empty(sent.Receipt.Logs);
        Assert.Equal(twin.StorageRootOfModule(), chain.StorageRootOfModule());
        return error.Decode(sent.Outcome.Output);
    }
}
