using System.Text.Json;
using Aro.Core.Abi;
using Aro.Testing;
using static Aro.Core.Tests.Abi.AbiTestHex;

namespace Aro.Core.Tests.Abi;

/// <summary>
/// Revert data from ethereum/execution-apis eth_call / eth_estimateGas fixtures: a Panic(uint256)
/// and an Error(string) as a real client returned them.
/// </summary>
public class AbiRevertDataVectorTests
{
    private static readonly string[][] Fixtures =
    [
        ["ethereum", "execution-apis", "tests", "eth_call", "call-revert-abi-error.io"],
        ["ethereum", "execution-apis", "tests", "eth_call", "call-revert-abi-panic.io"],
        ["ethereum", "execution-apis", "tests", "eth_estimateGas", "estimate-call-abi-error.io"],
    ];

    [Fact]
    public void Revert_data_matches_our_encoding_of_the_reported_reason()
    {
        var run = new VectorRun("execution-apis revert data");
        foreach (var fixture in Fixtures)
        {
            var (message, data) = ReadError(fixture);
            run.Case(fixture[^1], () =>
            {
                if (data.AsSpan(0, 4).SequenceEqual(AbiError.Panic.Selector.ToArray()))
                {
                    // "assert(false)" is panic code 0x01.
                    Assert.Equal("execution reverted: assert(false)", message);
                    Assert.Equal(1UL, AbiError.Panic.Decode(data)[0].AsUInt64());
                    Assert.Equal(data, AbiError.Panic.Encode(AbiValue.UInt(1)));
                    return;
                }

                const string prefix = "execution reverted: ";
                Assert.StartsWith(prefix, message, StringComparison.Ordinal);
                var encoded = AbiError.EncodeErrorString(message[prefix.Length..]);

                // The fixture's contract returned the reason without its final padding; everything
                // it did return is byte-identical to the standard encoding.
                Assert.Equal(data, encoded[..data.Length]);
                Assert.Equal(AbiError.ErrorString.Decode(encoded)[0].AsString(), message[prefix.Length..]);
            });
        }

        run.AssertAll(atLeast: 3);
    }

    [Fact]
    public void Strict_decoding_rejects_error_string_revert_data_missing_its_padding()
    {
        var (_, data) = ReadError(Fixtures[0]);
        Assert.NotEqual(0, (data.Length - AbiSelector.Size) % 32);
        Assert.Throws<AbiFormatException>(() => AbiError.ErrorString.Decode(data));
    }

    private static (string Message, byte[] Data) ReadError(string[] fixture)
    {
        foreach (var line in File.ReadLines(TestData.Path(fixture)))
        {
            if (!line.StartsWith("<< ", StringComparison.Ordinal))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line[3..]);
            var error = json.RootElement.GetProperty("error");
            return (error.GetProperty("message").GetString()!, Parse(error.GetProperty("data").GetString()!));
        }

        throw new InvalidDataException($"No response line in {string.Join('/', fixture)}.");
    }
}
