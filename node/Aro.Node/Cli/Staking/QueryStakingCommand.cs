using System.CommandLine;
using System.Text.Json;
using Aro.Core;

namespace Aro.Node.Cli.Staking;

/// <summary>
/// <c>aro-node query staking keeper|keepers|delegations|epoch|validators|settlement|slashes|rewards</c>: the node's <c>aro_</c>
/// staking methods, printed as indented JSON (the shapes of node/Aro.Node/Rpc/README.md).
/// </summary>
internal static class QueryStakingCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var staking = new Command("staking", "Read GPoS staking state from a node (aro_ JSON-RPC methods).");

        var keeper = new Argument<string>("address") { Description = "The keeper's address." };
        staking.Add(Query("keeper", "One keeper record.", [keeper], true, p => ("aro_getKeeper", [AddressArg(p.GetValue(keeper))])));

        var page = new Option<ulong>("--page") { Description = "Page of 100 keepers in registration order (default 0)." };
        staking.Add(Query("keepers", "The keeper registry, a page at a time.", [page], true, p => ("aro_getKeepers", ["0x" + p.GetValue(page).ToString("x")])));

        var delegator = new Argument<string>("delegator") { Description = "The delegator's address." };
        staking.Add(Query("delegations", "A delegator's stake by keeper and its withdrawable funds.", [delegator], true, p => ("aro_getDelegations", [AddressArg(p.GetValue(delegator))])));

        staking.Add(Query("epoch", "The current epoch, its block range, params and totals.", [], true, _ => ("aro_getEpoch", [])));

        var epoch = new Option<ulong?>("--epoch") { Description = "A past epoch (default: the current one)." };
        staking.Add(Query("validators", "The active validator set of an epoch.", [epoch], false, p =>
            ("aro_getValidatorSet", p.GetValue(epoch) is { } e ? ["0x" + e.ToString("x")] : [])));

        var settled = new Argument<ulong>("epoch") { Description = "A settled epoch." };
        staking.Add(Query("settlement", "An epoch's settlement record: emission, fees, pools, per-keeper rewards.", [settled], false, p =>
            ("aro_getSettlement", ["0x" + p.GetValue(settled).ToString("x")])));

        var slashEpoch = new Argument<ulong>("epoch") { Description = "The epoch the slashes were applied in." };
        staking.Add(Query("slashes", "The slashes applied in an epoch, with reasons.", [slashEpoch], false, p =>
            ("aro_getSlashes", ["0x" + p.GetValue(slashEpoch).ToString("x")])));

        var rewardee = new Argument<string>("delegator") { Description = "The delegator's address." };
        var fromKeeper = new Option<string?>("--keeper") { Description = "Only the rewards from this keeper." };
        staking.Add(Query("rewards", "A delegator's pending (claimable) rewards per keeper.", [rewardee, fromKeeper], true, p =>
            ("aro_getRewards", [AddressArg(p.GetValue(rewardee))]), p => p.GetValue(fromKeeper) is { } k ? OnlyKeeper(AddressArg(k)) : null));

        return new Command("query", "Read chain state from a node's JSON-RPC.") { staking };
    }

    private static Command Query(string name, string description, Symbol[] symbols, bool takesBlock, Func<ParseResult, (string Method, object?[] Params)> build) =>
        Query(name, description, symbols, takesBlock, build, _ => null);

    /// <param name="shape">Optionally narrows the node's answer before it is printed (e.g. to one keeper).</param>
    private static Command Query(
        string name, string description, Symbol[] symbols, bool takesBlock, Func<ParseResult, (string Method, object?[] Params)> build,
        Func<ParseResult, Func<JsonElement, object>?> shape)
    {
        var rpc = StakingOptions.Rpc();
        var timeout = StakingOptions.Timeout();
        var block = new Option<string?>("--block") { Description = "Block number or tag to read at (default latest)." };
        var command = new Command(name, description) { rpc, timeout };
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Add(argument);
                    break;
                case Option option:
                    command.Add(option);
                    break;
            }
        }

        if (takesBlock)
        {
            command.Add(block);
        }

        command.SetAction(async (p, cancel) =>
        {
            var output = p.InvocationConfiguration.Output;
            var error = p.InvocationConfiguration.Error;
            (string Method, object?[] Params) call;
            Func<JsonElement, object>? narrow;
            try
            {
                call = build(p);
                narrow = shape(p);
                if (takesBlock && p.GetValue(block) is { } tag)
                {
                    call.Params = [.. call.Params, BlockTag(tag)];
                }
            }
            catch (FormatException e)
            {
                error.WriteLine($"error: {e.Message}");
                return ExitCodes.UsageError;
            }

            if (!StakingOptions.TryEndpoint(p, rpc, timeout, error, out var client))
            {
                return ExitCodes.UsageError;
            }

            using (client)
            {
                try
                {
                    var result = await client.CallAsync(call.Method, call.Params).ConfigureAwait(false);
                    output.WriteLine(JsonSerializer.Serialize(narrow is null ? result : narrow(result), Indented));
                    return ExitCodes.Ok;
                }
                catch (RpcCallException e)
                {
                    error.WriteLine($"error: {e.Message}");
                    return ExitCodes.Invalid;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    error.WriteLine($"error: {e.Message}");
                    return ExitCodes.NodeFailed;
                }
            }
        });
        return command;
    }

    /// <summary>aro_getRewards narrowed to one keeper: its line (amount 0x0 when the delegator has none there).</summary>
    private static Func<JsonElement, object> OnlyKeeper(string keeper) => result =>
    {
        foreach (var line in result.GetProperty("rewards").EnumerateArray())
        {
            if (string.Equals(line.GetProperty("keeper").GetString(), keeper, StringComparison.OrdinalIgnoreCase))
            {
                return new Dictionary<string, object?> { ["delegator"] = result.GetProperty("delegator"), ["blockNumber"] = result.GetProperty("blockNumber"), ["keeper"] = line.GetProperty("keeper"), ["amount"] = line.GetProperty("amount") };
            }
        }

        return new Dictionary<string, object?> { ["delegator"] = result.GetProperty("delegator"), ["blockNumber"] = result.GetProperty("blockNumber"), ["keeper"] = keeper, ["amount"] = "0x0" };
    };

    private static string AddressArg(string? text) =>
        Address.TryParse(text, out var address) ? address.ToLowerHex() : throw new FormatException($"'{text}' is not an address (0x and 40 hex digits)");

    private static string BlockTag(string tag) =>
        ulong.TryParse(tag, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? "0x" + number.ToString("x", System.Globalization.CultureInfo.InvariantCulture)
            : tag;
}
