using System.Globalization;

namespace Aro.LoadTest;

/// <summary>Options of <c>aro-loadtest network</c>; the defaults suit 4 validators on this machine.</summary>
internal sealed record NetworkLoadOptions
{
    /// <summary>Every validator's JSON-RPC URL; transfers go round-robin to all, newHeads come from the first.</summary>
    public IReadOnlyList<Uri> Rpc { get; init; } = [new("http://127.0.0.1:8545/")];

    public string FunderKey { get; init; } = new LoadOptions().FunderKey;

    public int Senders { get; init; } = 2_000;

    public int TransfersPerSender { get; init; } = 10;

    /// <summary>Transfers per sender sent and committed before the measured pass, while the nodes' JIT tiers up; 0: none.</summary>
    public int WarmupPerSender { get; init; } = 10;

    public int BatchSize { get; init; } = 100;

    /// <summary>Concurrent JSON-RPC connections per node.</summary>
    public int Connections { get; init; } = 2;

    /// <summary>Open loop at this many transfers per second; null: flat out, bounded by <see cref="Window"/>.</summary>
    public int? Rate { get; init; }

    /// <summary>Flat out: at most this many transfers submitted and not yet committed (below the pool's 10,000).</summary>
    public int Window { get; init; } = 6_000;

    /// <summary>The run fails when this long passes with transfers outstanding and no new commit of them.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The validators' process ids (from the launcher), for the CPU split; empty: not reported.</summary>
    public IReadOnlyList<int> NodePids { get; init; } = [];

    public static NetworkLoadOptions Parse(string[] args)
    {
        var options = new NetworkLoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--rpc" => options with { Rpc = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => new Uri(u)).ToArray() },
                "--node-pids" => options with { NodePids = value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray() },
                "--funder-key" => options with { FunderKey = value },
                "--senders" => options with { Senders = Positive(value, "--senders") },
                "--transfers-per-sender" => options with { TransfersPerSender = Positive(value, "--transfers-per-sender") },
                "--warmup-per-sender" => options with { WarmupPerSender = NotNegative(value, "--warmup-per-sender") },
                "--batch" => options with { BatchSize = Positive(value, "--batch") },
                "--connections" => options with { Connections = Positive(value, "--connections") },
                "--rate" => options with { Rate = Positive(value, "--rate") },
                "--window" => options with { Window = Positive(value, "--window") },
                "--stall-timeout" => options with { StallTimeout = TimeSpan.FromSeconds(Positive(value, "--stall-timeout")) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
            i++;
        }

        if (options.Rpc.Count == 0)
        {
            throw new ArgumentException("--rpc needs at least one URL");
        }

        if (options.TransfersPerSender > 60 || options.WarmupPerSender > 60)
        {
            throw new ArgumentException("--transfers-per-sender and --warmup-per-sender must be at most 60 (the pool holds 64 per sender)");
        }

        return options;
    }

    private static int NotNegative(string value, string name)
    {
        var parsed = int.Parse(value, CultureInfo.InvariantCulture);
        return parsed >= 0 ? parsed : throw new ArgumentException($"{name} must be 0 or more");
    }

    private static int Positive(string value, string name)
    {
        var parsed = int.Parse(value, CultureInfo.InvariantCulture);
        return parsed > 0 ? parsed : throw new ArgumentException($"{name} must be positive");
    }
}
