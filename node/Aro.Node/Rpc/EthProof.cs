using Aro.Core;
using Aro.Core.Crypto;
using Aro.JsonRpc;
using Aro.Node.Chain;
using Aro.Node.Rpc.Dto;
using Aro.State.Trie;

namespace Aro.Node.Rpc;

/// <summary>
/// eth_getProof (EIP-1186): the account's path in the state trie and each key's path in its storage trie,
/// against the state root of the named block. What it returns verifies with <c>StateProofVerifier</c> alone.
/// </summary>
internal static class EthProof
{
    /// <summary>Keys per call; each one walks a trie path, so an unbounded list is unbounded work.</summary>
    public const int MaxStorageKeys = 1024;

    public static void Register(JsonRpcMethodRegistry registry, IChainReader chain) =>
        registry.AddSync("eth_getProof", (Address address, StorageKey[] keys, BlockParameter block) => GetProof(chain, address, keys, block), requiredParams: 2);

    private static ProofDto GetProof(IChainReader chain, Address address, StorageKey[]? keys, BlockParameter block)
    {
        keys ??= [];
        if (keys.Length > MaxStorageKeys)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"invalid argument 1: too many storage keys (at most {MaxStorageKeys})");
        }

        var rawKeys = new byte[keys.Length][];
        for (var i = 0; i < keys.Length; i++)
        {
            rawKeys[i] = keys[i].Value.Bytes.ToArray();
        }

        var proof = EthState.Open(chain, block).GetProof(address, rawKeys);
        var account = proof.Account;
        var storage = new StorageProofDto[proof.StorageProofs.Count];
        for (var i = 0; i < storage.Length; i++)
        {
            var item = proof.StorageProofs[i];
            storage[i] = new StorageProofDto { Key = Quantity(item.Key), Value = Quantity(item.Value ?? []), Proof = item.Proof };
        }

        return new ProofDto
        {
            Address = address,
            AccountProof = proof.Proof,
            Balance = account?.Balance ?? UInt256.Zero,
            CodeHash = account?.CodeHash ?? Keccak256.EmptyHash,
            Nonce = account?.Nonce ?? 0,
            StorageHash = account?.StorageRoot ?? PatriciaTrie.EmptyRootHash,
            StorageProof = storage,
        };
    }

    /// <summary>Big-endian bytes as hex without leading zeros ("0x0" for none), geth's form for proof keys and values.</summary>
    private static string Quantity(ReadOnlySpan<byte> bytes)
    {
        var first = bytes.IndexOfAnyExcept((byte)0);
        if (first < 0)
        {
            return "0x0";
        }

        var hex = Convert.ToHexStringLower(bytes[first..]);
        return hex[0] == '0' ? string.Concat("0x", hex.AsSpan(1)) : "0x" + hex;
    }
}
