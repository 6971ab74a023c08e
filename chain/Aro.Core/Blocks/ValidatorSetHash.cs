using Aro.Core.Crypto;
using Aro.Core.Rlp;

namespace Aro.Core.Blocks;

/// <summary>A validator as the validator-set hash sees it: its address and voting power.</summary>
public readonly record struct ValidatorPower(Address Address, ulong Power);

/// <summary>
/// The header's validator-set hash: keccak256(rlp([[address, power], …])) over the validators sorted
/// by address ascending. Public keys are not hashed: the address is derived from the key, so it
/// already pins it. The one definition genesis, consensus and GPoS share.
/// </summary>
public static class ValidatorSetHash
{
    public static Hash256 Compute(IEnumerable<ValidatorPower> validators)
    {
        ArgumentNullException.ThrowIfNull(validators);
        var sorted = validators.ToArray();
        Array.Sort(sorted, static (a, b) => a.Address.CompareTo(b.Address));
        var content = 0;
        foreach (var validator in sorted)
        {
            content += RlpWriter.LengthOfList(EntryLength(validator));
        }

        var buffer = new byte[RlpWriter.LengthOfList(content)];
        var writer = new RlpWriter(buffer);
        writer.WriteListHeader(content);
        foreach (var validator in sorted)
        {
            writer.WriteListHeader(EntryLength(validator));
            writer.WriteAddress(validator.Address);
            writer.WriteUInt64(validator.Power);
        }

        return Keccak256.Hash(buffer);
    }

    private static int EntryLength(ValidatorPower validator) =>
        RlpUInt256Extensions.AddressLength + RlpWriter.LengthOfUInt64(validator.Power);
}
