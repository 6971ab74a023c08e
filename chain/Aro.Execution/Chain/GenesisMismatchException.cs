using System.Diagnostics.CodeAnalysis;
using Aro.Core;

namespace Aro.Execution.Chain;

/// <summary>The database was initialised from another genesis than the one the node was started with.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Always carries both hashes.")]
public sealed class GenesisMismatchException : ChainStoreException
{
    public GenesisMismatchException(Hash256 stored, Hash256 expected)
        : base(
            ChainStoreError.GenesisMismatch,
            $"The database was made from genesis {stored}, but this node's genesis is {expected}. Use the matching genesis file or a new data directory.")
    {
        Stored = stored;
        Expected = expected;
    }

    public Hash256 Stored { get; }

    public Hash256 Expected { get; }
}
