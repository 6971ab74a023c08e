using Aro.Core;
namespace Aro.Execution.Chain;

/// <summary>A pre-funded account of the genesis state.</summary>
public readonly record struct GenesisAccount(Address Address, UInt256 Balance);
