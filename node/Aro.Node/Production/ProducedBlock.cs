using System.Collections.Immutable;
using Aro.Core.Blocks;

namespace Aro.Node.Production;

/// <summary>A block the producer committed, its receipts, and how many offered transactions execution left out.</summary>
public sealed record ProducedBlock(Block Block, ImmutableArray<Receipt> Receipts, int SkippedTransactions);
