using Aro.Core;
using Aro.Core.Transactions;

namespace Aro.Execution.Execution;

/// <summary>A transaction with its recovered sender.</summary>
public readonly record struct SenderTx(Transaction Transaction, Address Sender);
