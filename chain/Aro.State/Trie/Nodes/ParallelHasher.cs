namespace Aro.State.Trie.Nodes;

/// <summary>
/// Encodes and hashes the dirty subtrees below a root branch on several cores before the root
/// itself is encoded. The sixteen subtrees share no dirty node (a dirty node has one parent), and
/// the clean nodes they reach already carry their encoding and hash, so the workers write
/// disjoint state; the results are the same bytes a sequential encoding produces.
/// </summary>
internal static class ParallelHasher
{
    /// <summary>Fewest changes since the last hash worth spreading: below it the hand-off costs more than it saves.</summary>
    public const int MinChanges = 256;

    public static void HashSubtrees(TrieNode root)
    {
        var branch = root switch
        {
            BranchNode b => b,
            ExtensionNode { Child: BranchNode b } => b,
            _ => null,
        };

        if (branch is null || !branch.IsDirty)
        {
            return;
        }

        Parallel.For(
            0,
            BranchNode.Width,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i =>
            {
                var child = branch.Children[i];
                if (child is { IsDirty: true } && TrieNodeEncoder.IsReferencedByHash(child))
                {
                    TrieNodeEncoder.GetHash(child);
                }
            });
    }
}
