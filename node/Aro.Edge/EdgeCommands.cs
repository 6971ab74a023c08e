using System.Text.Json;
using Aro.Attestation;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Crypto;
using Aro.Modules.Gpow;
using Aro.Modules.Gpow.Abi;

namespace Aro.Edge;

/// <summary>The one-shot commands: keys, attest, register, report, status, claim.</summary>
internal sealed class EdgeCommands(EdgeOptions options, TextWriter output, TextWriter error)
{
    /// <summary>The devnet's published dev attestation key (genesis/SCHEMA.md) — DEVNET ONLY.</summary>
    public const string DevSignerLabel = "aro-devnet-dev-attestation";

    private static readonly TimeSpan ReceiptTimeout = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public int KeysNew()
    {
        var path = options.Require("--key-file");
        options.EnsureAllUsed();
        var key = EdgeKey.CreateFile(path);
        output.WriteLine($"edge key {key.Address} written to {path} (mode 0600); back it up: it is the attested identity");
        return EdgeCli.Ok;
    }

    public int KeysShow()
    {
        var key = LoadKey();
        options.EnsureAllUsed();
        output.WriteLine(key.Address.ToString());
        return EdgeCli.Ok;
    }

    /// <summary>
    /// Produces registration evidence bound to this edge's address and the chain id (GPoW README §6). dev: a
    /// signature by the dev signer. TEE: the platform tool's quote/report/document, checked here to carry
    /// the binding before anything is sent (a wrong one would only burn a registration's gas).
    /// </summary>
    public async Task<int> AttestAsync()
    {
        var key = LoadKey();
        var outPath = options.Require("--out");
        var dev = options.Flag("--dev");
        var kindName = options.Get("--kind") ?? (dev ? "dev" : throw new EdgeUsageException("give --dev or --kind sgx|tdx|sev-snp|nitro"));
        var kind = KindOf(kindName);
        if (dev && kind != EdgeKinds.Dev)
        {
            throw new EdgeUsageException("--dev and --kind name different kinds");
        }

        var signerFile = options.Get("--dev-signer-key-file");
        var quotePath = options.Get("--quote");
        var collateralPath = options.Get("--collateral");
        using var rpc = new EdgeRpc(options.Rpc());
        options.EnsureAllUsed();
        var chain = new ChainView(rpc);
        var chainId = await chain.ChainIdAsync().ConfigureAwait(false);
        var binding = EdgeAttestation.Binding(chainId, key.Address);
        byte[] evidence;
        byte[] collateral = [];
        if (kind == EdgeKinds.Dev)
        {
            if (!(await chain.ParamsAsync().ConfigureAwait(false)).DevEnabled)
            {
                throw new CallRefusedException($"chain {chainId} does not enable the dev attestation (only a devnet genesis does)");
            }

            var signer = signerFile is null ? EdgeKey.FromLabel(DevSignerLabel) : EdgeKey.Load(signerFile);
            evidence = SignDev(signer, binding);
            output.WriteLine($"DEVNET ONLY: dev attestation of {key.Address} for chain {chainId} signed by {signer.Address}");
        }
        else
        {
            evidence = ReadFile(quotePath ?? throw new EdgeUsageException($"--kind {kindName} needs --quote FILE (made by the platform's attestation tool)"));
            collateral = collateralPath is null ? [] : ReadFile(collateralPath);
            var carried = ReportData(kind, evidence);
            var expected = EdgeAttestation.ExpectedReportData(kind, binding);
            if (!carried.AsSpan().SequenceEqual(expected))
            {
                error.WriteLine($"error: the {kindName} evidence carries report data {Hex.Encode(carried)}, but this edge on chain {chainId} needs {Hex.Encode(expected)}");
                error.WriteLine($"       (ask the platform tool for a quote over report data = {Hex.Encode(expected)})");
                return EdgeCli.Refused;
            }

            output.WriteLine($"{kindName} evidence carries the binding of {key.Address} on chain {chainId}");
        }

        var document = new Dictionary<string, object>
        {
            ["kind"] = EdgeKinds.Name(kind),
            ["edge"] = key.Address.ToLowerHex(),
            ["chainId"] = chainId,
            ["evidence"] = Hex.Encode(evidence),
            ["collateral"] = Hex.Encode(collateral),
        };
        File.WriteAllText(outPath, JsonSerializer.Serialize(document, Indented));
        output.WriteLine($"evidence written to {outPath}");
        return EdgeCli.Ok;
    }

