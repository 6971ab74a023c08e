using Aro.Core;
using Aro.Core.Blocks;
using Aro.JsonRpc;
using Aro.Node.Chain;
using Aro.Node.Rpc.Dto;

namespace Aro.Node.Rpc;

/// <summary>
/// <c>aro_getCommit(block)</c>: the commit that finalised a block (what the next block carries as its last
/// commit), with each signature's validator index and the address it recovers to, so anyone can see which
/// keys signed a height and check them against <c>aro_getValidatorSet</c> of the block's epoch.
/// </summary>
internal static class AroConsensus
{
    public static void Register(JsonRpcMethodRegistry registry, IChainReader chain)
    {
        registry.AddSync("aro_getCommit", (BlockParameter block) => Commit(chain, block));
    }

    private static CommitDto? Commit(IChainReader chain, BlockParameter block)
    {
        var header = BlockResolver.Find(chain, block);
        if (header is null || header.Number == 0 || chain.Store.GetCommit(header.Number) is not { } commit)
        {
            return null;
        }

        var digest = commit.SigningHash(chain.ChainId);
        var signatures = new CommitSignatureDto[commit.Signatures.Length];
        for (var i = 0; i < signatures.Length; i++)
        {
            var signature = commit.Signatures[i];
            signatures[i] = new CommitSignatureDto
            {
                ValidatorIndex = signature.ValidatorIndex,
                Signer = signature.TryRecoverSigner(digest, out var signer) ? signer : null,
            };
        }

        return new CommitDto { Height = commit.Height, Round = commit.Round, BlockHash = commit.BlockHash, Epoch = header.Epoch, ValidatorSetHash = header.ValidatorSetHash, Signatures = signatures };
    }
}
