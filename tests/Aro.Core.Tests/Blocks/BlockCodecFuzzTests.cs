using Aro.Core.Blocks;
using Aro.Core.Tests.Blocks.Builders;
using Aro.Core.Transactions;
using Aro.Testing;

namespace Aro.Core.Tests.Blocks;

/// <summary>
/// Every truncation and every single-byte change of a valid header, commit, receipt and block
/// either decodes to something that re-encodes to exactly the input (one encoding per value) or
/// raises BlockFormatException: no other exception escapes a block codec.
/// </summary>
public class BlockCodecFuzzTests
{
    private static readonly byte[] Replacements = [0x00, 0x01, 0x02, 0x7f, 0x80, 0x81, 0xa0, 0xb7, 0xb8, 0xbf, 0xc0, 0xf7, 0xf8, 0xff];

    public static TheoryData<string> Codecs() => ["header", "commit", "receipt", "block"];

    [Theory]
    [MemberData(nameof(Codecs))]
    public void Truncations_throw_BlockFormatException(string codec)
    {
        var (valid, roundTrip) = Subject(codec);
        var run = new VectorRun($"{codec} truncations");
        for (var length = 0; length < valid.Length; length++)
        {
            var truncated = valid[..length];
            run.Case($"[..{length}]", () => Assert.Throws<BlockFormatException>(() => roundTrip(truncated)));
        }

        run.AssertAll(atLeast: 100);
    }

    [Theory]
    [MemberData(nameof(Codecs))]
    public void Single_byte_changes_decode_canonically_or_throw_BlockFormatException(string codec)
    {
        var (valid, roundTrip) = Subject(codec);
        var run = new VectorRun($"{codec} mutations");
        for (var index = 0; index < valid.Length; index++)
        {
            foreach (var replacement in Replacements)
            {
                var mutated = (byte[])valid.Clone();
                mutated[index] = replacement;
                run.Case($"[{index}]={replacement:x2}", () =>
                {
                    byte[] reencoded;
                    try
                    {
                        reencoded = roundTrip(mutated);
                    }
                    catch (BlockFormatException)
                    {
                        return;
                    }

                    Assert.Equal(mutated, reencoded);
                });
            }
        }

        run.AssertAll(atLeast: 1_000);
    }

    private static (byte[] Valid, Func<byte[], byte[]> RoundTrip) Subject(string codec) => codec switch
    {
        "header" => (HeaderCodec.Encode(Build.Header().TestObject), b => HeaderCodec.Encode(HeaderCodec.Decode(b))),
        "commit" => (
            CommitCodec.Encode(Build.Commit().SignedBy(0, TestKeys.ValidatorA).SignedBy(1, TestKeys.ValidatorB).TestObject),
            b => CommitCodec.Encode(CommitCodec.Decode(b))),
        "receipt" => (
            ReceiptCodec.Encode(Build.Receipt().OfType(TxType.DynamicFee).WithLog(TestKeys.AddressOf(TestKeys.ValidatorC), [1, 2], "a", "b").TestObject),
            b => ReceiptCodec.Encode(ReceiptCodec.Decode(b))),
        "block" => (
            BlockCodec.Encode(Build.Block().WithParent(Build.Header().WithNumber(4).TestObject).WithSampleTransactions().TestObject),
            b => BlockCodec.Encode(BlockCodec.Decode(b))),
        _ => throw new ArgumentOutOfRangeException(nameof(codec)),
    };
}