    public async Task<int> RegisterAsync(CancellationToken cancel)
    {
        var key = LoadKey();
        var evidencePath = options.Require("--evidence");
        var region = options.Get("--region") ?? "local";
        var declared = new DeclaredResources(
            Bounded(options.Number("--bandwidth-mbps", 0), "--bandwidth-mbps"), Bounded(options.Number("--storage-gib", 0), "--storage-gib"),
            options.Number("--compute-units", 0));
        if (declared.Problem() is { } problem)
        {
            throw new EdgeUsageException($"declared resources: {problem} (declare --bandwidth-mbps, --storage-gib and/or --compute-units per epoch)");
        }

        using var rpc = new EdgeRpc(options.Rpc());
        var chain = new ChainView(rpc);
        var bond = options.Amount("--bond", (await chain.ParamsAsync().ConfigureAwait(false)).MinBond);
        options.EnsureAllUsed();
        var (kind, evidence, collateral) = ReadEvidence(evidencePath, key.Address);
        var calldata = WorkProofAbi.RegisterEdge.EncodeCall(AbiValue.UInt(kind), AbiValue.Bytes(evidence), AbiValue.Bytes(collateral), AbiValue.String(region),
            AbiValue.UInt(declared.BandwidthMbps), AbiValue.UInt(declared.StorageGiB), AbiValue.UInt(declared.ComputeUnits));
        var outcome = await new EdgeTxSender(rpc, ReceiptTimeout).SendAsync(key, calldata, bond, cancel).ConfigureAwait(false);
        return EdgeCli.Report(outcome, $"registered edge {key.Address} ({EdgeKinds.Name(kind)}, bond {EdgeCli.Ether(bond)})", output, error);
    }

    public async Task<int> ReportAsync(CancellationToken cancel)
    {
        var key = LoadKey();
        var figures = ReportFigures.From(options);
        var epochOption = options.OptionalNumber("--epoch");
        if (options.Flag("--loop"))
        {
            return epochOption is null
                ? await ReportLoopAsync(key, figures, cancel).ConfigureAwait(false)
                : throw new EdgeUsageException("--loop reports every epoch as it ends; --epoch names one (give one of them)");
        }

        using var rpc = new EdgeRpc(options.Rpc());
        options.EnsureAllUsed();
        var chain = new ChainView(rpc);
        var p = await chain.ParamsAsync().ConfigureAwait(false);
        var head = await chain.HeadAsync().ConfigureAwait(false);
        var current = head / p.EpochBlocks;
        var epoch = epochOption ?? (current == 0 ? throw new EdgeUsageException("epoch 0 is still running: its work is reported in epoch 1") : current - 1);
        if (epochOption is null && head % p.EpochBlocks >= p.ReportWindowBlocks)
        {
            error.WriteLine($"warning: block {head} is past epoch {current}'s report window ({p.ReportWindowBlocks} blocks); serve-challenges --report-each-epoch reports on time");
        }
        var outcome = await new EdgeTxSender(rpc, ReceiptTimeout).SendAsync(key, figures.Calldata(epoch), UInt256.Zero, cancel).ConfigureAwait(false);
        return EdgeCli.Report(outcome, $"work report of epoch {epoch}", output, error);
    }

