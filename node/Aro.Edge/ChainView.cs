using System.Text.Json;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Modules.Gpow;
using Aro.Modules.Gpow.Abi;

namespace Aro.Edge;

/// <summary>GPoW's epoch parameters, read once from the module's getParams view.</summary>
internal sealed record EdgeParams(ulong EpochBlocks, ulong ReportWindowBlocks, ulong ChallengeDeadlineBlocks, ulong VerdictWindowBlocks, ulong MaxVerdictsPerTx, UInt256 MinBond, bool DevEnabled);

/// <summary>What aro-edge reads from a node: heads, GPoW views (eth_call) and the aro_ edge methods.</summary>
internal sealed class ChainView(EdgeRpc rpc)
{
    public EdgeRpc Rpc => rpc;

    public Task<ulong> HeadAsync() => rpc.NumberAsync("eth_blockNumber");

    public Task<ulong> ChainIdAsync() => rpc.NumberAsync("eth_chainId");

    public async Task<EdgeParams> ParamsAsync()
    {
        var p = await ViewAsync(WorkProofAbi.GetParams).ConfigureAwait(false);
        return new EdgeParams(p[0].AsUInt64(), p[1].AsUInt64(), p[2].AsUInt64(), p[3].AsUInt64(), p[5].AsUInt64(), p[8].AsUInt256(), p[11].AsBool());
    }

    public async Task<AbiValue[]> ViewAsync(AbiFunction view, params AbiValue[] arguments)
    {
        var call = new Dictionary<string, string> { ["to"] = GpowModule.Address.ToLowerHex(), ["input"] = Hex.Encode(view.EncodeCall(arguments)) };
        try
        {
            var result = await rpc.CallAsync("eth_call", call, "latest").ConfigureAwait(false);
            return view.DecodeResult(Hex.Decode(result.GetString()!));
        }
        catch (RpcCallException e)
        {
            throw new CallRefusedException($"{view.Name}: {e.Reason}");
        }
    }

    /// <summary>aro_getWorkReport, or null when the edge has no report of that epoch.</summary>
    public async Task<JsonElement?> WorkReportAsync(Address edge, ulong epoch)
    {
        try
        {
            return await rpc.CallAsync("aro_getWorkReport", edge.ToLowerHex(), EdgeRpc.Quantity(epoch)).ConfigureAwait(false);
        }
        catch (RpcCallException e) when (e.Message.StartsWith("no work report", StringComparison.Ordinal))
        {
            return null;
        }
    }

    /// <summary>Every registered edge address (aro_getEdgeNodes, page by page), with its record.</summary>
    public async Task<List<JsonElement>> EdgeNodesAsync()
    {
        var all = new List<JsonElement>();
        for (ulong page = 0; ; page++)
        {
            var result = await rpc.CallAsync("aro_getEdgeNodes", EdgeRpc.Quantity(page)).ConfigureAwait(false);
            var edges = result.GetProperty("edgeNodes");
            all.AddRange(edges.EnumerateArray());
            var total = ReadNumber(result.GetProperty("total"));
            var size = ReadNumber(result.GetProperty("pageSize"));
            if ((page + 1) * size >= total)
            {
                return all;
            }
        }
    }

    /// <summary>A value of an aro_ answer as a person reads it: quantities in decimal, booleans lower case.</summary>
    public static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.String when value.GetString() is { Length: > 2 and <= 66 } s && s.StartsWith("0x", StringComparison.Ordinal) && s.Length != 42
            => UInt256.ParseHexQuantity(s).ToString(),
        _ => value.ToString(),
    };

    /// <summary>A JSON number or hex quantity as the node writes integers.</summary>
    public static ulong ReadNumber(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetUInt64() : EdgeRpc.ParseQuantity(value.GetString());
}
