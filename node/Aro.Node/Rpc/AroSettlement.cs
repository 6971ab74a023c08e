using Aro.Core.Abi;
using Aro.JsonRpc;
using Aro.Node.Chain;
using Aro.Node.Rpc.Dto;
using static Aro.Modules.Gpos.Abi.SettlementAbi;

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

    private static string ReasonName(ulong code) => code switch
    {
        1 => "doubleSign",
        2 => "downtime",
        3 => "falseVouch",
        _ => "unknown",
    };
}
