using Aro.Core;
using Aro.Core.Blocks;
using Aro.Execution.Chain;

namespace Aro.Node.Network;

/// <summary>
/// Checks that a commit carries more than 2/3 of the voting power of the validator set, each
/// signature recovering to the validator at its index. Until the consensus engine tracks validator
/// set changes, the set is the genesis validators, ordered by address as commits index them.
/// </summary>
internal sealed class CommitVerifier
{
    private readonly GenesisValidator[] _validators;
    private readonly UInt128 _totalPower;
    private readonly ulong _chainId;

    public CommitVerifier(GenesisSpec genesis)
    {
        ArgumentNullException.ThrowIfNull(genesis);
        _chainId = genesis.ChainId;
        _validators = [.. genesis.Validators.OrderBy(v => v.Address)];
        foreach (var validator in _validators)
        {
            _totalPower += validator.Power;
        }
    }

    /// <summary>Null when the commit is valid for <paramref name="block"/>, else why not.</summary>
    public string? Check(Block block, Commit commit)
    {
        if (commit.Height != block.Number || commit.BlockHash != block.Hash)
        {
            return $"the commit is for {commit.Height} {commit.BlockHash}, not {block.Number} {block.Hash}";
        }

        var signingHash = commit.SigningHash(_chainId);
        UInt128 signed = 0;
        foreach (var signature in commit.Signatures)
        {
            if (signature.ValidatorIndex >= _validators.Length)
            {
                return $"the commit names validator index {signature.ValidatorIndex}; the set has {_validators.Length}";
            }

            var validator = _validators[signature.ValidatorIndex];
            if (!signature.TryRecoverSigner(signingHash, out var signer) || signer != validator.Address)
            {
                return $"signature {signature.ValidatorIndex} is not by validator {validator.Address}";
            }

            signed += validator.Power;
        }

        return signed * 3 > _totalPower * 2
            ? null
            : $"the commit carries {signed} of {_totalPower} voting power; more than 2/3 is needed";
    }
}
