using System.Text;
using System.Text.Json;
using Aro.Core;
using Aro.Testing;

namespace Aro.State.Tests;

/// <summary>Reads ethereum/tests TrieTests files: 0x-prefixed strings are hex, others ASCII, null deletes.</summary>
internal static class TrieVectors
{
    public static JsonDocument Load(string file) =>
        JsonDocument.Parse(TestData.ReadText("ethereum", "ethereum-tests", "TrieTests", file));

    public static byte[]? Bytes(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String when element.GetString()!.StartsWith("0x", StringComparison.Ordinal) => Hex.Decode(element.GetString()!),
        JsonValueKind.String => Encoding.ASCII.GetBytes(element.GetString()!),
        _ => throw new InvalidDataException($"Unexpected trie vector item {element}."),
    };

    /// <summary>The case's operations in file order: an array of [key, value] pairs or an object.</summary>
    public static List<(byte[] Key, byte[]? Value)> Operations(JsonElement testCase)
    {
        var input = testCase.GetProperty("in");
        var operations = new List<(byte[] Key, byte[]? Value)>();
        if (input.ValueKind == JsonValueKind.Array)
        {
            foreach (var pair in input.EnumerateArray())
            {
                operations.Add((Bytes(pair[0])!, Bytes(pair[1])));
            }
        }
        else
        {
            foreach (var property in input.EnumerateObject())
            {
                var key = property.Name.StartsWith("0x", StringComparison.Ordinal)
                    ? Hex.Decode(property.Name)
                    : Encoding.ASCII.GetBytes(property.Name);
                operations.Add((key, Bytes(property.Value)));
            }
        }

        return operations;
    }

    public static Hash256 ExpectedRoot(JsonElement testCase) => Hash256.Parse(testCase.GetProperty("root").GetString()!);

    /// <summary>The key → value map the operations leave behind.</summary>
    public static Dictionary<string, byte[]> FinalState(IEnumerable<(byte[] Key, byte[]? Value)> operations)
    {
        var state = new Dictionary<string, byte[]>();
        foreach (var (key, value) in operations)
        {
            if (value is null || value.Length == 0)
            {
                state.Remove(Convert.ToHexString(key));
            }
            else
            {
                state[Convert.ToHexString(key)] = value;
            }
        }

        return state;
    }
}
