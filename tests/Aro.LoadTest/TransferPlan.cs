using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Transactions;

namespace Aro.LoadTest;

/// <summary>One JSON-RPC batch for one node: the raw transfers and their indexes in the plan.</summary>
internal sealed record TransferBatch(string[] Raw, int[] Indexes);

/// <summary>
/// Every transfer of a run, signed up front: sender s sends to node s mod N, its nonces in order; a
/// node's batches interleave its senders, so each batch spreads over many of them, as real traffic does.
/// </summary>
internal sealed class TransferPlan
{
    private TransferPlan(string[] hashes, List<TransferBatch>[] batches)
    {
        Hashes = hashes;
        Batches = batches;
    }

    /// <summary>Transaction hashes (0x-hex, lower case) by plan index.</summary>
    public string[] Hashes { get; }

    /// <summary>Per node, its batches in send order.</summary>
    public List<TransferBatch>[] Batches { get; }

    public int Count => Hashes.Length;

    public static TransferPlan Sign(ulong chainId, UInt256 maxFee, byte[][] senderKeys, ulong firstNonce, int transfersPerSender, int nodes, int batchSize)
    {
        var count = senderKeys.Length * transfersPerSender;
        var raw = new string[count];
        var hashes = new string[count];
        var recipient = Address.Parse("0x000000000000000000000000000000000000a110");
        Parallel.For(0, senderKeys.Length, s =>
        {
            for (var t = 0; t < transfersPerSender; t++)
            {
                var tx = Transaction.DynamicFee(chainId, firstNonce + (ulong)t, UInt256.One, maxFee, 21_000, recipient, UInt256.One, [], ImmutableArray<AccessListEntry>.Empty);
                var signed = TxSigner.Sign(tx, senderKeys[s]);
                var index = (t * senderKeys.Length) + s;
                raw[index] = Hex.Encode(TxEncoder.Encode(signed), prefix: true);
                hashes[index] = signed.Hash.ToString();
            }
        });

        var batches = new List<TransferBatch>[nodes];
        for (var node = 0; node < nodes; node++)
        {
            // Plan index order is nonce-major, so a node's share in index order keeps each sender's nonces ascending.
            var mine = new List<int>(count / nodes + 1);
            for (var i = 0; i < count; i++)
            {
                if (i % senderKeys.Length % nodes == node)
                {
                    mine.Add(i);
                }
            }

            batches[node] = [];
            for (var start = 0; start < mine.Count; start += batchSize)
            {
                var indexes = mine.GetRange(start, Math.Min(batchSize, mine.Count - start)).ToArray();
                batches[node].Add(new TransferBatch(Array.ConvertAll(indexes, i => raw[i]), indexes));
            }
        }

        return new TransferPlan(hashes, batches);
    }
}
