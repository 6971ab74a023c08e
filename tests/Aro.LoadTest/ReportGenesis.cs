using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Aro.LoadTest;

/// <summary>
/// <c>aro-loadtest reports-genesis --from genesis/devnet.json --out FILE</c>: the devnet genesis with an epoch
/// and report window long enough to sign and send thousands of reports inside one window (the devnet's
/// 4-block window closes in about a second at 250 ms blocks). GPoS and GPoW epochs must stay equal.
/// </summary>
internal static class ReportGenesis
{
    public static int Write(string[] args)
    {
        string? from = null, output = null;
        ulong epochBlocks = 400, window = 320, gasLimit = 100_000_000;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--from": from = args[i + 1]; break;
                case "--out": output = args[i + 1]; break;
                case "--epoch-blocks": epochBlocks = ulong.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--report-window": window = ulong.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--gas-limit": gasLimit = ulong.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        if (from is null || output is null)
        {
            throw new ArgumentException("reports-genesis needs --from DEVNET_GENESIS and --out FILE");
        }

        var genesis = JsonNode.Parse(File.ReadAllText(from))!;
        genesis["gasLimit"] = gasLimit;
        genesis["modules"]!["gpos"]!["params"]!["epochBlocks"] = epochBlocks;
        var gpow = genesis["modules"]!["gpow"]!["params"]!;
        gpow["epochBlocks"] = epochBlocks;
        gpow["reportWindowBlocks"] = window;
        gpow["verdictWindowBlocks"] = epochBlocks - 1;
        File.WriteAllText(output, genesis.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"wrote {output}: epochs of {epochBlocks} blocks, report window {window} blocks, block gas limit {gasLimit}");
        return 0;
    }
}
