using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Blocks;
using Aro.Core.Transactions;
using Aro.Execution.Execution;
using Aro.Execution.Modules;
using Aro.State.World;
using Xunit;

namespace Aro.Testing.Modules;

/// <summary>
/// Blocks for a native module's tests, built the way a node builds them: signed EIP-1559 calls with a
/// nonce per sender, executed by the <see cref="BlockExecutor"/>, every log and burnt base fee kept
/// for the tests' supply and event checks. The chain around it (state, genesis, invariants) is the
/// module's own test harness.
/// </summary>
public sealed class ModuleBlocks
{
    private readonly Dictionary<Address, ulong> _nonces = [];
    private readonly BlockExecutor _executor;

    public ModuleBlocks(ulong chainId, Address module, ModuleHost host, ExecutionParameters parameters)
    {
        ChainId = chainId;
        Module = module;
        Host = host;
        _executor = new BlockExecutor(parameters, host);
    }

    public ulong ChainId { get; }

    /// <summary>The module's system address (where <see cref="Tx"/> sends calls).</summary>
    public Address Module { get; }

    public ModuleHost Host { get; }

    /// <summary>Base fees burnt by every block built so far.</summary>
    public UInt256 Burnt { get; private set; }

    /// <summary>Every receipt log and block event, in order.</summary>
    public List<Log> AllLogs { get; } = [];

    /// <summary>A signed call from <paramref name="from"/> (fee cap 2, tip 1) with its next nonce, to the module unless <paramref name="to"/> says otherwise.</summary>
    public SenderTx Tx(byte[] privateKey, Address from, byte[] calldata, UInt256 value, ulong gas, Address? to = null)
    {
        var nonce = _nonces.GetValueOrDefault(from);
        _nonces[from] = nonce + 1;
        var unsigned = Transaction.DynamicFee(ChainId, nonce, 1, 2, gas, to ?? Module, value, calldata, ImmutableArray<AccessListEntry>.Empty);
        return new SenderTx(TxSigner.Sign(unsigned, privateKey), from);
    }

    /// <summary>Builds a block of <paramref name="txs"/> on <paramref name="state"/>; every transaction must fit (none skipped).</summary>
    public BlockExecutionResult Build(WorldState state, BlockContext context, SenderTx[] txs)
    {
        var result = _executor.BuildBlock(state, context, txs);
        Assert.Empty(result.Skipped);
        Burnt += result.BaseFeeBurnt;
        foreach (var receipt in result.Receipts)
        {
            AllLogs.AddRange(receipt.Logs);
        }

        AllLogs.AddRange(result.BlockEvents);
        return result;
    }

    /// <summary>The one call of a block built from a single transaction.</summary>
    public static ModuleCall Only(BlockExecutionResult result) => new(result.Transactions[0], result.Receipts[0]);

    /// <summary>Runs a view of the module read-only; it must not revert.</summary>
    public AbiValue[] View(WorldState state, BlockContext context, AbiFunction function, IEnumerable<AbiError> errors, params AbiValue[] arguments)
    {
        var result = Host.Query(state, context, Module, function.EncodeCall(arguments));
        Assert.True(result.Succeeded, "view reverted: " + ModuleReverts.Describe(result.Output, errors));
        return function.DecodeResult(result.Output);
    }

    /// <summary>The module's storage root after folding pending writes in (ComputeRoot does that first).</summary>
    public Hash256 StorageRoot(WorldState state)
    {
        state.ComputeRoot();
        return state.GetAccount(Module)?.StorageRoot ?? Hash256.Zero;
    }
}
