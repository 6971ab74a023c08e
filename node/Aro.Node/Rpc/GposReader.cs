using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Blocks;
using Aro.Execution.Execution;
using Aro.JsonRpc;
using Aro.Modules.Gpos;
using Aro.Modules.Gpos.Abi;
using Aro.Node.Chain;
using Aro.Node.Modules;
using Aro.State.World;

namespace Aro.Node.Rpc;

/// <summary>
/// Reads the GPoS module at one committed block through its public views (IStaking), exactly as an
/// eth_call to 0x…A120 would: the ABI is the module's contract with the outside, so the node does not
/// depend on how the module lays out its records. A view that reverts becomes a -32000 error with the
/// decoded reason (e.g. a chain whose genesis has no gpos section).
/// </summary>
internal sealed class GposReader
{
    private readonly IChainReader _chain;
    private readonly WorldState _state;
    private readonly BlockContext _context;

    private GposReader(IChainReader chain, BlockHeader header)
    {
        _chain = chain;
        Header = header;
        _state = chain.OpenState(header.StateRoot);
        _context = new BlockContext(header.Number, header.Timestamp, header.Proposer, header.BaseFeePerGas, header.GasLimit, chain.ChainId, header.Epoch);
    }

    public BlockHeader Header { get; }

    /// <summary>The world state at <see cref="Header"/>, for the module's read API (<c>GposSettlements</c>).</summary>
    public WorldState State => _state;

    /// <exception cref="JsonRpcException">No such block (-32000 "header not found"), or the node hosts no GPoS module.</exception>
    public static GposReader At(IChainReader chain, in BlockParameter block)
    {
        if (!chain.Modules.TryGet(GposModule.Address, out _))
        {
            throw new JsonRpcException(JsonRpcErrorCodes.ServerError, "the GPoS module is not hosted by this node");
        }

        return new GposReader(chain, BlockResolver.Require(chain, block));
    }

    /// <summary>A reader at a past block of the same chain (historical validator sets).</summary>
    public GposReader AtNumber(ulong number) =>
        new(_chain, _chain.Store.GetHeader(number) ?? throw new JsonRpcException(JsonRpcErrorCodes.ServerError, "header not found"));

    /// <summary>Like <see cref="Call"/>, but a revert (e.g. an index past the end) is <c>false</c> instead of an error.</summary>
    public bool TryCall(AbiFunction view, out AbiValue[] result, params AbiValue[] arguments)
    {
        var outcome = _chain.Modules.Query(_state, _context, GposModule.Address, view.EncodeCall(arguments));
        result = outcome.Succeeded ? view.DecodeResult(outcome.Output) : [];
        return outcome.Succeeded;
    }

    public AbiValue[] Call(AbiFunction view, params AbiValue[] arguments)
    {
        var result = _chain.Modules.Query(_state, _context, GposModule.Address, view.EncodeCall(arguments));
        return result.Succeeded
            ? view.DecodeResult(result.Output)
            : throw new JsonRpcException(JsonRpcErrorCodes.ServerError, "GPoS: " + RevertReasons.Describe(result.Output), result.Output);
    }
}
