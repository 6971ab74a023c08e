namespace Aro.Node.Consensus;

/// <summary>The validator set of a height was asked for before the block that fixes it was committed.</summary>
public sealed class ValidatorSetUnknownException(string message) : InvalidOperationException(message);
