namespace Aro.Consensus.Core;

/// <summary>
/// The paper's valid(v): whether a proposed block may be decided at a height (it decodes, its hash is
/// the value's hash, it extends the head, it executes). Must be deterministic for a given block; the
/// core asks once per block and remembers the answer for the height.
/// </summary>
public interface IProposalValidator
{
    bool IsValid(ulong height, BlockValue value);
}
