using Aro.Core.Abi;
using Aro.JsonRpc;
using Aro.Node.Chain;
using Aro.Node.Rpc.Dto;
using Aro.Core;
using Aro.Modules.Gpos;
using Aro.Modules.Gpos.Settlement;
using static Aro.Modules.Gpos.Abi.SettlementAbi;
using static Aro.Modules.Gpos.Abi.StakingAbi;

namespace Aro.Node.Rpc;

/// <summary>
/// aro_getSettlement and aro_getSlashes: an epoch's settlement record (<c>B0</c>), its keeper lines (<c>B1</c>)
/// and its slashes (<c>B2</c>), read through the module's ISettlement views at the head, exactly as an eth_call
/// would. Records are never deleted, so any settled epoch is answered from the head state.
/// </summary>
internal static class AroSettlement
{
    public static void Register(JsonRpcMethodRegistry registry, IChainReader chain)
    {
        registry.AddSync("aro_getSettlement", (ulong epoch) => Settlement(GposReader.At(chain, BlockParameter.Latest), epoch), requiredParams: 1);
        registry.AddSync("aro_getSlashes", (ulong epoch) => Slashes(GposReader.At(chain, BlockParameter.Latest), epoch), requiredParams: 1);
        registry.AddSync("aro_getRewards", (Address delegator, BlockParameter block) => Rewards(GposReader.At(chain, block), delegator), requiredParams: 1);
        registry.AddSync("aro_getSettlementProof", (ulong epoch, BlockParameter block) => SettlementProof(chain, epoch, block), requiredParams: 1);
    }

    private static SettlementDto Settlement(GposReader reader, ulong epoch)
    {
        var s = reader.Call(GetSettlement, AbiValue.UInt(epoch));
        var keeperCount = s[6].AsUInt64();
        var keepers = new KeeperSettlementDto[keeperCount];
        for (var i = 0UL; i < keeperCount; i++)
        {
            var line = reader.Call(GetKeeperSettlement, AbiValue.UInt(epoch), AbiValue.UInt(i));
            keepers[i] = new KeeperSettlementDto
            {
                Keeper = line[0].AsAddress(),
                VotingPower = line[1].AsUInt256(),
                BlocksSigned = line[2].AsUInt64(),
                Commission = line[3].AsUInt256(),
                DelegatorRewards = line[4].AsUInt256(),
            };
        }

        return new SettlementDto
        {
            Epoch = epoch,
            Minted = s[0].AsUInt256(),
            Fees = s[1].AsUInt256(),
            KeeperPool = s[2].AsUInt256(),
            EdgePool = s[3].AsUInt256(),
            CommunityTax = s[4].AsUInt256(),
            TotalSlashed = s[5].AsUInt256(),
            SlashCount = s[7].AsUInt64(),
            Keepers = keepers,
        };
    }

    /// <summary>The slashes recorded under <paramref name="epoch"/> (possibly none; the epoch need not be settled yet).</summary>
    private static SlashDto[] Slashes(GposReader reader, ulong epoch)
    {
        // The list views revert on any index of a module without genesis; a first plain read turns that into the named error, not [].
        reader.Call(GetEpoch);
        var slashes = new List<SlashDto>();
        for (var i = 0UL; ; i++)
        {
            if (!reader.TryCall(GetSettlementSlash, out var slash, AbiValue.UInt(epoch), AbiValue.UInt(i)))
            {
                return [.. slashes];
            }

            slashes.Add(new SlashDto
            {
                Keeper = slash[0].AsAddress(),
                Reason = ReasonName(slash[1].AsUInt64()),
                InfractionHeight = slash[2].AsUInt64(),
                Amount = slash[3].AsUInt256(),
            });
        }
    }

    /// <summary>
    /// Pending rewards of <paramref name="delegator"/> per keeper it delegates to,
    /// through the module's read API, so the figure is exactly what claimRewards would pay at that block.
    /// </summary>
    private static RewardsDto Rewards(GposReader reader, Address delegator)
    {
        var keepers = reader.Call(GetDelegatorKeepers, AbiValue.Address(delegator))[0].AsList();
        var rewards = new KeeperRewardDto[keepers.Length];
        var total = UInt256.Zero;
        for (var i = 0; i < keepers.Length; i++)
        {
            var k = keepers[i].AsAddress();
            var amount = GposSettlements.PendingRewards(reader.State, delegator, k);
            rewards[i] = new KeeperRewardDto { Keeper = k, Amount = amount };
            total += amount;
        }

        return new RewardsDto { Delegator = delegator, BlockNumber = reader.Header.Number, Total = total, Rewards = rewards };
    }

    /// <summary>The settlement record of <paramref name="epoch"/> (<c>B0‖epoch</c>) with its proof against the block's state root.</summary>
    private static ModuleProofDto SettlementProof(IChainReader chain, ulong epoch, BlockParameter block)
    {
        var reader = GposReader.At(chain, block);
        reader.Call(GetEpoch);
        var proof = AroStaking.ModuleProof(chain, GposModule.Address, GposSettlements.SettlementKey(epoch), BlockParameter.FromNumber(reader.Header.Number));
        return proof.Value is { Length: > 0 }
            ? proof
            : throw new JsonRpcException(JsonRpcErrorCodes.ServerError, $"GPoS: SettlementNotFound({epoch}) at block {reader.Header.Number}");
    }

    private static string ReasonName(ulong code) => code switch
    {
        1 => "doubleSign",
        2 => "downtime",
        3 => "falseVouch",
        _ => "unknown",
    };
}
