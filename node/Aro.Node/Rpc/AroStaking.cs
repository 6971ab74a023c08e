using Aro.Core;
using Aro.Core.Abi;
using Aro.JsonRpc;
using Aro.Modules.Gpos;
using Aro.Node.Chain;
using Aro.Node.Rpc.Dto;
using Aro.State.Trie;
using static Aro.Modules.Gpos.Abi.StakingAbi;

namespace Aro.Node.Rpc;

/// <summary>
/// The <c>aro_</c> staking methods: typed JSON views of the GPoS module at a block (block tag as
/// eth_call; default "latest"), and record proofs. Shapes in README.md.
/// </summary>
internal static class AroStaking
{
    /// <summary>Keepers per aro_getKeepers page: each costs two view reads, so a page is bounded work.</summary>
    public const ulong KeeperPageSize = 100;

    /// <summary>Longest module record key aro_getModuleProof takes (the module's keys are at most ~60 bytes).</summary>
    public const int MaxRecordKeyLength = 256;

    private static readonly string[] StatusNames = ["unbonded", "bonded", "unbonding"];

    public static void Register(JsonRpcMethodRegistry registry, IChainReader chain)
    {
        registry.AddSync("aro_getKeeper", (Address keeper, BlockParameter block) => Keeper(GposReader.At(chain, block), keeper), requiredParams: 1);
        registry.AddSync("aro_getKeepers", (ulong? page, BlockParameter block) => Keepers(GposReader.At(chain, block), page ?? 0), requiredParams: 0);
        registry.AddSync("aro_getDelegations", (Address delegator, BlockParameter block) => Delegations(GposReader.At(chain, block), delegator), requiredParams: 1);
        registry.AddSync("aro_getEpoch", (BlockParameter block) => Epoch(GposReader.At(chain, block)), requiredParams: 0);
        registry.AddSync("aro_getValidatorSet", (ulong? epoch) => ValidatorSet(GposReader.At(chain, BlockParameter.Latest), epoch), requiredParams: 0);
        registry.AddSync("aro_getModuleProof", (byte[] key, BlockParameter block) => ModuleProof(chain, GposModule.Address, key, block), requiredParams: 1);
    }

    private static KeeperDto Keeper(GposReader reader, Address keeper) =>
        ReadKeeper(reader, keeper) ?? throw new JsonRpcException(JsonRpcErrorCodes.ServerError, $"keeper {keeper} is not registered");

    private static KeeperDto? ReadKeeper(GposReader reader, Address keeper)
    {
        var r = reader.Call(GetKeeper, AbiValue.Address(keeper));
        if (!r[0].AsBool())
        {
            return null;
        }

        var consensusKey = r[1].AsBytes();
        var status = r[3].AsUInt64();
        return new KeeperDto
        {
            Address = keeper,
            ConsensusKey = consensusKey,
            ConsensusAddress = Address.FromPublicKey(consensusKey),
            CommissionBps = r[2].AsUInt64(),
            Status = status < (ulong)StatusNames.Length ? StatusNames[status] : "status-" + status,
            Jailed = r[4].AsBool(),
            Tombstoned = r[5].AsBool(),
            Left = r[6].AsBool(),
            Tokens = r[7].AsUInt256(),
            TotalShares = r[8].AsUInt256(),
            SelfStake = r[9].AsUInt256(),
            DelegatorCount = r[10].AsUInt64(),
            Moniker = r[11].AsString(),
            Region = r[12].AsString(),
        };
    }

    private static KeeperPageDto Keepers(GposReader reader, ulong page)
    {
        var total = reader.Call(GetKeeperCount)[0].AsUInt64();
        var keepers = new List<KeeperDto>();
        if (page <= total / KeeperPageSize)
        {
            var end = Math.Min(total, (page + 1) * KeeperPageSize);
            for (var i = page * KeeperPageSize; i < end; i++)
            {
                var address = reader.Call(GetKeeperAt, AbiValue.UInt(i))[0].AsAddress();
                keepers.Add(ReadKeeper(reader, address) ?? throw new JsonRpcException(JsonRpcErrorCodes.InternalError, $"registry names {address}, which has no record"));
            }
        }

        return new KeeperPageDto { Total = total, Page = page, PageSize = KeeperPageSize, Keepers = keepers };
    }

