using Aro.Core;
using Aro.Node.Tests.Chain;
using Aro.Node.Tests.Staking;

namespace Aro.Node.Tests.Process;

/// <summary>
/// Consensus keys for keepers registered on a devnet process that runs no node for them.
/// Known gap (see the branch report): the single-validator BlockProducer signs commits with its genesis
/// index, not its index in the epoch's module set (consensus-address order), so a keeper whose consensus
/// address sorted before the devnet validator's would be credited the validator's signatures and the
/// validator jailed for downtime. These keys sort after it.
/// </summary>
internal static class DevnetKeeperKey
{
    public static byte[] OrderedAfterTheValidator(string label)
    {
        var validator = Address.FromPublicKey(Devnet.Validator.PublicKey.ToArray());
        for (var i = 0; ; i++)
        {
            var key = StakingNode.ConsensusKey(label + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (Address.FromPublicKey(key).CompareTo(validator) > 0)
            {
                return key;
            }
        }
    }
}
