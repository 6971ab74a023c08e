using Aro.Core;

namespace Aro.Node.Rpc.Dto;

/// <summary>eth_getProof's answer (EIP-1186), in geth's field order.</summary>
internal sealed class ProofDto
{
    public required Address Address { get; init; }

    public required IReadOnlyList<byte[]> AccountProof { get; init; }

    public required UInt256 Balance { get; init; }

    public required Hash256 CodeHash { get; init; }

    public required ulong Nonce { get; init; }

    public required Hash256 StorageHash { get; init; }

    public required IReadOnlyList<StorageProofDto> StorageProof { get; init; }
}

/// <summary>
/// One storage key's proof. Key and value are QUANTITY-like (hex without leading zeros), as geth
/// writes them; a module record longer than a word is written whole in the same form.
/// </summary>
internal sealed class StorageProofDto
{
    public required string Key { get; init; }

    public required string Value { get; init; }

    public required IReadOnlyList<byte[]> Proof { get; init; }
}
