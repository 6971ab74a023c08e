using Aro.Core.Abi;

namespace Aro.Execution.Execution;

/// <summary>Block events the executor itself writes about a block's evidence (at the handler module's address).</summary>
public static class EvidenceEvents
{
    /// <summary>
    /// <c>EvidenceRefused(bytes32 indexed evidenceHash, address indexed validator, bytes reason)</c>: the handler
    /// refused a piece (already tombstoned, unknown keeper, too old …); <c>reason</c> is its revert data. The
    /// block stays valid and the piece's writes are undone.
    /// </summary>
    public static readonly AbiEvent Refused = AbiEvent.Parse("EvidenceRefused(bytes32,address,bytes)", 0, 1);
}
