using System.CommandLine;
using Aro.Attestation;

namespace Aro.Node.Cli;

/// <summary>
/// <c>aro-node attest verify</c>: verifies TEE evidence offline at an explicit time and prints the verdict,
/// so operators can check their own machines exactly as GPoW will. Exit 0 valid, 1 invalid, 2 usage or
/// format error (the message names the field and byte offset).
/// </summary>
internal static class AttestCommand
{
    public static Command Create()
    {
        var attest = new Command("attest", "TEE attestation tools.");
        attest.Add(CreateVerify());
        return attest;
    }

    private static Command CreateVerify()
    {
        var kind = new Option<string>("--kind")
        {
            Description = "Evidence kind: sgx, tdx, sev-snp or nitro.",
            Required = true,
        };
        kind.AcceptOnlyFromAmong("sgx", "tdx", "sev-snp", "nitro");
        var evidence = new Option<string>("--evidence")
        {
            Description = "Quote (sgx/tdx), report.bin (sev-snp) or attestation document (nitro).",
            Required = true,
        };
        var collateral = new Option<string?>("--collateral") { Description = "sgx/tdx: collateral.json." };
        var root = new Option<string?>("--root") { Description = "sgx/tdx: Intel SGX Root CA (DER); nitro: AWS Nitro Enclaves root (PEM or DER)." };
        var chain = new Option<string?>("--chain") { Description = "sev-snp: AMD ASK then ARK (PEM), as KDS serves cert_chain." };
        var vcek = new Option<string?>("--vcek") { Description = "sev-snp: the VCEK certificate (DER or PEM)." };
        var at = new Option<string>("--at")
        {
            Description = "Verification time: ISO-8601 UTC (2025-07-01T00:00:00Z) or Unix seconds. Required: the clock is never read.",
            Required = true,
        };
        var json = new Option<bool>("--json") { Description = "Print the verdict as JSON." };

        var verify = new Command("verify", "Verify attestation evidence offline and print the verdict.")
        {
            kind, evidence, collateral, root, chain, vcek, at, json,
        };

        verify.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            if (!AttestationVerifier.TryParseKind(parseResult.GetValue(kind), out var attestationKind))
            {
                return Usage(error, "--kind must be sgx, tdx, sev-snp or nitro");
            }

            if (!VerificationTime.TryParse(parseResult.GetValue(at), out var time))
            {
                return Usage(error, "--at must be an ISO-8601 UTC time (ending in Z) or Unix seconds");
            }

            var files = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["--collateral"] = parseResult.GetValue(collateral),
                ["--root"] = parseResult.GetValue(root),
                ["--chain"] = parseResult.GetValue(chain),
                ["--vcek"] = parseResult.GetValue(vcek),
            };
            if (CheckOptionsForKind(attestationKind, files) is { } usage)
            {
                return Usage(error, usage);
            }

            try
            {
                var inputs = new AttestationInputs(File.ReadAllBytes(parseResult.GetValue(evidence)!))
                {
                    Collateral = Read(files["--collateral"]),
                    TrustedRoot = Read(files["--root"]),
                    Chain = Read(files["--chain"]),
                    Vcek = Read(files["--vcek"]),
                };
                var verdict = AttestationVerifier.Verify(attestationKind, inputs, time);
                if (parseResult.GetValue(json))
                {
                    VerdictWriter.WriteJson(output, verdict);
                }
                else
                {
                    VerdictWriter.WriteTable(output, verdict);
                }

                return verdict.IsValid ? ExitCodes.Ok : ExitCodes.Invalid;
            }
            catch (AttestationFormatException e)
            {
                error.WriteLine($"error: malformed input: {e.Message}");
                return ExitCodes.UsageError;
            }
            catch (IOException e)
            {
                error.WriteLine($"error: {e.Message}");
                return ExitCodes.UsageError;
            }
            catch (UnauthorizedAccessException e)
            {
                error.WriteLine($"error: {e.Message}");
                return ExitCodes.UsageError;
            }
        });
        return verify;
    }

    /// <summary>Each kind takes exactly its own inputs; a stray option is more likely a mistake than intent.</summary>
    private static string? CheckOptionsForKind(AttestationKind kind, Dictionary<string, string?> files)
    {
        string[] needed = kind switch
        {
            AttestationKind.Sgx or AttestationKind.Tdx => ["--collateral", "--root"],
            AttestationKind.SevSnp => ["--vcek", "--chain"],
            _ => ["--root"],
        };
        foreach (var (option, value) in files)
        {
            var isNeeded = needed.Contains(option);
            if (isNeeded && value is null)
            {
                return $"{AttestationVerifier.Name(kind)} needs {option}";
            }

            if (!isNeeded && value is not null)
            {
                return $"{option} is not used for {AttestationVerifier.Name(kind)}";
            }
        }

        return null;
    }

    private static ReadOnlyMemory<byte>? Read(string? path) => path is null ? null : File.ReadAllBytes(path);

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        return ExitCodes.UsageError;
    }
}
