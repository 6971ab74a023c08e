using System.Collections.Immutable;
using Aro.Core.Blocks;
using Aro.Core.Transactions;

namespace Aro.Core.Tests.Blocks.Builders;

/// <summary>
/// A consistent block: by default block 1 (no last commit). <see cref="WithParent"/> makes the child
/// of a header with a commit for it in the body and its hash in the header.
/// </summary>
internal sealed class BlockBuilder
{
    private HeaderBuilder _header = Build.Header();
    private readonly List<Transaction> _transactions = [];
    private Commit? _lastCommit;
    private readonly List<DuplicateVoteEvidence> _evidence = [];

    public Block TestObject
    {
        get
        {
            if (_lastCommit is { } commit)
            {
                _header = _header.WithLastCommit(commit);
            }

            var body = new BlockBody([.. _transactions], _lastCommit, [.. _evidence]);
            _header = _header.WithEvidenceHash(body.EvidenceHash);
            return new Block(_header.TestObject, body);
        }
    }

    public BlockBuilder WithHeader(Func<HeaderBuilder, HeaderBuilder> configure)
    {
        _header = configure(_header);
        return this;
    }

    /// <summary>Child of <paramref name="parent"/>, carrying a commit for it signed by validator A.</summary>
    public BlockBuilder WithParent(BlockHeader parent)
    {
        _header = _header.WithParent(parent);
        _lastCommit = parent.Number == 0 ? null : Build.Commit().For(parent).TestObject;
        return this;
    }

    public BlockBuilder WithLastCommit(Commit commit)
    {
        _lastCommit = commit;
        return this;
    }

    public BlockBuilder WithTransactions(params Transaction[] transactions)
    {
        _transactions.AddRange(transactions);
        return this;
    }

    public BlockBuilder WithEvidence(params DuplicateVoteEvidence[] evidence)
    {
        _evidence.AddRange(evidence);
        return this;
    }

    /// <summary>A signed legacy (EIP-155) and a signed EIP-1559 transfer from <see cref="TestKeys.Sender"/>.</summary>
    public BlockBuilder WithSampleTransactions()
    {
        var to = TestKeys.AddressOf(TestKeys.ValidatorB);
        _transactions.Add(TxSigner.Sign(Transaction.Legacy(TestKeys.ChainId, 0, 2_000_000_000UL, 21_000, to, 1UL, []), TestKeys.Sender));
        _transactions.Add(TxSigner.Sign(
            Transaction.DynamicFee(TestKeys.ChainId, 1, 1UL, 3_000_000_000UL, 50_000, to, 2UL, [0xca, 0xfe], ImmutableArray<AccessListEntry>.Empty),
            TestKeys.Sender));
        return this;
    }
}
