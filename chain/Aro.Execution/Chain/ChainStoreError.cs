namespace Aro.Execution.Chain;

public enum ChainStoreError
{
    /// <summary>The store holds no genesis: call <see cref="ChainStore.Initialize"/> first.</summary>
    NotInitialized,

    /// <summary>The block's number is not head + 1.</summary>
    WrongHeight,

    /// <summary>The block's parent hash is not the head's hash.</summary>
    WrongParent,

    /// <summary>Receipt count differs from the block's transaction count.</summary>
    ReceiptCountMismatch,

    /// <summary>The state to commit does not have the header's state root.</summary>
    StateRootMismatch,

    /// <summary>The head commit is not for this block (height or hash).</summary>
    CommitMismatch,

    /// <summary>The database was made from another genesis.</summary>
    GenesisMismatch,

    /// <summary>Stored bytes that the chain store did not write (or a damaged database).</summary>
    Corrupt,
}
