using Aro.Core.Abi;
using Aro.Execution.Modules;
using Aro.Modules.Gpos.State;
using static Aro.Modules.Gpos.Abi.StakingAbi;

namespace Aro.Modules.Gpos.ValidatorSet;

internal static class ValidatorSetViews
{
    /// <summary><c>getValidatorSet(uint64 epoch)</c>: hash, keepers, consensus addresses, powers; members by consensus address.</summary>
    public static AbiValue[] ValidatorSetView(StakingStore s, AbiValue[] a)
    {
        var epoch = a[0].AsUInt64();
        var set = new ValidatorSetStore(s.Records).Read(epoch) ?? throw ModuleRevertException.With(ValidatorSetNotFound, AbiValue.UInt(epoch));
        var keepers = new AbiValue[set.Members.Length];
        var consensus = new AbiValue[set.Members.Length];
        var powers = new AbiValue[set.Members.Length];
        for (var i = 0; i < set.Members.Length; i++)
        {
            keepers[i] = AbiValue.Address(set.Members[i].Keeper);
            consensus[i] = AbiValue.Address(set.Members[i].ConsensusAddress);
            powers[i] = AbiValue.UInt(set.Members[i].Power);
        }

        return [AbiValue.Bytes(set.Hash.Bytes.ToArray()), AbiValue.List(keepers), AbiValue.List(consensus), AbiValue.List(powers)];
    }
}
