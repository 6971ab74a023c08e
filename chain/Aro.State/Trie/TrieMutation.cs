using Aro.State.Trie.Nodes;

namespace Aro.State.Trie;

/// <summary>
/// Insert and delete as pure functions from a subtree to a new subtree. A call returns the very
/// same node object when nothing changed, so untouched paths keep their cached hashes and are not
/// written again on commit.
/// </summary>
internal static class TrieMutation
{
    public static TrieNode Insert(PatriciaTrie trie, TrieNode? node, ReadOnlySpan<byte> path, ReadOnlySpan<byte> value)
    {
        switch (node)
        {
            case null:
                return new LeafNode(path.ToArray(), value.ToArray());
            case HashNode reference:
                {
                    var loaded = trie.Resolve(reference);
                    var result = Insert(trie, loaded, path, value);
                    return ReferenceEquals(result, loaded) ? reference : result;
                }

            case LeafNode leaf:
                return InsertIntoLeaf(leaf, path, value);
            case ExtensionNode extension:
                return InsertIntoExtension(trie, extension, path, value);
            case BranchNode branch:
                {
                    if (path.IsEmpty)
                    {
                        return branch.Value is not null && value.SequenceEqual(branch.Value)
                            ? branch
                            : branch.WithValue(value.ToArray());
                    }

                    var child = branch.Children[path[0]];
                    var newChild = Insert(trie, child, path[1..], value);
                    return ReferenceEquals(newChild, child) ? branch : branch.WithChild(path[0], newChild);
                }

            default:
                throw new InvalidOperationException("Unknown trie node kind.");
        }
    }

    public static TrieNode? Delete(PatriciaTrie trie, TrieNode? node, ReadOnlySpan<byte> path)
    {
        switch (node)
        {
            case null:
                return null;
            case HashNode reference:
                {
                    var loaded = trie.Resolve(reference);
                    var result = Delete(trie, loaded, path);
                    return ReferenceEquals(result, loaded) ? reference : result;
                }

            case LeafNode leaf:
                return path.SequenceEqual(leaf.Path) ? null : leaf;
            case ExtensionNode extension:
                return DeleteFromExtension(trie, extension, path);
            case BranchNode branch:
                {
                    BranchNode changed;
                    if (path.IsEmpty)
                    {
                        if (branch.Value is null)
                        {
                            return branch;
                        }

                        changed = branch.WithValue(null);
                    }
                    else
                    {
                        var child = branch.Children[path[0]];
                        if (child is null)
                        {
                            return branch;
                        }

                        var newChild = Delete(trie, child, path[1..]);
                        if (ReferenceEquals(newChild, child))
                        {
                            return branch;
                        }

                        changed = branch.WithChild(path[0], newChild);
                    }

                    return Collapse(trie, changed);
                }

            default:
                throw new InvalidOperationException("Unknown trie node kind.");
        }
    }

    private static TrieNode InsertIntoLeaf(LeafNode leaf, ReadOnlySpan<byte> path, ReadOnlySpan<byte> value)
    {
        var common = path.CommonPrefixLength(leaf.Path);
        if (common == leaf.Path.Length && common == path.Length)
        {
            return value.SequenceEqual(leaf.Value) ? leaf : new LeafNode(leaf.Path, value.ToArray());
        }

        // The two keys part after `common` nibbles: a branch there holds both (a key that ends at
        // the split point becomes the branch's value).
        var children = new TrieNode?[BranchNode.Width];
        byte[]? branchValue = null;
        Place(children, ref branchValue, leaf.Path.AsSpan(common), leaf.Value);
        Place(children, ref branchValue, path[common..], value.ToArray());
        var branch = new BranchNode(children, branchValue);
        return common == 0 ? branch : new ExtensionNode(path[..common].ToArray(), branch);
    }

    private static TrieNode InsertIntoExtension(PatriciaTrie trie, ExtensionNode extension, ReadOnlySpan<byte> path, ReadOnlySpan<byte> value)
    {
        var common = path.CommonPrefixLength(extension.Path);
        if (common == extension.Path.Length)
        {
            var child = Insert(trie, extension.Child, path[common..], value);
            return ReferenceEquals(child, extension.Child) ? extension : new ExtensionNode(extension.Path, child);
        }

        // The key leaves the extension part-way: split it at `common` with a branch whose slot for
        // the extension's next nibble continues to the old child.
        var children = new TrieNode?[BranchNode.Width];
        var rest = extension.Path.AsSpan(common + 1);
        children[extension.Path[common]] = rest.IsEmpty ? extension.Child : new ExtensionNode(rest.ToArray(), extension.Child);
        byte[]? branchValue = null;
        Place(children, ref branchValue, path[common..], value.ToArray());
        var branch = new BranchNode(children, branchValue);
        return common == 0 ? branch : new ExtensionNode(path[..common].ToArray(), branch);
    }

    private static void Place(TrieNode?[] children, ref byte[]? branchValue, ReadOnlySpan<byte> path, byte[] value)
    {
        if (path.IsEmpty)
        {
            branchValue = value;
        }
        else
        {
            children[path[0]] = new LeafNode(path[1..].ToArray(), value);
        }
    }

    private static TrieNode? DeleteFromExtension(PatriciaTrie trie, ExtensionNode extension, ReadOnlySpan<byte> path)
    {
        if (!path.StartsWith(extension.Path))
        {
            return extension;
        }

        var child = Delete(trie, extension.Child, path[extension.Path.Length..]);
        if (ReferenceEquals(child, extension.Child))
        {
            return extension;
        }

        // The branch below may have collapsed into a short node: its path joins ours.
        return child switch
        {
            null => null,
            LeafNode leaf => new LeafNode(Nibbles.Concat(extension.Path, leaf.Path), leaf.Value),
            ExtensionNode inner => new ExtensionNode(Nibbles.Concat(extension.Path, inner.Path), inner.Child),
            _ => new ExtensionNode(extension.Path, child),
        };
    }

    /// <summary>
    /// A branch left with a single entry is not canonical: it becomes a leaf (only the value is
    /// left) or merges with its only child into one short node.
    /// </summary>
    private static TrieNode Collapse(PatriciaTrie trie, BranchNode branch)
    {
        var only = -1;
        for (var i = 0; i < BranchNode.Width; i++)
        {
            if (branch.Children[i] is null)
            {
                continue;
            }

            if (only >= 0 || branch.Value is not null)
            {
                return branch;
            }

            only = i;
        }

        if (only < 0)
        {
            // Only the value is left (a valid branch never loses its last two entries at once).
            return new LeafNode([], branch.Value!);
        }

        var child = branch.Children[only]!;
        return trie.Load(child) switch
        {
            LeafNode leaf => new LeafNode(Nibbles.Prepend((byte)only, leaf.Path), leaf.Value),
            ExtensionNode extension => new ExtensionNode(Nibbles.Prepend((byte)only, extension.Path), extension.Child),
            _ => new ExtensionNode([(byte)only], child),
        };
    }
}
