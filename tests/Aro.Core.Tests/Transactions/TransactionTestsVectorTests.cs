using System.Text.Json;
using Aro.Core.Transactions;
using Aro.Testing;

namespace Aro.Core.Tests.Transactions;

/// <summary>
/// ethereum/tests TransactionTests under current (Cancun) rules: valid vectors decode to the expected
/// hash, sender and intrinsic gas; invalid ones are refused by decode, static validation or sender
/// recovery. The vectors are signed for chain id 1.
/// </summary>
public class TransactionTestsVectorTests
{
    private const ulong VectorChainId = 1;

    // EEST's exception names and the reasons this client gives for the same defect.
    private static readonly Dictionary<string, TxError[]> ExpectedErrors = new()
    {
        ["TransactionException.TYPE_NOT_SUPPORTED"] = [TxError.UnknownType],
        ["TransactionException.RLP_ERROR_SIZE"] = [TxError.MalformedRlp],
        ["TransactionException.RLP_INVALID_GASLIMIT"] = [TxError.MalformedRlp],
        ["TransactionException.RLP_LEADING_ZEROS_NONCE"] = [TxError.NonCanonicalInteger],
        ["TransactionException.RLP_LEADING_ZEROS_BASEFEE"] = [TxError.NonCanonicalInteger],
        ["TransactionException.RLP_LEADING_ZEROS_PRIORITY_FEE"] = [TxError.NonCanonicalInteger],
        ["TransactionException.GASPRICE_OVERFLOW"] = [TxError.FieldTooLarge],
        ["TransactionException.PRIORITY_OVERFLOW"] = [TxError.FieldTooLarge],
        ["TransactionException.RLP_INVALID_ACCESS_LIST_ADDRESS_TOO_LONG"] = [TxError.InvalidAccessList],
        ["TransactionException.RLP_INVALID_ACCESS_LIST_ADDRESS_TOO_SHORT"] = [TxError.InvalidAccessList],
        ["TransactionException.RLP_INVALID_ACCESS_LIST_STORAGE_TOO_LONG"] = [TxError.InvalidAccessList],
        ["TransactionException.RLP_INVALID_ACCESS_LIST_STORAGE_TOO_SHORT"] = [TxError.InvalidAccessList],
        ["TransactionException.INVALID_CHAINID"] = [TxError.InvalidChainId],
        ["TransactionException.INVALID_SIGNATURE_VRS"] = [TxError.InvalidSignature, TxError.HighS, TxError.InvalidV],
        ["TransactionException.NONCE_TOO_BIG"] = [TxError.NonceTooLarge],
        ["TransactionException.PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS_2"] = [TxError.PriorityFeeAboveMaxFee],
        ["TransactionException.GASLIMIT_PRICE_PRODUCT_OVERFLOW"] = [TxError.GasLimitFeeProductOverflow],
        ["TransactionException.INTRINSIC_GAS_TOO_LOW"] = [TxError.IntrinsicGasTooLow],
    };

    // Newest first: the ttWrongRLP files stop at Shanghai.
    private static readonly string[] ForkPreference = ["Prague", "Cancun", "Shanghai"];

    [Fact]
    public void Every_TransactionTests_vector_is_accepted_or_refused_as_its_newest_fork_expects()
    {
        var root = TestData.Path("ethereum", "ethereum-tests", "TransactionTests");
        var files = Directory.GetFiles(root, "*.json", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        var runs = new SortedDictionary<string, VectorRun>(StringComparer.Ordinal);
        var filesPerFolder = new Dictionary<string, int>();
        int valid = 0, invalid = 0;
        foreach (var file in files)
        {
            var folder = Path.GetFileName(Path.GetDirectoryName(file)!);
            if (!runs.TryGetValue(folder, out var run))
            {
                runs[folder] = run = new VectorRun($"TransactionTests/{folder}");
            }

            filesPerFolder[folder] = filesPerFolder.GetValueOrDefault(folder) + 1;
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var test in document.RootElement.EnumerateObject())
            {
                var raw = Hex.Decode(test.Value.GetProperty("txbytes").GetString()!);
                var expected = NewestFork(test.Value.GetProperty("result"));
                if (expected.TryGetProperty("exception", out var exception))
                {
                    invalid++;
                    var name = exception.GetString()!;
                    run.Case($"{folder}/{test.Name} ({name})", () => AssertRefused(raw, name));
                }
                else
                {
                    valid++;
                    run.Case($"{folder}/{test.Name}", () => AssertAccepted(raw, expected));
                }
            }
        }

        Assert.Equal(["ttEIP1559", "ttEIP2028", "ttEIP2930", "ttNonce", "ttRSValue", "ttSignature", "ttVValue", "ttWrongRLP"], runs.Keys);
        foreach (var (folder, run) in runs)
        {
            run.AssertAll(atLeast: filesPerFolder[folder]);
        }

        Assert.Equal(files.Length, valid + invalid);
        Assert.True(files.Length >= 40, $"only {files.Length} TransactionTests files");
        Assert.True(valid >= 13, $"only {valid} valid vectors");
        Assert.True(invalid >= 27, $"only {invalid} invalid vectors");
    }

    private static void AssertAccepted(byte[] raw, JsonElement expected)
    {
        var tx = TxDecoder.Decode(raw);
        TxValidator.ValidateStatic(tx, VectorChainId);
        Assert.Equal(expected.GetProperty("hash").GetString(), tx.Hash.ToString());
        Assert.Equal(Address.Parse(expected.GetProperty("sender").GetString()!), TxSender.Recover(tx));
        Assert.Equal(UInt256.Parse(expected.GetProperty("intrinsicGas").GetString()!), (UInt256)IntrinsicGas.Calculate(tx));
        Assert.Equal(raw, TxEncoder.Encode(tx));
    }

    private static void AssertRefused(byte[] raw, string exceptionName)
    {
        var error = Assert.Throws<TransactionFormatException>(() =>
        {
            var tx = TxDecoder.Decode(raw);
            TxValidator.ValidateStatic(tx, VectorChainId);
            TxSender.Recover(tx);
        });
        Assert.True(ExpectedErrors.TryGetValue(exceptionName, out var expected), $"unmapped exception name {exceptionName}");
        Assert.Contains(error.Error, expected);
    }

    private static JsonElement NewestFork(JsonElement result)
    {
        foreach (var fork in ForkPreference)
        {
            if (result.TryGetProperty(fork, out var entry))
            {
                return entry;
            }
        }

        throw new InvalidOperationException("No Prague, Cancun or Shanghai result in the vector.");
    }
}
