using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Crypto;
using Aro.Core.Transactions;
using Aro.Execution.Chain;
using Aro.Node.Validator;
using Aro.Testing;

namespace Aro.Node.Tests.Chain;

/// <summary>The repository's devnet genesis and its published DEVNET ONLY keys (genesis/SCHEMA.md), for node tests.</summary>
internal static class Devnet
{
    public static string GenesisPath { get; } = System.IO.Path.Combine(TestData.RepositoryRoot, "genesis", "devnet.json");

    public static GenesisSpec Spec { get; } = GenesisSpec.Load(GenesisPath);

    public static ValidatorKey Validator { get; } = ValidatorKey.FromLabel("aro-devnet-validator-0");

    public static byte[] AccountKey(int index) => Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes($"aro-devnet-account-{index}")).ToArray();

    public static Address AccountAddress(int index) => new ValidatorKey(AccountKey(index)).Address;

    /// <summary>A signed EIP-1559 transfer from dev account <paramref name="from"/>, paying well above the devnet base fee.</summary>
    public static Transaction Transfer(int from, ulong nonce, Address to, UInt256 value, ulong? chainId = null) =>
        TxSigner.Sign(
            Transaction.DynamicFee(chainId ?? Spec.ChainId, nonce, 1_000_000_000, 10_000_000_000, 21_000, to, value, [], ImmutableArray<AccessListEntry>.Empty),
            AccountKey(from));

    /// <summary>
    /// The devnet genesis as another network: its chain id changed through its JSON (so it is validated like
    /// a file) and, as every network but the devnet must, the dev attestation kind switched off.
    /// </summary>
    public static GenesisSpec WithChainId(ulong chainId) =>
        GenesisSpec.Parse(File.ReadAllText(GenesisPath)
            .Replace("\"chainId\": 7771", $"\"chainId\": {chainId}", StringComparison.Ordinal)
            .Replace("\"enabled\": true", "\"enabled\": false", StringComparison.Ordinal));
}
