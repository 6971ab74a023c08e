using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aro.Testing;

namespace Aro.Node.Tests.Process;

/// <summary>
/// A real <c>aro-node</c> child process (the build beside this test assembly's configuration), its
/// output collected line by line, and JSON-RPC over real sockets to the port it reports.
/// </summary>
internal sealed partial class NodeProcessHarness : IDisposable
{
    private const int Sigint = 2;
    private const int Sigterm = 15;

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private readonly System.Diagnostics.Process _process;
    private readonly BlockingCollection<string> _lines = [];
    private readonly ConcurrentQueue<string> _all = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private NodeProcessHarness(System.Diagnostics.Process process)
    {
        _process = process;
    }

    public Uri? RpcUri { get; private set; }

    public string Output => string.Join('\n', _all);

    public string Errors => string.Join('\n', _errors);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Committed blocks the node reported, number → hash, in the order it reported them.</summary>
    public ConcurrentDictionary<ulong, string> Committed { get; } = new();

    // Interrupt sends SIGINT. A test run started as a background job of a non-interactive shell (a second loop
    // run to load the machine) ignores SIGINT, children inherit that, and the runtime then installs no SIGINT
    // handler: the node never sees the signal. env resets it to the default before it execs dotnet (same pid),
    // so the node handles SIGINT whatever the test run inherited.
    public static NodeProcessHarness Start(params string[] arguments) => Launch(["--default-signal=INT"], arguments);

    /// <summary>
    /// As started by a parent that ignores SIGINT (a shell's background job); with <paramref name="resetInterrupt"/>
    /// the harness's own reset follows, as <see cref="Start"/> applies it.
    /// </summary>
    public static NodeProcessHarness StartUnderParentIgnoringInterrupt(bool resetInterrupt, params string[] arguments) =>
        Launch(resetInterrupt ? ["--ignore-signal=INT", "env", "--default-signal=INT"] : ["--ignore-signal=INT"], arguments);

    private static NodeProcessHarness Launch(string[] envArguments, string[] arguments)
    {
        var start = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in envArguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(NodePath());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Tests run side by side: a node listens for P2P on a free loopback port unless told otherwise.
        if (arguments.Length > 0 && arguments[0] is "run" or "devnet" && !arguments.Contains("--p2p-port"))
        {
            start.ArgumentList.Add("--p2p-addr");
            start.ArgumentList.Add("127.0.0.1");
            start.ArgumentList.Add("--p2p-port");
            start.ArgumentList.Add("0");
        }

        var process = new System.Diagnostics.Process { StartInfo = start };
        var harness = new NodeProcessHarness(process);
        process.OutputDataReceived += (_, e) => harness.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                harness._errors.Enqueue(line);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return harness;
    }

    /// <summary>Waits for the "RPC listening on http://…" line and returns the URL it names.</summary>
    public Uri WaitForRpc(TimeSpan? timeout = null)
    {
        WaitForLine(line => line.StartsWith("RPC listening on ", StringComparison.Ordinal), timeout);
        return RpcUri!;
    }

    public string WaitForLine(Func<string, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_lines.TryTake(out var line, left))
            {
                throw new Xunit.Sdk.XunitException($"aro-node did not print the expected line.\nstdout:\n{Output}\nstderr:\n{Errors}");
            }

            if (match(line))
            {
                return line;
            }
        }
    }

    public ulong WaitForBlock(ulong number, TimeSpan? timeout = null)
    {
        var line = WaitForLine(l => CommittedLine().Match(l) is { Success: true } m && ulong.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) >= number, timeout);
        return ulong.Parse(CommittedLine().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public async Task<JsonElement> CallAsync(string method, params object[] parameters)
    {
        var request = new { jsonrpc = "2.0", id = 1, method, @params = parameters };
        using var response = await Http.PostAsJsonAsync(RpcUri, request);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public async Task<ulong> BlockNumberAsync()
    {
        var response = await CallAsync("eth_blockNumber");
        return Convert.ToUInt64(response.GetProperty("result").GetString(), 16);
    }

    /// <summary>Asks for a graceful stop (SIGINT, as Ctrl-C) and waits for the exit code.</summary>
    public int Interrupt(TimeSpan? timeout = null)
    {
        Assert.Equal(0, SendSignal(_process.Id, Sigint));
        Assert.True(_process.WaitForExit(timeout ?? TimeSpan.FromSeconds(20)), $"aro-node did not stop on SIGINT.\nstdout:\n{Output}");
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Asks for a graceful stop with SIGTERM (as a service manager does) and waits for the exit code.</summary>
    public int Terminate(TimeSpan? timeout = null)
    {
        Assert.Equal(0, SendSignal(_process.Id, Sigterm));
        Assert.True(_process.WaitForExit(timeout ?? TimeSpan.FromSeconds(20)), $"aro-node did not stop on SIGTERM.\nstdout:\n{Output}");
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no handler runs, nothing is flushed.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public int WaitForExit(TimeSpan? timeout = null)
    {
        Assert.True(_process.WaitForExit(timeout ?? TimeSpan.FromSeconds(30)), $"aro-node did not exit.\nstdout:\n{Output}");
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        _lines.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _all.Enqueue(line);
        if (line.StartsWith("RPC listening on ", StringComparison.Ordinal))
        {
            RpcUri = new Uri(line["RPC listening on ".Length..]);
        }

        if (CommittedLine().Match(line) is { Success: true } match)
        {
            Committed[ulong.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)] = match.Groups[2].Value;
        }

        _lines.Add(line);
    }

    private static string NodePath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(TestData.RepositoryRoot, "node", "Aro.Node", "bin", output.Parent!.Name, output.Name, "aro-node.dll");
        Assert.True(File.Exists(path), $"aro-node not built at {path}");
        return path;
    }

    [GeneratedRegex(@"Committed block (\d+) (0x[0-9a-f]{64}) ")]
    private static partial Regex CommittedLine();

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
