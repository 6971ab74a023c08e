using System.Text.Encodings.Web;
using System.Text.Json;
using Aro.Attestation;

namespace Aro.Node.Cli;

/// <summary>Renders a verdict for people (a table) or for programs (one JSON object, fields in a fixed order).</summary>
internal static class VerdictWriter
{
    public static void WriteTable(TextWriter output, AttestationVerdict verdict)
    {
        output.WriteLine($"kind         {AttestationVerifier.Name(verdict.Kind)}");
        output.WriteLine($"verified at  {VerificationTime.Format(verdict.VerifiedAt)}");
        output.WriteLine($"verdict      {(verdict.IsValid ? "VALID" : "INVALID")}");
        output.WriteLine();

        var nameWidth = Math.Max(5, verdict.Checks.Max(c => c.Name.Length));
        output.WriteLine($"{"CHECK".PadRight(nameWidth)}  RESULT  DETAIL");
        foreach (var check in verdict.Checks)
        {
            output.WriteLine($"{check.Name.PadRight(nameWidth)}  {(check.Passed ? "PASS" : "FAIL"),-6}  {check.Detail}".TrimEnd());
        }

        var rows = new List<(string Name, string Value)>();
        foreach (var measurement in verdict.Measurements)
        {
            rows.Add((measurement.Name, Hex(measurement.Value)));
        }

        rows.Add(("report_data", Hex(verdict.ReportData)));
        if (verdict.TcbStatus is { } status)
        {
            rows.Add(("tcb_status", status.ToString()));
            rows.Add(("advisory_ids", string.Join(",", verdict.AdvisoryIds)));
        }

        rows.Add(("debug_mode", verdict.DebugMode ? "true" : "false"));
        if (verdict.Vmpl is { } vmpl)
        {
            rows.Add(("vmpl", vmpl.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (verdict.ProducedAt is { } producedAt)
        {
            rows.Add(("produced_at", VerificationTime.Format(producedAt)));
        }

        if (!verdict.PublicKey.IsEmpty)
        {
            rows.Add(("public_key", Hex(verdict.PublicKey)));
        }

        if (!verdict.Nonce.IsEmpty)
        {
            rows.Add(("nonce", Hex(verdict.Nonce)));
        }

        WriteSection(output, "MEASUREMENTS", rows);
        WriteSection(output, "DETAILS", verdict.Details.Select(d => (d.Key, d.Value)).ToList());
    }

    public static void WriteJson(TextWriter output, AttestationVerdict verdict)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("kind", AttestationVerifier.Name(verdict.Kind));
            json.WriteBoolean("valid", verdict.IsValid);
            json.WriteString("verifiedAt", VerificationTime.Format(verdict.VerifiedAt));
            json.WriteStartArray("checks");
            foreach (var check in verdict.Checks)
            {
                json.WriteStartObject();
                json.WriteString("name", check.Name);
                json.WriteBoolean("passed", check.Passed);
                if (check.Detail is null)
                {
                    json.WriteNull("detail");
                }
                else
                {
                    json.WriteString("detail", check.Detail);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("measurements");
            foreach (var measurement in verdict.Measurements)
            {
                json.WriteString(measurement.Name, Hex(measurement.Value));
            }

            json.WriteEndObject();
            json.WriteString("reportData", Hex(verdict.ReportData));
            if (verdict.TcbStatus is { } status)
            {
                json.WriteString("tcbStatus", status.ToString());
            }
            else
            {
                json.WriteNull("tcbStatus");
            }

            json.WriteStartArray("advisoryIds");
            foreach (var advisory in verdict.AdvisoryIds)
            {
                json.WriteStringValue(advisory);
            }

            json.WriteEndArray();
            json.WriteBoolean("debugMode", verdict.DebugMode);
            if (verdict.Vmpl is { } vmpl)
            {
                json.WriteNumber("vmpl", vmpl);
            }
            else
            {
                json.WriteNull("vmpl");
            }

            if (verdict.ProducedAt is { } producedAt)
            {
                json.WriteString("producedAt", VerificationTime.Format(producedAt));
            }
            else
            {
                json.WriteNull("producedAt");
            }

            json.WriteString("publicKey", Hex(verdict.PublicKey));
            json.WriteString("nonce", Hex(verdict.Nonce));
            json.WriteStartObject("details");
            foreach (var (key, value) in verdict.Details.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteSection(TextWriter output, string title, List<(string Name, string Value)> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(title);
        var width = rows.Max(r => r.Name.Length);
        foreach (var (name, value) in rows)
        {
            output.WriteLine($"{name.PadRight(width)}  {value}");
        }
    }

    private static string Hex(ReadOnlyMemory<byte> value) => Convert.ToHexStringLower(value.Span);
}
