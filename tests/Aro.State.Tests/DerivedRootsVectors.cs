using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Rlp;
using Aro.Core.Transactions;
using Aro.Testing;

namespace Aro.State.Tests;

/// <summary>
/// The execution-apis test chain (ethereum/execution-apis tests/): chain.rlp holds blocks 1..54 back
/// to back in Ethereum's format; the .io files are recorded JSON-RPC exchanges against that chain.
/// Ethereum blocks are read generically here (their header is not Aro's).
/// </summary>
internal static class DerivedRootsVectors
{
    private static readonly Lazy<IReadOnlyList<EthereumBlock>> Blocks = new(LoadChain);

    public static IReadOnlyList<EthereumBlock> Chain => Blocks.Value;

    public static string Path(params string[] parts) => TestData.Path(["ethereum", "execution-apis", "tests", .. parts]);

    public static EthereumBlock BlockNumber(ulong number) => Chain.Single(b => b.Number == number);

    /// <summary>The "result" of the response line ("&lt;&lt; {...}") of a recorded exchange, or null for an error response.</summary>
    public static JsonDocument Response(params string[] parts)
    {
        var line = File.ReadLines(Path(parts)).Single(l => l.StartsWith("<< ", StringComparison.Ordinal));
        return JsonDocument.Parse(line[3..]);
    }

    public static IEnumerable<string> IoFiles(string method) =>
        Directory.EnumerateFiles(Path(method), "*.io").Order(StringComparer.Ordinal);

    public static ulong Quantity(JsonElement element) =>
        ulong.Parse(element.GetString()!.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    public static ImmutableArray<Log> Logs(JsonElement receiptOrLogs)
    {
        var logs = receiptOrLogs.ValueKind == JsonValueKind.Array ? receiptOrLogs : receiptOrLogs.GetProperty("logs");
        return [.. logs.EnumerateArray().Select(Log)];
    }

    public static Log Log(JsonElement log) =>
        new(
            Address.Parse(log.GetProperty("address").GetString()!),
            [.. log.GetProperty("topics").EnumerateArray().Select(t => Hash256.Parse(t.GetString()!))],
            Hex.Decode(log.GetProperty("data").GetString()!));

    /// <summary>The consensus receipt an RPC receipt describes (pre-Byzantium "root" or EIP-658 "status").</summary>
    public static Receipt Receipt(JsonElement json)
    {
        var type = (TxType)Quantity(json.GetProperty("type"));
        var cumulativeGasUsed = Quantity(json.GetProperty("cumulativeGasUsed"));
        var logs = Logs(json);
        return json.TryGetProperty("root", out var root) && root.ValueKind == JsonValueKind.String
            ? Aro.Core.Blocks.Receipt.CreateWithPostState(type, Hash256.Parse(root.GetString()!), cumulativeGasUsed, logs)
            : Aro.Core.Blocks.Receipt.Create(type, Quantity(json.GetProperty("status")) == 1, cumulativeGasUsed, logs);
    }

    private static List<EthereumBlock> LoadChain()
    {
        var bytes = File.ReadAllBytes(Path("chain.rlp"));
        var reader = new RlpReader(bytes);
        var blocks = new List<EthereumBlock>();
        while (reader.HasMore)
        {
            blocks.Add(EthereumBlock.Parse(reader.ReadRaw()));
        }

        return blocks;
    }
}

/// <summary>An Ethereum block read generically: the header fields Aro shares, and the raw transactions.</summary>
internal sealed class EthereumBlock
{
    private EthereumBlock(ulong number, Hash256 hash, Hash256 transactionsRoot, Hash256 receiptsRoot, Bloom logsBloom, IReadOnlyList<byte[]> transactions)
    {
        Number = number;
        Hash = hash;
        TransactionsRoot = transactionsRoot;
        ReceiptsRoot = receiptsRoot;
        LogsBloom = logsBloom;
        Transactions = transactions;
    }

    public ulong Number { get; }

    public Hash256 Hash { get; }

    public Hash256 TransactionsRoot { get; }

    public Hash256 ReceiptsRoot { get; }

    public Bloom LogsBloom { get; }

    /// <summary>Network form: a legacy transaction's list, a typed one's type ‖ rlp (unwrapped from its RLP string).</summary>
    public IReadOnlyList<byte[]> Transactions { get; }

    // Ethereum header: [parent, ommers, coinbase, stateRoot, txRoot, receiptsRoot, bloom, difficulty, number, ...].
    public static EthereumBlock Parse(ReadOnlySpan<byte> rlp)
    {
        var block = new RlpReader(rlp).ReadList();
        var headerRaw = block.ReadRaw();
        var header = new RlpReader(headerRaw).ReadList();
        for (var i = 0; i < 4; i++)
        {
            header.Skip();
        }

        var transactionsRoot = new Hash256(header.ReadBytes());
        var receiptsRoot = new Hash256(header.ReadBytes());
        var bloom = new Bloom(header.ReadBytes());
        header.Skip();
        var number = header.ReadUInt64();

        var list = block.ReadList();
        var transactions = new List<byte[]>();
        while (list.HasMore)
        {
            transactions.Add(list.IsNextList ? list.ReadRaw().ToArray() : list.ReadBytes().ToArray());
        }

        return new EthereumBlock(number, Keccak(headerRaw), transactionsRoot, receiptsRoot, bloom, transactions);
    }

    private static Hash256 Keccak(ReadOnlySpan<byte> data) => Aro.Core.Crypto.Keccak256.Hash(data);
}
