using Aro.Core;
using Aro.Node.Tests.Chain;
using Aro.Node.Tests.Staking;

namespace Aro.Node.Tests.Process;

/// <summary>
/// Consensus keys for keepers registered on a devnet process that runs no node for them, sorted after the
/// devnet validator's address. Consensus now numbers commit signatures by the GPoS set's own order and GPoS
/// credits signers by recovered address, so the order no longer matters for correctness; keeping these keys
/// keeps the walkthrough's validator index stable (0) across the set change.
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
