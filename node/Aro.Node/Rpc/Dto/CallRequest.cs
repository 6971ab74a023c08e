using Aro.Core;

namespace Aro.Node.Rpc.Dto;

/// <summary>
/// The transaction-call object of eth_call and eth_estimateGas (geth's TransactionArgs). Every field is
/// optional; "input" is the spec's name for the calldata and "data" the older one, accepted when they agree.
/// </summary>
internal sealed class CallRequest
{
    public Address? From { get; init; }

    public Address? To { get; init; }

    public ulong? Gas { get; init; }

    public UInt256? GasPrice { get; init; }

    public UInt256? MaxFeePerGas { get; init; }

    public UInt256? MaxPriorityFeePerGas { get; init; }

    public UInt256? Value { get; init; }

    public ulong? Nonce { get; init; }

    public byte[]? Input { get; init; }

    public byte[]? Data { get; init; }

    public ulong? ChainId { get; init; }

    public ulong? Type { get; init; }

    public IReadOnlyList<AccessListDto>? AccessList { get; init; }
}