    /// <summary>
    /// <c>report --loop</c>: one report per report epoch, each sent when the next epoch's report window opens
    /// (heads from <see cref="HeadWatcher"/>), until epoch <c>--until-epoch</c> begins or until stopped.
    /// </summary>
    private async Task<int> ReportLoopAsync(EdgeKey key, ReportFigures figures, CancellationToken cancel)
    {
        var until = options.OptionalNumber("--until-epoch");
        using var rpc = new EdgeRpc(options.Rpc());
        var watcher = HeadWatcher.From(options, rpc, output, error);
        options.EnsureAllUsed();
        var chain = new ChainView(rpc);
        var p = await chain.ParamsAsync().ConfigureAwait(false);
        var reporter = new EpochReporter(chain, new EdgeTxSender(rpc, ReceiptTimeout), key, figures, p, output, error);
        output.WriteLine($"reporting for {key.Address} each epoch ({p.EpochBlocks} blocks, report window {p.ReportWindowBlocks})");
        output.Flush();
        await watcher.FollowAsync(async head =>
        {
            if (until is { } last && head / p.EpochBlocks >= last)
            {
                return false;
            }

            await reporter.OnHeadAsync(head, cancel).ConfigureAwait(false);
            return true;
        }, cancel).ConfigureAwait(false);
        return EdgeCli.Ok;
    }

    public async Task<int> StatusAsync()
    {
        var address = options.Get("--address") is { } text
            ? (Address.TryParse(text, out var a) ? a : throw new EdgeUsageException("--address must be 0x and 40 hex digits"))
            : LoadKey().Address;
        using var rpc = new EdgeRpc(options.Rpc());
        options.EnsureAllUsed();
        var chain = new ChainView(rpc);
        var p = await chain.ParamsAsync().ConfigureAwait(false);
        var head = await chain.HeadAsync().ConfigureAwait(false);
        var edge = await rpc.CallAsync("aro_getEdgeNode", address.ToLowerHex()).ConfigureAwait(false);
        var current = head / p.EpochBlocks;
        output.WriteLine($"edge        {address}");
        output.WriteLine($"block       {head} (epoch {current}, {p.EpochBlocks} blocks each)");
        foreach (var name in new[] { "kind", "region", "bond", "claimable", "attestationExpiresAt", "registeredBlock", "left", "excellentStreak" })
        {
            output.WriteLine($"{name,-21} {ChainView.Text(edge.GetProperty(name))}");
        }

        var declared = edge.GetProperty("declared");
        output.WriteLine($"{"declared",-21} {ChainView.Text(declared.GetProperty("bandwidthMbps"))} Mbps, {ChainView.Text(declared.GetProperty("storageGiB"))} GiB, {ChainView.Text(declared.GetProperty("computeUnits"))} compute units per epoch");

        for (var e = current >= 3 ? current - 3 : 0; e < current; e++)
        {
            if (await chain.WorkReportAsync(address, e).ConfigureAwait(false) is not { } report)
            {
                output.WriteLine($"epoch {e}: no report");
                continue;
            }

            var result = report.GetProperty("result");
            output.WriteLine(result.ValueKind == JsonValueKind.Object
                ? $"epoch {e}: score {ChainView.Text(result.GetProperty("score"))}, reward {ChainView.Text(result.GetProperty("reward"))} wei, verdicts {ChainView.Text(result.GetProperty("verdicts"))}, challenge failed {ChainView.Text(result.GetProperty("challengeFailed"))}"
                : $"epoch {e}: reported, {report.GetProperty("verdicts").GetArrayLength()} verdicts, not scored yet");
        }

        return EdgeCli.Ok;
    }

    public async Task<int> ClaimAsync(CancellationToken cancel)
    {
        var key = LoadKey();
        using var rpc = new EdgeRpc(options.Rpc());
        options.EnsureAllUsed();
        var outcome = await new EdgeTxSender(rpc, ReceiptTimeout).SendAsync(key, WorkProofAbi.ClaimEdgeRewards.EncodeCall(), UInt256.Zero, cancel).ConfigureAwait(false);
        return EdgeCli.Report(outcome, $"rewards of {key.Address} claimed", output, error);
    }

    internal static byte[] SignDev(EdgeKey signer, in Hash256 binding)
    {
        var digest = EdgeAttestation.DevDigest(binding);
        var signature = new byte[65];
        Secp256k1.SignRecoverable(digest.Bytes, signer.PrivateKey, signature.AsSpan(0, 64), out var v);
        signature[64] = v;
        return signature;
    }

