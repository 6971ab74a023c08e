using Aro.Core;
using Aro.Core.Crypto;

namespace Aro.State.World;

/// <summary>
/// The storage of one native module's system account, optionally narrowed to a key prefix. A module
/// is handed only its own store, so it can neither read nor write another module's records: its
/// keys live in its own account's storage trie. Changes go through the world state's journal and
/// are committed with the block.
/// </summary>
public sealed class ModuleStore
{
    private const int StackKeyLimit = 256;

    private readonly WorldState _state;
    private readonly byte[] _prefix;

    internal ModuleStore(WorldState state, Address address, byte[] prefix)
    {
        _state = state;
        Address = address;
        _prefix = prefix;
    }

    /// <summary>The module's system address.</summary>
    public Address Address { get; }

    /// <summary>A copy of the record under <paramref name="key"/>, or null.</summary>
    public byte[]? Get(ReadOnlySpan<byte> key) => _state.ReadSlot(Address, Slot(key))?.AsSpan().ToArray();

    public bool Contains(ReadOnlySpan<byte> key) => _state.ReadSlot(Address, Slot(key)) is not null;

    /// <exception cref="ArgumentException"><paramref name="value"/> is empty: use <see cref="Delete"/>.</exception>
    public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            throw new ArgumentException("A record cannot be empty; use Delete to remove it.", nameof(value));
        }

        WithFullKey(key, value);
    }

    public void Delete(ReadOnlySpan<byte> key) => WithFullKey(key, []);

    /// <summary>A view of the keys starting with <paramref name="prefix"/> (after this store's own prefix).</summary>
    public ModuleStore WithPrefix(ReadOnlySpan<byte> prefix) => new(_state, Address, [.. _prefix, .. prefix]);

    private Hash256 Slot(ReadOnlySpan<byte> key)
    {
        if (_prefix.Length == 0)
        {
            return Keccak256.Hash(key);
        }

        var length = _prefix.Length + key.Length;
        Span<byte> full = length <= StackKeyLimit ? stackalloc byte[length] : new byte[length];
        _prefix.CopyTo(full);
        key.CopyTo(full[_prefix.Length..]);
        return Keccak256.Hash(full);
    }

    private void WithFullKey(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        var length = _prefix.Length + key.Length;
        Span<byte> full = length <= StackKeyLimit ? stackalloc byte[length] : new byte[length];
        _prefix.CopyTo(full);
        key.CopyTo(full[_prefix.Length..]);
        _state.SetStorage(Address, full, value);
    }
}
