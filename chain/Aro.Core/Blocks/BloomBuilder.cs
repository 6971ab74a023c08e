using System.Runtime.InteropServices;

namespace Aro.Core.Blocks;

/// <summary>
/// Accumulates a <see cref="Bloom"/>: one per receipt while its logs are emitted, one per block over
/// the receipts. A class, not a struct, so a copy can never silently drop bits.
/// </summary>
public sealed class BloomBuilder
{
    private Bytes256 _bytes;

    public void Add(ReadOnlySpan<byte> item) => BloomProbe.Of(item).SetIn(_bytes);

    public void Add(in Address address) => Add(address.Bytes);

    public void Add(in Hash256 topic) => Add(topic.Bytes);

    /// <summary>Adds a log's address and every topic (not its data).</summary>
    public void Add(Log log)
    {
        ArgumentNullException.ThrowIfNull(log);
        Add(log.Address);
        foreach (var topic in log.Topics)
        {
            Add(topic);
        }
    }

    /// <summary>Unions in another bloom (a receipt's into the block's).</summary>
    public void Add(in Bloom bloom) => Or(_bytes, bloom.Bytes);

    public Bloom ToBloom() => new(_bytes);

    internal static void Or(Span<byte> target, ReadOnlySpan<byte> source)
    {
        var t = MemoryMarshal.Cast<byte, ulong>(target);
        var s = MemoryMarshal.Cast<byte, ulong>(source);
        for (var i = 0; i < t.Length; i++)
        {
            t[i] |= s[i];
        }
    }
}
