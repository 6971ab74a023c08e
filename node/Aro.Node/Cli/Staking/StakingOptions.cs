using System.CommandLine;

namespace Aro.Node.Cli.Staking;

/// <summary>Options the staking tx and query commands share.</summary>
internal static class StakingOptions
{
    public const string DefaultRpc = "http://127.0.0.1:8545";

    public static Option<string> Rpc() =>
        new("--rpc") { Description = $"JSON-RPC URL of any node of the chain (default {DefaultRpc}).", DefaultValueFactory = _ => DefaultRpc };

    public static Option<TimeSpan> Timeout() =>
        new("--timeout")
        {
            Description = "How long to wait for the node (and for a receipt), e.g. 30s.",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(60),
            CustomParser = r => Hosting.Durations.TryParse(r.Tokens.Count == 1 ? r.Tokens[0].Value : string.Empty, out var d) ? d : Fail(r),
        };

    public static bool TryEndpoint(ParseResult p, Option<string> rpc, Option<TimeSpan> timeout, TextWriter error, out RpcClient client)
    {
        client = null!;
        if (!RpcClient.TryParseEndpoint(p.GetValue(rpc)!, out var endpoint, out var problem))
        {
            error.WriteLine($"error: {problem}");
            return false;
        }

        client = new RpcClient(endpoint, p.GetValue(timeout));
        return true;
    }

    private static TimeSpan Fail(System.CommandLine.Parsing.ArgumentResult r)
    {
        r.AddError("--timeout takes a duration such as 500ms, 30s or 2m");
        return default;
    }
}
