using Aro.Core;

namespace Aro.Execution.Execution;

/// <summary>Chain-wide fee rules.</summary>
public sealed record ExecutionParameters
{
    /// <summary>Floor of the base fee (the chain's minimum gas price); <see cref="BaseFee.Next"/> never goes below it.</summary>
    public UInt256 MinBaseFee { get; init; } = 1;

    /// <summary>
    /// True (default, Ethereum's rule): base fee × gas used is burnt and only the priority fee goes to
    /// the proposer. False: the proposer receives the whole effective price.
    /// </summary>
    public bool BurnBaseFee { get; init; } = true;

    /// <summary>
    /// Where the fee that is not burnt goes. Null (default): the block's proposer. Set: this account
    /// instead (the node sets the GPoS module's address, which shares fees out per epoch).
    /// </summary>
    public Address? FeeRecipient { get; init; }
}
