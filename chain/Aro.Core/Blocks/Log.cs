using System.Collections.Immutable;

namespace Aro.Core.Blocks;

/// <summary>
/// An event log: the emitting address, up to four indexed topics (topic 0 is the event signature's
/// keccak for ABI events) and unindexed data. Immutable; consensus encoding rlp([address, [topics], data]).
/// </summary>
public sealed class Log : IEquatable<Log>
{
    /// <summary>LOG0 … LOG4: a log carries at most four topics.</summary>
    public const int MaxTopics = 4;

    private readonly ReadOnlyMemory<byte> _data;

    /// <exception cref="ArgumentException">More than <see cref="MaxTopics"/> topics.</exception>
    public Log(Address address, ImmutableArray<Hash256> topics, ReadOnlySpan<byte> data)
        : this(address, topics.IsDefault ? [] : topics, (ReadOnlyMemory<byte>)data.ToArray())
    {
        if (Topics.Length > MaxTopics)
        {
            throw new ArgumentException($"A log has at most {MaxTopics} topics, got {Topics.Length}.", nameof(topics));
        }
    }

    // Takes ownership of ownedData (the decoder's fresh copy).
    internal Log(Address address, ImmutableArray<Hash256> topics, ReadOnlyMemory<byte> ownedData)
    {
        Address = address;
        Topics = topics;
        _data = ownedData;
    }

    public Address Address { get; }

    public ImmutableArray<Hash256> Topics { get; }

    public ReadOnlyMemory<byte> Data => _data;

    public bool Equals(Log? other) =>
        other is not null
        && Address == other.Address
        && Topics.AsSpan().SequenceEqual(other.Topics.AsSpan())
        && _data.Span.SequenceEqual(other._data.Span);

    public override bool Equals(object? obj) => Equals(obj as Log);

    public override int GetHashCode() => HashCode.Combine(Address, Topics.Length, _data.Length);
}
