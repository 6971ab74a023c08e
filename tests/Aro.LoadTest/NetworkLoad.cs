using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Aro.Core;
using Aro.Core.Crypto;
using Aro.Core.Transactions;

namespace Aro.LoadTest;

/// <summary>
/// <c>aro-loadtest network --rpc URL,URL,…</c>: load on a multi-validator network. Senders are funded
/// through a two-level tree (funder → distributors → senders, two blocks), every transfer is signed
/// before the clock starts, and each sender's transfers go to one node (sender i to node i mod N, so
/// its nonces arrive in order) as JSON-RPC batches sent round-robin over the nodes. Each transfer's
/// submission time is the client clock when its batch was sent; its finality time is when the first
/// node's newHeads subscription delivered the header of the block holding it.
/// </summary>
internal static class NetworkLoad
{
    private const int DistributorFanOut = 50; // senders per distributor, under the pool's 64 per sender
    private const int FundingPerRound = 60;

    public static async Task<int> RunAsync(NetworkLoadOptions options)
    {
        var clients = options.Rpc.Select(u => new RpcClient(u)).ToArray();
        try
        {
            return await RunAsync(options, clients);
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private static async Task<int> RunAsync(NetworkLoadOptions options, RpcClient[] clients)
    {
        var nodes = clients.Length;
        var rpc = clients[0];
        var chainId = Quantity.ToUInt64(await rpc.CallAsync("eth_chainId"));
        // Far above the price: sustained full blocks raise the base fee 12.5 % a block (EIP-1559).
        var maxFee = Quantity.ToUInt256(await rpc.CallAsync("eth_gasPrice")) * 1000;
        var senderKeys = new byte[options.Senders][];
        Parallel.For(0, senderKeys.Length, i => senderKeys[i] = Keccak256.Hash(Encoding.UTF8.GetBytes($"aro-loadtest-sender-{i}")).ToArray());

        var funding = Stopwatch.StartNew();
        await FundAsync(rpc, chainId, maxFee, Hex.Decode(options.FunderKey), senderKeys, options.WarmupPerSender + options.TransfersPerSender);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"funded {options.Senders} senders in {funding.Elapsed.TotalSeconds:F1} s"));

        if (options.WarmupPerSender > 0)
        {
            // A node that has just started runs unoptimised code until the JIT has tiered its hot paths up;
            // a validator runs for days, so the figures below are taken after a warm-up pass.
            var warmup = await RunPassAsync(options, clients, chainId, maxFee, senderKeys, firstNonce: 0, options.WarmupPerSender, measured: false);
            if (warmup != 0)
            {
                return warmup;
            }
        }

        return await RunPassAsync(options, clients, chainId, maxFee, senderKeys, firstNonce: (ulong)options.WarmupPerSender, options.TransfersPerSender, measured: true);
    }

