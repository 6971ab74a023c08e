using Aro.Core;
using Aro.Core.Blocks;
using Aro.Core.Transactions;

namespace Aro.Node.Rpc.Dto;

/// <summary>A receipt as eth_getTransactionReceipt answers it, in geth's field order.</summary>
internal sealed class ReceiptDto
{
    public required Hash256 BlockHash { get; init; }

    public required ulong BlockNumber { get; init; }

    /// <summary>Always null: contract creation is not supported.</summary>
    public Address? ContractAddress => null;

    public required ulong CumulativeGasUsed { get; init; }

    public required UInt256 EffectiveGasPrice { get; init; }

    public required Address From { get; init; }

    public required ulong GasUsed { get; init; }

    public required IReadOnlyList<LogDto> Logs { get; init; }

    public required byte[] LogsBloom { get; init; }

    public required ulong Status { get; init; }

    public required Address? To { get; init; }

    public required Hash256 TransactionHash { get; init; }

    public required ulong TransactionIndex { get; init; }

    public required ulong Type { get; init; }

    /// <param name="firstLogIndex">The block-wide index of this receipt's first log.</param>
    public static ReceiptDto Create(Block block, IReadOnlyList<Receipt> receipts, int index, int firstLogIndex)
    {
        var tx = block.Body.Transactions[index];
        var receipt = receipts[index];
        var header = block.Header;
        var previous = index == 0 ? 0UL : receipts[index - 1].CumulativeGasUsed;
        var logs = new LogDto[receipt.Logs.Length];
        for (var i = 0; i < logs.Length; i++)
        {
            logs[i] = LogDto.Create(receipt.Logs[i], header, tx.Hash, index, firstLogIndex + i);
        }

        return new ReceiptDto
        {
            BlockHash = header.Hash,
            BlockNumber = header.Number,
            CumulativeGasUsed = receipt.CumulativeGasUsed,
            EffectiveGasPrice = Fees.EffectiveGasPrice(tx, header.BaseFeePerGas),
            From = TxSender.Recover(tx),
            GasUsed = receipt.CumulativeGasUsed - previous,
            Logs = logs,
            LogsBloom = receipt.Bloom.Bytes.ToArray(),
            Status = receipt.Succeeded ? 1UL : 0UL,
            To = tx.To,
            TransactionHash = tx.Hash,
            TransactionIndex = (ulong)index,
            Type = (ulong)tx.Type,
        };
    }
}
