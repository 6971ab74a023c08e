namespace Aro.Storage;

/// <summary>
/// The chain's column families. Names are persisted in the database: never rename one, only add.
/// </summary>
public static class Columns
{
    public const string Default = "default";
    public const string Headers = "headers";
    /// <summary>Block bodies (transactions), keyed like <see cref="Headers"/>.</summary>
    public const string Blocks = "blocks";
    public const string Receipts = "receipts";
    public const string TxIndex = "tx_index";
    public const string TrieNodes = "trie_nodes";
    public const string ModuleIndex = "module_index";
    public const string ConsensusWal = "consensus_wal";
    /// <summary>Small singletons: head pointer, genesis hash, schema version.</summary>
    public const string Metadata = "metadata";

    public static IReadOnlyList<string> All { get; } =
    [
        Default, Headers, Blocks, Receipts, TxIndex, TrieNodes, ModuleIndex, ConsensusWal, Metadata,
    ];
}
