using Aro.Core;
using Aro.State.Trie;

namespace Aro.State.Tests;

/// <summary>One face for plain and secure tries so each vector file runs through the same test.</summary>
internal sealed class TrieView
{
    private readonly PatriciaTrie? _plain;
    private readonly SecureTrie? _secure;

    public TrieView(MemoryTrieNodeStore store, Hash256 root, bool secure)
    {
        if (secure)
        {
            _secure = new SecureTrie(store, root);
        }
        else
        {
            _plain = new PatriciaTrie(store, root);
        }
    }

    public Hash256 RootHash => _plain?.RootHash ?? _secure!.RootHash;

    public byte[]? Get(byte[] key) => _plain is not null ? _plain.Get(key) : _secure!.Get(key);

    public void Set(byte[] key, byte[] value)
    {
        if (_plain is not null)
        {
            _plain.Set(key, value);
        }
        else
        {
            _secure!.Set(key, value);
        }
    }

    public void Delete(byte[] key)
    {
        if (_plain is not null)
        {
            _plain.Delete(key);
        }
        else
        {
            _secure!.Delete(key);
        }
    }

    public Hash256 Commit(ITrieNodeWriter writer) => _plain is not null ? _plain.Commit(writer) : _secure!.Commit(writer);
}
