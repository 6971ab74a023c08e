using Aro.Core;
using Aro.Core.Abi;
using Aro.Modules.Gpos;
using Aro.Modules.Gpos.ValidatorSet;
using Aro.Node.Chain;
using Aro.Node.Consensus;
using Aro.Node.Tests.Staking;
using Aro.Node.Validator;
using static Aro.Modules.Gpos.Abi.StakingAbi;

namespace Aro.Node.Tests.Consensus;

/// <summary>
/// A devnet chain on RocksDB (<see cref="StakingNode"/>) where a second keeper registers in block 1, so
/// epoch 0 is the devnet validator alone and epoch 1 (from block 10) is both: the set changes at height 10.
/// </summary>
internal sealed class EpochChangeChain : IAsyncDisposable
{
    public const ulong EpochBlocks = 10;

    /// <summary>Keeper 2's consensus (validator) key.</summary>
    public static readonly ValidatorKey Keeper2 = ValidatorKey.FromLabel("aro-valset-keeper-2");

    public static readonly byte[] Keeper2Key = Keeper2.PublicKey.ToArray();

    private EpochChangeChain(StakingNode node) => Node = node;

    public StakingNode Node { get; }

    public ChainNode Chain => Node.Chain;

    /// <summary>The chain with keeper 2 registered (2,000 ARO self-stake) and the head at <paramref name="head"/>.</summary>
    public static async Task<EpochChangeChain> StartAsync(ulong head)
    {
        var node = await StakingNode.StartAsync();
        var calldata = Register.EncodeCall(AbiValue.Bytes(Keeper2Key), AbiValue.UInt(500UL), AbiValue.String("keeper-2"), AbiValue.String("eu-west"));
        var receipt = await node.SendAsync(1, calldata, StakingNode.Aro * 2_000);
        Assert.Equal("0x1", receipt.GetProperty("status").GetString());
        node.Produce((int)(head - node.Chain.Head.Number));
        return new EpochChangeChain(node);
    }

    public GposValidatorSetSource Source() => new(Chain, EpochBlocks);

    /// <summary>GPoS's record of <paramref name="epoch"/>'s set in the head state.</summary>
    public ConsensusValidatorSet Recorded(ulong epoch) => GposModule.ValidatorSetOf(Chain.OpenState(Chain.Head.StateRoot), epoch)!;

    public ValueTask DisposeAsync() => Node.DisposeAsync();
}
