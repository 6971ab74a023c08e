using Aro.Core;
using Aro.Core.Abi;
using Aro.Modules.Gpos.Abi;

namespace Aro.Modules.Gpos.Tests;

/// <summary>Calldata builders for the IStaking messages.</summary>
internal static class Calls
{
    public static byte[] Register(Account who, ushort commission = 500, string moniker = "keeper", string region = "eu-west") =>
        StakingAbi.Register.EncodeCall(AbiValue.Bytes(who.ConsensusKey), AbiValue.UInt(commission), AbiValue.String(moniker), AbiValue.String(region));

    public static byte[] Delegate(Account keeper) => StakingAbi.Delegate.EncodeCall(AbiValue.Address(keeper.Address));

    public static byte[] Undelegate(Account keeper, UInt256 amount) =>
        StakingAbi.Undelegate.EncodeCall(AbiValue.Address(keeper.Address), AbiValue.UInt(amount));

    public static byte[] Redelegate(Account source, Account destination, UInt256 amount) =>
        StakingAbi.Redelegate.EncodeCall(AbiValue.Address(source.Address), AbiValue.Address(destination.Address), AbiValue.UInt(amount));

    public static byte[] Withdraw() => StakingAbi.Withdraw.EncodeCall();

    public static byte[] Leave() => StakingAbi.LeaveKeeper.EncodeCall();

    public static byte[] ClaimRewards(Account keeper) => SettlementAbi.ClaimRewards.EncodeCall(AbiValue.Address(keeper.Address));

    public static byte[] ClaimCommission() => SettlementAbi.ClaimCommission.EncodeCall();

    public static byte[] Edit(ushort commission, string moniker = "keeper", string region = "eu-west") =>
        StakingAbi.EditKeeper.EncodeCall(AbiValue.UInt(commission), AbiValue.String(moniker), AbiValue.String(region));
}
