using Aro.Core;
using Aro.Core.Transactions;

namespace Aro.Execution.Execution;

/// <summary>What one included transaction did: gas used, price paid, and the call's return or revert data.</summary>
public sealed record TxOutcome(Transaction Transaction, Address Sender, bool Succeeded, ulong GasUsed, UInt256 EffectiveGasPrice, byte[] Output);
