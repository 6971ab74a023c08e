namespace Aro.Storage.Memory;

/// <summary>Byte-wise lexicographic order, the same as RocksDB's default comparator.</summary>
internal sealed class ByteArrayComparer : IComparer<byte[]>
{
    public static readonly ByteArrayComparer Instance = new();

    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
}