    /// <summary>
    /// Signs <paramref name="perSender"/> transfers per sender from <paramref name="firstNonce"/>, sends them
    /// and waits until all are committed; the measured pass prints the full report, the warm-up one line.
    /// </summary>
    private static async Task<int> RunPassAsync(
        NetworkLoadOptions options, RpcClient[] clients, ulong chainId, UInt256 maxFee, byte[][] senderKeys, ulong firstNonce, int perSender, bool measured)
    {
        var nodes = clients.Length;
        var rpc = clients[0];
        var plan = TransferPlan.Sign(chainId, maxFee, senderKeys, firstNonce, perSender, nodes, options.BatchSize);
        var total = plan.Count;
        var loadBefore = LoadAverage();
        var mode = options.Rate is { } r ? $"open loop at {r} tx/s" : $"flat out (at most {options.Window} outstanding)";
        Console.WriteLine(measured
            ? $"chain {chainId}: {total} transfers from {options.Senders} senders over {nodes} nodes, batches of {options.BatchSize}, {options.Connections} connections per node, {mode}"
            : $"warm-up: {total} transfers ({perSender} per sender), {mode}; not counted below");

        var cpu = new CpuClock(options.NodePids);
        var cpuBefore = cpu.Read();
        var clock = Stopwatch.StartNew();
        await using var watcher = await HeadWatcher.StartAsync(options.Rpc[0], rpc, clock);
        var tracker = new FinalityTracker(plan.Hashes, clock);
        var following = tracker.FollowAsync(watcher.Heads.Reader);

        var firstSend = TimeSpan.MaxValue;
        var refused = 0;
        string? firstRefusal = null;
        var sent = 0;
        var sendersDone = Stopwatch.StartNew();
        var workers = new List<Task>();
        for (var node = 0; node < nodes; node++)
        {
            var batches = plan.Batches[node];
            var next = -1;
            for (var c = 0; c < options.Connections; c++)
            {
                var client = clients[node];
                var nodeIndex = node;
                workers.Add(Task.Run(async () =>
                {
                    while (Interlocked.Increment(ref next) is var b && b < batches.Count)
                    {
                        var batch = batches[b];
                        var position = (b * nodes) + nodeIndex; // the batch's place in the round-robin order
                        if (options.Rate is { } rate)
                        {
                            var due = TimeSpan.FromSeconds((double)position * options.BatchSize / rate);
                            if (due - clock.Elapsed is { } wait && wait > TimeSpan.Zero)
                            {
                                await Task.Delay(wait);
                            }
                        }
                        else
                        {
                            while (Volatile.Read(ref sent) - tracker.Finalized - Volatile.Read(ref refused) > options.Window && !following.IsCompleted)
                            {
                                await Task.Delay(5);
                            }
                        }

                        var at = clock.Elapsed;
                        tracker.Submitted(batch.Indexes, at);
                        InterlockedMin(ref firstSend, at);
                        Interlocked.Add(ref sent, batch.Raw.Length);
                        var (batchRefused, first, refusedIndexes) = await client.SendRawBatchDetailedAsync(batch.Raw);
                        if (batchRefused > 0)
                        {
                            Interlocked.Add(ref refused, batchRefused);
                            Interlocked.CompareExchange(ref firstRefusal, first, null);
                            foreach (var i in refusedIndexes)
                            {
                                tracker.Refused(batch.Indexes[i]);
                            }
                        }
                    }
                }));
            }
        }

        await Task.WhenAll(workers);
        var sendTime = clock.Elapsed - firstSend;
        var accepted = total - refused;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sent {total} in {sendTime.TotalSeconds:F1} s ({total / sendTime.TotalSeconds:F0} tx/s offered), {refused} refused{(firstRefusal is null ? "" : $", first: {firstRefusal}")}"));

        var outcome = await tracker.WaitAllAsync(accepted, options.StallTimeout, following);
        var cpuAfter = cpu.Read();
        var elapsed = clock.Elapsed;
        var loadAfter = LoadAverage();
        if (outcome is not null)
        {
            Console.Error.WriteLine($"aro-loadtest: {outcome}");
            return 1;
        }

        if (measured)
        {
            tracker.Report(firstSend, loadBefore, loadAfter);
        }
        else
        {
            tracker.ReportCommitted(firstSend);
        }

        var nodesCpu = cpuAfter.Nodes - cpuBefore.Nodes;
        var generatorCpu = cpuAfter.Generator - cpuBefore.Generator;
        var available = elapsed.TotalSeconds * Environment.ProcessorCount;
        if (options.NodePids.Count > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CPU over {elapsed.TotalSeconds:F1} s × {Environment.ProcessorCount} cores = {available:F0} core-s: {nodes} nodes {nodesCpu.TotalSeconds:F1} s ({nodesCpu.TotalMicroseconds / accepted:F0} µs per transfer), generator {generatorCpu.TotalSeconds:F1} s, other processes ≈ {Math.Max(0, available - nodesCpu.TotalSeconds - generatorCpu.TotalSeconds):F1} s"));
        }

        return refused == 0 ? 0 : 1;
    }

