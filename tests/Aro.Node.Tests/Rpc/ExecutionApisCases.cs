using System.Text.Json;
using Aro.Testing;

namespace Aro.Node.Tests.Rpc;

/// <summary>Reads the recorded responses of ethereum/execution-apis (tests/&lt;method&gt;/&lt;case&gt;.io) in place.</summary>
internal static class ExecutionApisCases
{
    /// <summary>Every recorded response of <paramref name="method"/> that has a result object, by case name.</summary>
    public static IEnumerable<(string Name, JsonElement Result)> ObjectResults(string method)
    {
        var folder = TestData.Path("ethereum", "execution-apis", "tests", method);
        foreach (var file in Directory.GetFiles(folder, "*.io").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.StartsWith("<< ", StringComparison.Ordinal)
                    && JsonDocument.Parse(line[3..]).RootElement.TryGetProperty("result", out var result)
                    && result.ValueKind == JsonValueKind.Object)
                {
                    yield return (Path.GetFileNameWithoutExtension(file), result.Clone());
                }
            }
        }
    }

    public static JsonElement Result(string method, string caseName) =>
        ObjectResults(method).Single(c => c.Name == caseName).Result;

    public static string[] FieldNames(JsonElement obj) => [.. obj.EnumerateObject().Select(p => p.Name)];
}
