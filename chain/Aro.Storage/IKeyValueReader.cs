using System.Diagnostics.CodeAnalysis;

namespace Aro.Storage;

/// <summary>Point reads and ordered iteration over the column families of a store or snapshot.</summary>
public interface IKeyValueReader
{
    /// <summary>The value stored under <paramref name="key"/>, or null when absent.</summary>
    /// <exception cref="ArgumentException">The column family is not open in this store.</exception>
    byte[]? Get(string column, ReadOnlySpan<byte> key);

    bool TryGet(string column, ReadOnlySpan<byte> key, [NotNullWhen(true)] out byte[]? value);

    /// <summary>
    /// An unpositioned iterator over <paramref name="column"/> restricted to <paramref name="options"/>;
    /// call one of the Seek methods before reading. It sees the data as of its creation.
    /// </summary>
    IKeyValueIterator Iterate(string column, IteratorOptions? options = null);
}
