using System.Text.Json;
using Aro.Core;
using Aro.Core.Crypto;
using Aro.Core.Rlp;
using Aro.State.Trie;
using Aro.Testing;

namespace Aro.State.Tests;

/// <summary>
/// go-ethereum's eth_getProof answers from the execution-apis conformance chain, checked by our
/// verifier against the state root of the head block read from chain.rlp: proves that our proof
/// format and verification agree with a production client's.
/// </summary>
public class EthGetProofVectorTests
{
    private static readonly string[] Tests = ["ethereum", "execution-apis", "tests"];

    [Fact]
    public void Verifies_the_account_and_storage_proofs_of_geths_eth_getProof_answers()
    {
        var stateRoot = HeadStateRoot();
        var run = new VectorRun("execution-apis eth_getProof");
        foreach (var file in Directory.GetFiles(TestData.Path([.. Tests, "eth_getProof"]), "*.io").Order(StringComparer.Ordinal))
        {
            run.Case(Path.GetFileName(file), () =>
            {
                var lines = File.ReadAllLines(file);
                using var response = JsonDocument.Parse(lines.Single(l => l.StartsWith("<< ", StringComparison.Ordinal))[3..]);
                var result = response.RootElement.GetProperty("result");

                var address = Hex.Decode(result.GetProperty("address").GetString()!);
                var account = RlpCodec.Encode(RlpItem.FromList(
                    RlpItem.FromBytes(Quantity(result.GetProperty("nonce"))),
                    RlpItem.FromBytes(Quantity(result.GetProperty("balance"))),
                    RlpItem.FromBytes(Hex.Decode(result.GetProperty("storageHash").GetString()!)),
                    RlpItem.FromBytes(Hex.Decode(result.GetProperty("codeHash").GetString()!))));
                var proven = TrieProofVerifier.Verify(stateRoot, Keccak256.Hash(address).Bytes, Nodes(result.GetProperty("accountProof")));
                Assert.Equal(account, proven.Value);

                var storageRoot = Hash256.Parse(result.GetProperty("storageHash").GetString()!);
                foreach (var slot in result.GetProperty("storageProof").EnumerateArray())
                {
                    var key = new byte[32];
                    var keyBytes = Quantity(slot.GetProperty("key"));
                    keyBytes.CopyTo(key.AsSpan(32 - keyBytes.Length));
                    var value = Quantity(slot.GetProperty("value"));
                    var storage = TrieProofVerifier.Verify(storageRoot, Keccak256.Hash(key).Bytes, Nodes(slot.GetProperty("proof")));
                    Assert.Equal(value.Length == 0 ? null : RlpCodec.EncodeBytes(value), storage.Value);
                }
            });
        }

        run.AssertAll(atLeast: 4);
    }

    /// <summary>The state root of the block headfcu.json makes head, found in chain.rlp by header hash.</summary>
    internal static Hash256 HeadStateRoot()
    {
        using var forkChoice = JsonDocument.Parse(TestData.ReadText([.. Tests, "headfcu.json"]));
        var head = Hash256.Parse(forkChoice.RootElement.GetProperty("params")[0].GetProperty("headBlockHash").GetString()!);
        var chain = TestData.ReadBytes([.. Tests, "chain.rlp"]);
        var blocks = new RlpReader(chain);
        while (blocks.HasMore)
        {
            var block = blocks.ReadList();
            var header = block.ReadRaw();
            if (Keccak256.Hash(header) == head)
            {
                var fields = new RlpReader(header).ReadList();
                fields.Skip(); // parent hash
                fields.Skip(); // ommers hash
                fields.Skip(); // beneficiary
                return new Hash256(fields.ReadBytes());
            }
        }

        throw new InvalidDataException("Head block of headfcu.json is not in chain.rlp.");
    }

    private static List<byte[]> Nodes(JsonElement proof) => proof.EnumerateArray().Select(n => Hex.Decode(n.GetString()!)).ToList();

    /// <summary>A JSON-RPC quantity ("0x0", "0x76") as minimal big-endian bytes (empty for zero).</summary>
    private static byte[] Quantity(JsonElement quantity)
    {
        var digits = quantity.GetString()![2..].TrimStart('0');
        var bytes = Hex.Decode(digits.Length % 2 == 1 ? "0" + digits : digits);
        return bytes;
    }
}
