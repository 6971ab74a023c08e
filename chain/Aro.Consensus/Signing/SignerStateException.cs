using System.Diagnostics.CodeAnalysis;

namespace Aro.Consensus.Signing;

/// <summary>The signer's state file is unreadable; signing stays off until an operator repairs it.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Always carries a reason.")]
public sealed class SignerStateException(string message) : Exception(message);
