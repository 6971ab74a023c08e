using Aro.Core;
using Aro.Core.Crypto;
using Aro.State.Trie;

namespace Aro.State.World;

/// <summary>
/// Checks eth_getProof-style proofs with nothing but a root: what an auditor or light client runs
/// on a proof it received. Built on <see cref="TrieProofVerifier"/>.
/// </summary>
public static class StateProofVerifier
{
    /// <summary>The account <paramref name="proof"/> shows under <paramref name="stateRoot"/>, or null for proven absence.</summary>
    /// <exception cref="TrieProofException">The proof is forged, truncated, padded or malformed.</exception>
    /// <exception cref="StateEncodingException">The proven value is not a canonical account.</exception>
    public static Account? VerifyAccount(in Hash256 stateRoot, in Address address, IReadOnlyList<byte[]> proof)
    {
        var result = TrieProofVerifier.Verify(stateRoot, Keccak256.Hash(address.Bytes).Bytes, proof);
        return result.Value is null ? null : AccountCodec.Decode(result.Value);
    }

    /// <summary>The value stored under <paramref name="key"/> that <paramref name="proof"/> shows under <paramref name="storageRoot"/>, or null for proven absence.</summary>
    /// <exception cref="TrieProofException">The proof is forged, truncated, padded or malformed.</exception>
    /// <exception cref="StateEncodingException">The proven value is not a canonical storage value.</exception>
    public static byte[]? VerifyStorage(in Hash256 storageRoot, ReadOnlySpan<byte> key, IReadOnlyList<byte[]> proof)
    {
        var result = TrieProofVerifier.Verify(storageRoot, Keccak256.Hash(key).Bytes, proof);
        return result.Value is null ? null : StorageValue.Decode(result.Value);
    }
}
