using System.Diagnostics.CodeAnalysis;

namespace Aro.Consensus.Wal;

/// <summary>The WAL holds a record that passed its checksum but does not decode; replay cannot continue safely.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Always carries a reason.")]
public sealed class ConsensusWalException : Exception
{
    public ConsensusWalException(string message)
        : base(message)
    {
    }

    public ConsensusWalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
