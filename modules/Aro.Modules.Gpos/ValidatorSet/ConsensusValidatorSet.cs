using System.Collections.Immutable;
using Aro.Core;

namespace Aro.Modules.Gpos.ValidatorSet;

/// <summary>One member of an epoch's consensus set: the keeper, the address of its consensus key, and its power in whole ARO.</summary>
public readonly record struct ConsensusValidator(Address Keeper, Address ConsensusAddress, ulong Power);

/// <summary>
/// The validator set of one epoch as consensus sees it: members ordered by consensus address (a
/// commit's validator index is a position in <see cref="Members"/>), their total power, and the hash
/// the chain uses for validator sets (<c>Genesis.ValidatorSetHash</c>).
/// </summary>
public sealed record ConsensusValidatorSet(ulong Epoch, Hash256 Hash, ulong TotalPower, ImmutableArray<ConsensusValidator> Members);
