namespace Aro.Storage;

/// <summary>Key range of an iterator. All bounds combine: the iterator sees their intersection.</summary>
public sealed class IteratorOptions
{
    /// <summary>Inclusive lower bound, or null for none.</summary>
    public byte[]? LowerBound { get; init; }

    /// <summary>Exclusive upper bound, or null for none.</summary>
    public byte[]? UpperBound { get; init; }

    /// <summary>Only keys starting with these bytes, or null for all.</summary>
    public byte[]? Prefix { get; init; }
}