    private static DelegationsDto Delegations(GposReader reader, Address delegator)
    {
        var keepers = reader.Call(GetDelegatorKeepers, AbiValue.Address(delegator))[0].AsList();
        var delegations = new DelegationDto[keepers.Length];
        for (var i = 0; i < keepers.Length; i++)
        {
            var keeper = keepers[i].AsAddress();
            var d = reader.Call(GetDelegation, AbiValue.Address(delegator), AbiValue.Address(keeper));
            delegations[i] = new DelegationDto { Keeper = keeper, Shares = d[0].AsUInt256(), Amount = d[1].AsUInt256() };
        }

        var withdrawable = reader.Call(GetWithdrawable, AbiValue.Address(delegator))[0].AsUInt256();
        return new DelegationsDto { Delegator = delegator, Delegations = delegations, Withdrawable = withdrawable };
    }

    private static EpochDto Epoch(GposReader reader)
    {
        var e = reader.Call(GetEpoch);
        var p = reader.Call(GetParams);
        var t = reader.Call(GetTotals);
        var epoch = e[0].AsUInt64();
        var blocks = e[1].AsUInt64();
        return new EpochDto
        {
            Epoch = epoch,
            FirstBlock = epoch * blocks,
            LastBlock = e[2].AsUInt64() - 1,
            BlockNumber = reader.Header.Number,
            Params = new GposParamsDto
            {
                EpochBlocks = p[0].AsUInt64(),
                UnbondingEpochs = p[1].AsUInt64(),
                MaxValidators = p[2].AsUInt64(),
                MaxKeepers = p[3].AsUInt64(),
                MinSelfStake = p[4].AsUInt256(),
                MaxCommissionBps = p[5].AsUInt64(),
                MaxCommissionChangeBps = p[6].AsUInt64(),
                CommissionChangeEpochs = p[7].AsUInt64(),
                MaxEntries = p[8].AsUInt64(),
                MaxDelegationsPerDelegator = p[9].AsUInt64(),
            },
            Bonded = t[0].AsUInt256(),
            Unbonding = t[1].AsUInt256(),
            Withdrawable = t[2].AsUInt256(),
        };
    }

    /// <summary>
    /// The consensus set of <paramref name="epoch"/> (default: the head's), read from the module's historical
    /// sets (<c>71</c>/<c>72</c>, view <c>getValidatorSet</c>) at the head: sets are never deleted, so any started
    /// epoch is answered from one state. Members are in consensus-address order (a commit's validator index).
    /// </summary>
    private static ValidatorSetDto ValidatorSet(GposReader head, ulong? epoch)
    {
        var e = head.Call(GetEpoch);
        var current = e[0].AsUInt64();
        var blocks = e[1].AsUInt64();
        var wanted = epoch ?? current;
        if (wanted > current)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.ServerError, $"epoch {wanted} has not started (current epoch {current})");
        }

        var set = head.Call(GetValidatorSet, AbiValue.UInt(wanted));
        var keepers = set[1].AsList();
        var consensus = set[2].AsList();
        var powers = set[3].AsList();
        var validators = new ValidatorDto[keepers.Length];
        ulong total = 0;
        for (var i = 0; i < validators.Length; i++)
        {
            var power = powers[i].AsUInt64();
            validators[i] = new ValidatorDto { Keeper = keepers[i].AsAddress(), ConsensusAddress = consensus[i].AsAddress(), Power = power };
            total += power;
        }

        return new ValidatorSetDto
        {
            Epoch = wanted,
            BlockNumber = wanted == 0 ? 0 : (wanted * blocks) - 1,
            Hash = new Hash256(set[0].AsBytes()),
            TotalPower = total,
            Validators = validators,
        };
    }

    /// <summary>A record of the native module at <paramref name="module"/> with its proof against the block's state root.</summary>
    internal static ModuleProofDto ModuleProof(IChainReader chain, Address module, byte[] key, BlockParameter block)
    {
        if (key is null || key.Length == 0 || key.Length > MaxRecordKeyLength)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"invalid argument 0: a record key is 1 to {MaxRecordKeyLength} bytes");
        }

        var header = BlockResolver.Require(chain, block);
        var proof = chain.OpenState(header.StateRoot).GetProof(module, [key]);
        var storage = proof.StorageProofs[0];
        return new ModuleProofDto
        {
            Address = module,
            Key = key,
            Slot = Aro.Core.Crypto.Keccak256.Hash(key),
            Value = storage.Value,
            BlockNumber = header.Number,
            BlockHash = header.Hash,
            StateRoot = header.StateRoot,
            AccountProof = proof.Proof,
            StorageHash = proof.Account?.StorageRoot ?? PatriciaTrie.EmptyRootHash,
            StorageProof = storage.Proof,
        };
    }
}
