using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Aro.Core;
using Aro.Core.Crypto;
using Aro.Core.Transactions;
using Aro.LoadTest;

// End-to-end load: pre-signed transfers from many senders go in through eth_sendRawTransaction
// batches; the clock stops when the last of them is in a committed block. Reports both rates.
if (args is ["reports-genesis", ..])
{
    return ReportGenesis.Write(args[1..]);
}

if (args is ["network", ..])
{
    NetworkLoadOptions networkOptions;
    try
    {
        networkOptions = NetworkLoadOptions.Parse(args[1..]);
    }
    catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException)
    {
        Console.Error.WriteLine($"aro-loadtest: {e.Message}");
        Console.Error.WriteLine("usage: aro-loadtest network --rpc URL[,URL…] [--senders N] [--transfers-per-sender N] [--warmup-per-sender N] [--batch N] [--connections N] [--rate TX_PER_S | --window N] [--stall-timeout S]");
        return 2;
    }

    try
    {
        return await NetworkLoad.RunAsync(networkOptions);
    }
    catch (Exception e) when (e is HttpRequestException or InvalidOperationException or System.Net.WebSockets.WebSocketException or TaskCanceledException)
    {
        // A node stopped answering (crashed, refused funding): say which call failed, not a stack trace.
        Console.Error.WriteLine($"aro-loadtest: {e.Message}");
        return 1;
    }
}

if (args is ["reports", ..])
{
    try
    {
        var reportOptions = LoadOptions.Parse(args[1..]);
        return await ReportLoad.RunAsync(reportOptions.Rpc, reportOptions.Edges, reportOptions.BatchSize, reportOptions.Concurrency);
    }
    catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException)
    {
        Console.Error.WriteLine($"aro-loadtest: {e.Message}");
        Console.Error.WriteLine("usage: aro-loadtest reports [--rpc URL] [--edges N] [--batch N] [--concurrency N]");
        return 2;
    }
}

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException)
{
    Console.Error.WriteLine($"aro-loadtest: {e.Message}");
    Console.Error.WriteLine("usage: aro-loadtest [--rpc URL] [--funder-key HEX] [--senders N] [--transfers-per-sender N] [--batch N] [--concurrency N]");
    return 2;
}

using var rpc = new RpcClient(options.Rpc);
var chainId = Quantity.ToUInt64(await rpc.CallAsync("eth_chainId"));
var gasPrice = Quantity.ToUInt256(await rpc.CallAsync("eth_gasPrice"));
var maxFee = gasPrice * 4;
var tip = UInt256.One;

var funderKey = Hex.Decode(options.FunderKey);
var senderKeys = new byte[options.Senders][];
for (var i = 0; i < senderKeys.Length; i++)
{
    senderKeys[i] = Keccak256.Hash(Encoding.UTF8.GetBytes($"aro-loadtest-sender-{i}")).ToArray();
}

await FundSendersAsync();

// Sign everything before the clock starts: the measurement is the node's, not this tool's.
var transfers = new string[options.Senders * options.TransfersPerSender];
var recipient = Address.Parse("0x000000000000000000000000000000000000a110");
Parallel.For(0, options.Senders, s =>
{
    var nonce = 0UL;
    for (var t = 0; t < options.TransfersPerSender; t++)
    {
        var tx = Transaction.DynamicFee(chainId, nonce++, tip, maxFee, 21_000, recipient, UInt256.One, [], ImmutableArray<AccessListEntry>.Empty);
        // Interleave senders so every batch spreads over many of them, as real traffic does.
        transfers[(t * options.Senders) + s] = Hex.Encode(TxEncoder.Encode(TxSigner.Sign(tx, senderKeys[s])), prefix: true);
    }
});

var startHead = Quantity.ToUInt64(await rpc.CallAsync("eth_blockNumber"));
Console.WriteLine($"chain {chainId}: {transfers.Length} transfers from {options.Senders} senders, batches of {options.BatchSize}, {options.Concurrency} connections, from block {startHead}");

var clock = Stopwatch.StartNew();
var refused = 0;
var errors = new ConcurrentBag<string>();
var batches = Enumerable.Range(0, (transfers.Length + options.BatchSize - 1) / options.BatchSize).ToArray();
await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency }, async (batch, _) =>
{
    var slice = transfers.AsMemory(batch * options.BatchSize, Math.Min(options.BatchSize, transfers.Length - (batch * options.BatchSize))).ToArray();
    var (batchRefused, firstError) = await rpc.SendRawBatchAsync(slice);
    Interlocked.Add(ref refused, batchRefused);
    if (firstError is not null)
    {
        errors.Add(firstError);
    }
});
var submitted = clock.Elapsed;
var accepted = transfers.Length - refused;

// Committed when every sender's latest nonce has reached its count.
ulong committed = 0;
var head = startHead;
while (committed < (ulong)accepted)
{
    var latest = Quantity.ToUInt64(await rpc.CallAsync("eth_blockNumber"));
    for (var n = head + 1; n <= latest; n++)
    {
        var block = await rpc.CallAsync("eth_getBlockByNumber", Quantity.Of(n), false);
        committed += (ulong)block.GetProperty("transactions").GetArrayLength();
    }

    head = latest;
    if (clock.Elapsed > TimeSpan.FromMinutes(5))
    {
        Console.Error.WriteLine($"aro-loadtest: only {committed} of {accepted} transfers committed after 5 minutes");
        return 1;
    }

    await Task.Delay(10);
}

var total = clock.Elapsed;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"submitted {accepted} accepted ({refused} refused) in {submitted.TotalMilliseconds:F0} ms = {accepted / submitted.TotalSeconds:F0} tx/s accepted by RPC"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"committed {committed} in {total.TotalMilliseconds:F0} ms over {head - startHead} blocks = {committed / total.TotalSeconds:F0} tx/s end to end"));
foreach (var error in errors.Take(3))
{
    Console.WriteLine($"refusal: {error}");
}

return refused == 0 ? 0 : 1;

async Task FundSendersAsync()
{
    var funder = AddressOf(funderKey);
    var nonce = Quantity.ToUInt64(await rpc.CallAsync("eth_getTransactionCount", funder.ToString(), "pending"));
    var allowance = maxFee * (21_000UL * (ulong)options.TransfersPerSender) + (ulong)options.TransfersPerSender;
    const int PerRound = 60; // under the pool's 64 per sender
    for (var start = 0; start < senderKeys.Length; start += PerRound)
    {
        var raw = new List<string>();
        for (var s = start; s < Math.Min(start + PerRound, senderKeys.Length); s++)
        {
            var tx = Transaction.DynamicFee(chainId, nonce++, tip, maxFee, 21_000, AddressOf(senderKeys[s]), allowance, [], ImmutableArray<AccessListEntry>.Empty);
            raw.Add(Hex.Encode(TxEncoder.Encode(TxSigner.Sign(tx, funderKey)), prefix: true));
        }

        var (batchRefused, firstError) = await rpc.SendRawBatchAsync(raw);
        if (batchRefused > 0)
        {
            throw new InvalidOperationException($"funding refused: {firstError}");
        }

        while (Quantity.ToUInt64(await rpc.CallAsync("eth_getTransactionCount", funder.ToString(), "latest")) < nonce)
        {
            await Task.Delay(50);
        }
    }
}

static Address AddressOf(byte[] key)
{
    Span<byte> publicKey = stackalloc byte[Secp256k1.UncompressedPublicKeyLength];
    Secp256k1.GetPublicKey(key, publicKey);
    return Address.FromPublicKey(publicKey);
}
