using System.Globalization;

namespace Aro.LoadTest;

/// <summary>Command-line options; every one has a default that suits a devnet on this machine.</summary>
internal sealed record LoadOptions
{
    public Uri Rpc { get; init; } = new("http://127.0.0.1:8545/");

    /// <summary>A funded key (hex) that pays the senders' starting balances; the devnet's first dev key by default.</summary>
    public string FunderKey { get; init; } = "0xeb13c97c295d414c459a01c87c4fc90a0680bd0512a71bd22a9b83c5dfa7b095";

    public int Senders { get; init; } = 200;

    /// <summary>Transfers per sender; the pool holds at most 64 per sender.</summary>
    public int TransfersPerSender { get; init; } = 40;

    public int BatchSize { get; init; } = 100;

    /// <summary>Edge nodes in the work-report mode (<c>aro-loadtest reports</c>).</summary>
    public int Edges { get; init; } = 5_000;

    public int Concurrency { get; init; } = 4;

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--rpc" => options with { Rpc = new Uri(value) },
                "--funder-key" => options with { FunderKey = value },
                "--senders" => options with { Senders = int.Parse(value, CultureInfo.InvariantCulture) },
                "--transfers-per-sender" => options with { TransfersPerSender = int.Parse(value, CultureInfo.InvariantCulture) },
                "--edges" => options with { Edges = int.Parse(value, CultureInfo.InvariantCulture) },
                "--batch" => options with { BatchSize = int.Parse(value, CultureInfo.InvariantCulture) },
                "--concurrency" => options with { Concurrency = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
            i++;
        }

        return options;
    }
}
