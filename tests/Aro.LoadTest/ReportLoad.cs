using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Crypto;
using Aro.Core.Transactions;
using Aro.Edge;
using Aro.Modules.Gpow;
using Aro.Modules.Gpow.Abi;

namespace Aro.LoadTest;

/// <summary>
/// <c>aro-loadtest reports --edges N</c>: funds N edge accounts from the devnet's dev accounts, registers
/// them with dev attestation (aro-edge's own evidence code), waits for the next epoch's report window,
/// pre-signs one work report per edge and sends them as JSON-RPC batches over several connections. The
/// clock runs from the first send to the last report committed; every receipt is then checked.
/// </summary>
internal static class ReportLoad
{
    private const int PerRound = 60; // under the pool's 64 pending per sender

    public static async Task<int> RunAsync(Uri endpoint, int edges, int batchSize, int concurrency)
    {
        using var rpc = new RpcClient(endpoint);
        using var edgeRpc = new EdgeRpc(endpoint);
        var chain = new ChainView(edgeRpc);
        var p = await chain.ParamsAsync();
        if (!p.DevEnabled)
        {
            Console.Error.WriteLine("aro-loadtest: this chain does not enable the dev attestation (run it on a devnet genesis)");
            return 2;
        }

        var chainId = Quantity.ToUInt64(await rpc.CallAsync("eth_chainId"));
        var maxFee = Quantity.ToUInt256(await rpc.CallAsync("eth_gasPrice")) * 4;
        var keys = new EdgeKey[edges];
        Parallel.For(0, edges, i => keys[i] = EdgeKey.FromLabel($"aro-loadtest-edge-{i}"));
        Console.WriteLine($"chain {chainId}: {edges} edges, epochs of {p.EpochBlocks} blocks, report window {p.ReportWindowBlocks} blocks");

        await FundAsync(rpc, chainId, maxFee, keys, p.MinBond * 2);
        Console.WriteLine("funded");

        var signer = EdgeKey.FromLabel(EdgeCommands.DevSignerLabel);
        var registerGas = await EstimateAsync(rpc, keys[0], RegisterCall(signer, chainId, keys[0]), p.MinBond) * 3 / 2;
        var registrations = new string[edges];
        Parallel.For(0, edges, i => registrations[i] = Sign(chainId, 0, maxFee, registerGas, p.MinBond, RegisterCall(signer, chainId, keys[i]), keys[i]));
        var head = Quantity.ToUInt64(await rpc.CallAsync("eth_blockNumber"));
        var (refused, firstError) = await SendAsync(rpc, registrations, batchSize, concurrency);
        if (refused > 0)
        {
            Console.Error.WriteLine($"aro-loadtest: {refused} registrations refused: {firstError}");
            return 1;
        }

        var registrationsFrom = head;
        (_, head) = await WaitCommittedAsync(rpc, head, edges, TimeSpan.FromMinutes(5));
        var failedRegistrations = await FailedAsync(rpc, registrations, registrationsFrom + 1, head);
        if (failedRegistrations > 0)
        {
            Console.Error.WriteLine($"aro-loadtest: {failedRegistrations} registrations reverted");
            return 1;
        }

        Console.WriteLine($"registered {edges} edges (dev attestation) by block {head}");

        // Reports of epoch e are taken in the first ReportWindowBlocks blocks of epoch e+1.
        var epoch = head / p.EpochBlocks;
        var windowStart = (epoch + 1) * p.EpochBlocks;
        while (head < windowStart)
        {
            await Task.Delay(100);
            head = Quantity.ToUInt64(await rpc.CallAsync("eth_blockNumber"));
        }

        var figures = new ReportFigures(1_000_000, 0, 10, 999_000, null);
        var calldata = figures.Calldata(epoch);
        // Exact, no margin: a report costs intrinsic gas (21,000 + its calldata bytes) plus the module's fixed
        // 30,000 and nothing that depends on state, and every edge sends the same calldata. A block's gas limit
        // counts each transaction's limit, so a margin would only leave blocks a third emptier.
        var reportGas = await EstimateAsync(rpc, keys[0], calldata, UInt256.Zero);
        var reports = new string[edges];
        Parallel.For(0, edges, i => reports[i] = Sign(chainId, 1, maxFee, reportGas, UInt256.Zero, calldata, keys[i]));
        head = Quantity.ToUInt64(await rpc.CallAsync("eth_blockNumber"));
        Console.WriteLine($"reports of epoch {epoch}: {edges} signed (gas limit {reportGas} each), batches of {batchSize}, {concurrency} connections, from block {head} (window closes at {windowStart + p.ReportWindowBlocks})");

        var clock = Stopwatch.StartNew();
        (refused, firstError) = await SendAsync(rpc, reports, batchSize, concurrency);
        var submitted = clock.Elapsed;
        var accepted = edges - refused;
        var (committed, last) = await WaitCommittedAsync(rpc, head, accepted, TimeSpan.FromMinutes(5));
        var total = clock.Elapsed;
        var failed = await FailedAsync(rpc, reports, head + 1, last);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"submitted {accepted} reports accepted ({refused} refused) in {submitted.TotalMilliseconds:F0} ms = {accepted / submitted.TotalSeconds:F0} reports/s accepted by RPC"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"committed {committed} in {total.TotalMilliseconds:F0} ms over {last - head} blocks ({head + 1}..{last}) = {committed / total.TotalSeconds:F0} reports/s end to end; {failed} reverted"));
        if (firstError is not null)
        {
            Console.WriteLine($"refusal: {firstError}");
        }

        return refused == 0 && failed == 0 ? 0 : 1;
    }

    private static byte[] RegisterCall(EdgeKey signer, ulong chainId, EdgeKey edge) => WorkProofAbi.RegisterEdge.EncodeCall(
        AbiValue.UInt(EdgeKinds.Dev), AbiValue.Bytes(EdgeCommands.SignDev(signer, EdgeAttestation.Binding(chainId, edge.Address))), AbiValue.Bytes([]), AbiValue.String("local"),
        AbiValue.UInt(100U), AbiValue.UInt(1U), AbiValue.UInt(1_000UL));

    private static string Sign(ulong chainId, ulong nonce, UInt256 maxFee, ulong gas, UInt256 value, byte[] calldata, EdgeKey key) =>
        Hex.Encode(TxEncoder.Encode(TxSigner.Sign(
            Transaction.DynamicFee(chainId, nonce, UInt256.One, maxFee, gas, GpowModule.Address, value, calldata, ImmutableArray<AccessListEntry>.Empty), key.PrivateKey)), prefix: true);

    private static async Task<ulong> EstimateAsync(RpcClient rpc, EdgeKey from, byte[] calldata, UInt256 value)
    {
        var call = new Dictionary<string, string>
        {
            ["from"] = from.Address.ToLowerHex(),
            ["to"] = GpowModule.Address.ToLowerHex(),
            ["value"] = value.ToHexString(),
            ["input"] = Hex.Encode(calldata),
        };
        return Quantity.ToUInt64(await rpc.CallAsync("eth_estimateGas", call));
    }

    /// <summary>The four dev accounts pay the edges in parallel, each in rounds the pool takes from one sender.</summary>
    private static async Task FundAsync(RpcClient rpc, ulong chainId, UInt256 maxFee, EdgeKey[] edges, UInt256 amount)
    {
        var funders = Enumerable.Range(0, 4).Select(k => EdgeKey.FromLabel($"aro-devnet-account-{k}")).ToArray();
        await Task.WhenAll(funders.Select(async (funder, f) =>
        {
            var nonce = Quantity.ToUInt64(await rpc.CallAsync("eth_getTransactionCount", funder.Address.ToLowerHex(), "pending"));
            var mine = Enumerable.Range(0, edges.Length).Where(i => i % funders.Length == f).ToArray();
            for (var start = 0; start < mine.Length; start += PerRound)
            {
                var raw = new List<string>();
                foreach (var i in mine.AsSpan(start, Math.Min(PerRound, mine.Length - start)))
                {
                    var tx = Transaction.DynamicFee(chainId, nonce++, UInt256.One, maxFee, 21_000, edges[i].Address, amount, [], ImmutableArray<AccessListEntry>.Empty);
                    raw.Add(Hex.Encode(TxEncoder.Encode(TxSigner.Sign(tx, funder.PrivateKey)), prefix: true));
                }

                var (refused, firstError) = await rpc.SendRawBatchAsync(raw);
                if (refused > 0)
                {
                    throw new InvalidOperationException($"funding refused: {firstError}");
                }

                while (Quantity.ToUInt64(await rpc.CallAsync("eth_getTransactionCount", funder.Address.ToLowerHex(), "latest")) < nonce)
                {
                    await Task.Delay(50);
                }
            }
        }));
    }

    private static async Task<(int Refused, string? FirstError)> SendAsync(RpcClient rpc, string[] raw, int batchSize, int concurrency)
    {
        var refused = 0;
        string? first = null;
        var batches = Enumerable.Range(0, (raw.Length + batchSize - 1) / batchSize).ToArray();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (batch, _) =>
        {
            var slice = raw.AsSpan(batch * batchSize, Math.Min(batchSize, raw.Length - (batch * batchSize))).ToArray();
            var (batchRefused, error) = await rpc.SendRawBatchAsync(slice);
            Interlocked.Add(ref refused, batchRefused);
            if (error is not null)
            {
                Interlocked.CompareExchange(ref first, error, null);
            }
        });
        return (refused, first);
    }

    /// <summary>Counts transactions in the blocks after <paramref name="from"/> until <paramref name="count"/> are in.</summary>
    private static async Task<(ulong Committed, ulong Head)> WaitCommittedAsync(RpcClient rpc, ulong from, int count, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        ulong committed = 0;
        var head = from;
        while (committed < (ulong)count)
        {
            var latest = Quantity.ToUInt64(await rpc.CallAsync("eth_blockNumber"));
            for (var n = head + 1; n <= latest; n++)
            {
                var block = await rpc.CallAsync("eth_getBlockByNumber", Quantity.Of(n), false);
                committed += (ulong)block.GetProperty("transactions").GetArrayLength();
            }

            head = latest;
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"only {committed} of {count} transactions committed after {limit.TotalMinutes} minutes");
            }

            await Task.Delay(10);
        }

        return (committed, head);
    }

    /// <summary>
    /// How many of the transactions have no successful receipt in blocks <paramref name="from"/>..<paramref name="to"/>:
    /// one eth_getBlockReceipts per block (a receipt looked up by hash costs the node a read of its whole block).
    /// </summary>
    private static async Task<int> FailedAsync(RpcClient rpc, string[] raw, ulong from, ulong to)
    {
        var succeeded = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var n = from; n <= to; n++)
        {
            foreach (var receipt in (await rpc.CallAsync("eth_getBlockReceipts", Quantity.Of(n))).EnumerateArray())
            {
                if (receipt.GetProperty("status").GetString() == "0x1")
                {
                    succeeded.Add(receipt.GetProperty("transactionHash").GetString()!);
                }
            }
        }

        var failed = 0;
        foreach (var tx in raw)
        {
            if (!succeeded.Contains(Keccak256.Hash(Hex.Decode(tx)).ToString()))
            {
                failed++;
            }
        }

        return failed;
    }
}
