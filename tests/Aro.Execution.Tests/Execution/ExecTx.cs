using Aro.Core;
using Aro.Execution.Execution;

namespace Aro.Execution.Tests.Execution;

/// <summary>
/// The execution tests' accounts and block: <c>ExecTx.From(ExecTx.Alice).To(x).Value(5).Build()</c>
/// builds a <see cref="TestTx"/> priced at a 2 wei tip and a 20 wei fee cap.
/// </summary>
internal static class ExecTx
{
    public const ulong ChainId = TestTx.ChainId;

    public static readonly byte[] Alice = TestTx.Key(0x211);
    public static readonly byte[] Bob = TestTx.Key(0x222);

    public static readonly Address Recipient = TestTx.Recipient;
    public static readonly Address Proposer = Address.Parse("0x" + new string('9', 40));

    public static TestTx From(byte[] key) => TestTx.From(key).Tip(2).MaxFee(20);

    public static Address AddressOf(byte[] key) => TestTx.AddressOf(key);

    public static BlockContext Block(UInt256 baseFee, ulong gasLimit = 30_000_000) =>
        new(Number: 7, Timestamp: 1_700_000_000, Proposer, baseFee, gasLimit, ChainId, Epoch: 0);
}