    private EdgeKey LoadKey()
    {
        var path = options.Require("--key-file");
        var key = EdgeKey.Load(path);
        if (EdgeKey.IsExposed(path))
        {
            error.WriteLine($"warning: {path} is readable by other users; restrict it with: chmod 600 {path}");
        }

        return key;
    }

    private static uint Bounded(ulong value, string name) =>
        value <= uint.MaxValue ? (uint)value : throw new EdgeUsageException($"{name} is at most {uint.MaxValue}");

    private static byte KindOf(string name) => name switch
    {
        "dev" => EdgeKinds.Dev,
        "sgx" => EdgeKinds.Sgx,
        "tdx" => EdgeKinds.Tdx,
        "sev-snp" => EdgeKinds.SevSnp,
        "nitro" => EdgeKinds.Nitro,
        _ => throw new EdgeUsageException($"--kind must be dev, sgx, tdx, sev-snp or nitro, not '{name}'"),
    };

    /// <summary>The report data the evidence carries, read with the same parsers the chain verifies with.</summary>
    private static byte[] ReportData(byte kind, byte[] evidence)
    {
        try
        {
            var attestationKind = kind switch
            {
                EdgeKinds.Sgx => AttestationKind.Sgx,
                EdgeKinds.Tdx => AttestationKind.Tdx,
                EdgeKinds.SevSnp => AttestationKind.SevSnp,
                _ => AttestationKind.Nitro,
            };
            return EvidenceReportData.Read(attestationKind, evidence);
        }
        catch (AttestationFormatException e)
        {
            throw new EdgeUsageException($"the {EdgeKinds.Name(kind)} evidence does not parse: {e.Message}");
        }
    }

    private static byte[] ReadFile(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EdgeUsageException($"cannot read {path}: {e.Message}");
        }
    }

    private static (byte Kind, byte[] Evidence, byte[] Collateral) ReadEvidence(string path, Address edge)
    {
        try
        {
            using var document = JsonDocument.Parse(ReadFile(path));
            var root = document.RootElement;
            if (!Address.TryParse(root.GetProperty("edge").GetString(), out var bound) || bound != edge)
            {
                throw new EdgeUsageException($"{path} was made for edge {root.GetProperty("edge").GetString()}, not {edge}");
            }

            return (KindOf(root.GetProperty("kind").GetString()!), Hex.Decode(root.GetProperty("evidence").GetString()!), Hex.Decode(root.GetProperty("collateral").GetString()!));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new EdgeUsageException($"{path} is not an evidence file made by aro-edge attest: {e.Message}");
        }
    }
}

/// <summary>The figures of one work report (measured by the operator's tooling or configured) and the data it commits to.</summary>
internal sealed record ReportFigures(ulong BandwidthBytes, ulong StorageBytes, ulong ComputeUnits, uint UptimePpm, EdgeData? Data)
{
    public static ReportFigures From(EdgeOptions options, EdgeData? data = null)
    {
        if (data is null && options.Get("--data") is { } path)
        {
            data = EdgeData.Load(path);
        }

        var uptime = options.Number("--uptime-ppm", 1_000_000);
        if (uptime > 1_000_000)
        {
            throw new EdgeUsageException("--uptime-ppm is at most 1000000");
        }

        return new ReportFigures(
            options.Number("--bandwidth-bytes", 0),
            options.Number("--storage-bytes", data is null ? 0 : (ulong)data.Length),
            options.Number("--compute-units", 0),
            (uint)uptime,
            data);
    }

    public byte[] Calldata(ulong epoch) => WorkProofAbi.SubmitWorkReport.EncodeCall(
        AbiValue.UInt(epoch), AbiValue.UInt(BandwidthBytes), AbiValue.UInt(StorageBytes), AbiValue.UInt(ComputeUnits), AbiValue.UInt(UptimePpm),
        AbiValue.Bytes((Data?.Root ?? Hash256.Zero).ToArray()), AbiValue.UInt(Data?.ChunkCount ?? 0));
}
