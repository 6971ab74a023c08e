namespace Aro.Storage;

/// <summary>The effective [lower, upper) range of <see cref="IteratorOptions"/>, shared by both stores.</summary>
internal readonly struct KeyRange
{
    public KeyRange(byte[]? lower, byte[]? upper)
    {
        Lower = lower;
        Upper = upper;
    }

    public byte[]? Lower { get; }

    /// <summary>Exclusive.</summary>
    public byte[]? Upper { get; }

    public static KeyRange From(IteratorOptions? options)
    {
        if (options is null)
        {
            return default;
        }

        // Copies, so a caller reusing its bound buffers cannot move a live iterator's range.
        byte[]? lower = options.LowerBound?.ToArray();
        byte[]? upper = options.UpperBound?.ToArray();
        if (options.Prefix?.ToArray() is { } prefix)
        {
            if (lower is null || prefix.AsSpan().SequenceCompareTo(lower) > 0)
            {
                lower = prefix;
            }

            byte[]? prefixEnd = PrefixSuccessor(prefix);
            if (prefixEnd is not null && (upper is null || prefixEnd.AsSpan().SequenceCompareTo(upper) < 0))
            {
                upper = prefixEnd;
            }
        }

        return new KeyRange(lower, upper);
    }

    public bool IsBelow(ReadOnlySpan<byte> key) => Lower is not null && key.SequenceCompareTo(Lower) < 0;

    public bool IsAtOrAbove(ReadOnlySpan<byte> key) => Upper is not null && key.SequenceCompareTo(Upper) >= 0;

    public bool Contains(ReadOnlySpan<byte> key) => !IsBelow(key) && !IsAtOrAbove(key);

    /// <summary>
    /// The smallest key greater than every key with this prefix, or null when none exists
    /// (the prefix is empty or all 0xFF, so the range is unbounded above).
    /// </summary>
    internal static byte[]? PrefixSuccessor(ReadOnlySpan<byte> prefix)
    {
        int last = prefix.Length - 1;
        while (last >= 0 && prefix[last] == 0xFF)
        {
            last--;
        }

        if (last < 0)
        {
            return null;
        }

        byte[] successor = prefix[..(last + 1)].ToArray();
        successor[last]++;
        return successor;
    }
}