    /// <summary>Funder → distributors (one block) → senders (one more block, all distributors at once).</summary>
    private static async Task FundAsync(RpcClient rpc, ulong chainId, UInt256 maxFee, byte[] funderKey, byte[][] senderKeys, int transfersPerSender)
    {
        var tip = UInt256.One;
        var transferCost = maxFee * 21_000UL;
        var senderAllowance = (transferCost * (ulong)transfersPerSender) + (ulong)transfersPerSender;
        var distributorCount = (senderKeys.Length + DistributorFanOut - 1) / DistributorFanOut;
        var distributors = new byte[distributorCount][];
        for (var d = 0; d < distributorCount; d++)
        {
            distributors[d] = Keccak256.Hash(Encoding.UTF8.GetBytes($"aro-loadtest-distributor-{d}")).ToArray();
        }

        var funder = AddressOf(funderKey);
        var nonce = Quantity.ToUInt64(await rpc.CallAsync("eth_getTransactionCount", funder.ToString(), "pending"));
        var distributorAllowance = ((senderAllowance + transferCost) * (ulong)DistributorFanOut) + transferCost;
        for (var start = 0; start < distributorCount; start += FundingPerRound)
        {
            var raw = new List<string>();
            for (var d = start; d < Math.Min(start + FundingPerRound, distributorCount); d++)
            {
                raw.Add(SignTransfer(chainId, nonce++, tip, maxFee, AddressOf(distributors[d]), distributorAllowance, funderKey));
            }

            await SendAllAsync(rpc, raw, "funding distributors");
            await WaitNonceAsync(rpc, funder, nonce);
        }

        var fromDistributors = new List<string>(senderKeys.Length);
        var nonces = new ulong[distributorCount];
        for (var d = 0; d < distributorCount; d++)
        {
            nonces[d] = Quantity.ToUInt64(await rpc.CallAsync("eth_getTransactionCount", AddressOf(distributors[d]).ToString(), "latest"));
        }

        for (var s = 0; s < senderKeys.Length; s++)
        {
            var d = s / DistributorFanOut;
            fromDistributors.Add(SignTransfer(chainId, nonces[d]++, tip, maxFee, AddressOf(senderKeys[s]), senderAllowance, distributors[d]));
        }

        for (var start = 0; start < fromDistributors.Count; start += 500)
        {
            await SendAllAsync(rpc, fromDistributors.GetRange(start, Math.Min(500, fromDistributors.Count - start)), "funding senders");
        }

        await WaitNonceAsync(rpc, AddressOf(distributors[^1]), nonces[^1]);
        for (var d = 0; d < distributorCount; d++)
        {
            await WaitNonceAsync(rpc, AddressOf(distributors[d]), nonces[d]);
        }
    }

    private static async Task SendAllAsync(RpcClient rpc, List<string> raw, string what)
    {
        var (refused, firstError) = await rpc.SendRawBatchAsync(raw);
        if (refused > 0)
        {
            throw new InvalidOperationException($"{what}: {refused} refused, first: {firstError}");
        }
    }

    private static async Task WaitNonceAsync(RpcClient rpc, Address account, ulong nonce)
    {
        var waited = Stopwatch.StartNew();
        while (Quantity.ToUInt64(await rpc.CallAsync("eth_getTransactionCount", account.ToString(), "latest")) < nonce)
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException($"funding: {account} did not reach nonce {nonce} within 60 s (is the network producing blocks?)");
            }

            await Task.Delay(50);
        }
    }

    internal static string SignTransfer(ulong chainId, ulong nonce, UInt256 tip, UInt256 maxFee, Address to, UInt256 value, byte[] key)
    {
        var tx = Transaction.DynamicFee(chainId, nonce, tip, maxFee, 21_000, to, value, [], ImmutableArray<AccessListEntry>.Empty);
        return Hex.Encode(TxEncoder.Encode(TxSigner.Sign(tx, key)), prefix: true);
    }

    internal static Address AddressOf(byte[] key)
    {
        Span<byte> publicKey = stackalloc byte[Secp256k1.UncompressedPublicKeyLength];
        Secp256k1.GetPublicKey(key, publicKey);
        return Address.FromPublicKey(publicKey);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static void InterlockedMin(ref TimeSpan target, TimeSpan value)
    {
        // Workers race only on the first batches; a lock-free loop over the ticks is enough.
        ref var ticks = ref System.Runtime.CompilerServices.Unsafe.As<TimeSpan, long>(ref target);
        long seen;
        while (value.Ticks < (seen = Volatile.Read(ref ticks)) && Interlocked.CompareExchange(ref ticks, value.Ticks, seen) != seen)
        {
        }
    }
}
