namespace Aro.State.Trie;

/// <summary>What a valid proof shows: the key's value, or that the key is absent.</summary>
public readonly struct TrieProofResult
{
    private TrieProofResult(byte[]? value) => Value = value;

    public static TrieProofResult Absent => default;

    /// <summary>The proven value; null when the proof shows the key is absent.</summary>
    public byte[]? Value { get; }

    public bool Exists => Value is not null;

    internal static TrieProofResult Present(byte[] value) => new(value);
}
