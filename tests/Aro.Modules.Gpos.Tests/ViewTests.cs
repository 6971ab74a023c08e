using Aro.Core;
using Aro.Core.Abi;
using Aro.Execution.Execution;
using Aro.Execution.Modules;
using Aro.State.Trie;
using Aro.State.World;
using static Aro.Modules.Gpos.Abi.StakingAbi;

namespace Aro.Modules.Gpos.Tests;

public class ViewTests
{
    private static GposChain WithKeeperAndDelegators()
    {
        var chain = new GposChain();
        chain.Ok(chain[0], Calls.Register(chain[0]), value: 1_000UL);
        chain.Ok(chain[5], Calls.Delegate(chain[0]), value: 50UL);
        chain.Ok(chain[6], Calls.Delegate(chain[0]), value: 70UL);
        return chain;
    }

    [Fact]
    public void Keeper_registry_is_enumerable_in_registration_order()
    {
        var chain = new GposChain();
        chain.Ok(chain[3], Calls.Register(chain[3]), value: 1_000UL);
        chain.Ok(chain[1], Calls.Register(chain[1]), value: 1_000UL);

        Assert.Equal((UInt256)2UL, chain.View(GetKeeperCount)[0].AsUInt256());
        Assert.Equal(chain[3].Address, chain.View(GetKeeperAt, AbiValue.UInt(0UL))[0].AsAddress());
        Assert.Equal(chain[1].Address, chain.View(GetKeeperAt, AbiValue.UInt(1UL))[0].AsAddress());
    }

    [Fact]
    public void Delegations_of_a_keeper_are_enumerable_with_their_amounts()
    {
        var chain = WithKeeperAndDelegators();

        var rows = Enumerable.Range(0, 3).Select(i => chain.View(GetKeeperDelegationAt, AbiValue.Address(chain[0].Address), AbiValue.UInt((ulong)i))).ToArray();

        Assert.Equal([chain[0].Address, chain[5].Address, chain[6].Address], rows.Select(r => r[0].AsAddress()));
        Assert.Equal([(UInt256)1_000UL, (UInt256)50UL, (UInt256)70UL], rows.Select(r => r[2].AsUInt256()));
    }

    [Fact]
    public void Removing_a_delegation_moves_the_last_one_into_its_place()
    {
        var chain = WithKeeperAndDelegators();

        chain.Ok(chain[5], Calls.Undelegate(chain[0], 50UL));

        Assert.Equal(chain[6].Address, chain.View(GetKeeperDelegationAt, AbiValue.Address(chain[0].Address), AbiValue.UInt(1UL))[0].AsAddress());
        Assert.Equal(2UL, chain.View(GetKeeper, AbiValue.Address(chain[0].Address))[10].AsUInt64());
    }

    [Fact]
    public void An_index_past_the_end_reverts()
    {
        var chain = WithKeeperAndDelegators();
        var query = GetKeeperAt.EncodeCall(AbiValue.UInt(1UL));

        var result = chain.Host.Query(chain.State, Block(chain), GposModule.Address, query);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Unknown_keeper_reads_as_not_existing()
    {
        var chain = new GposChain();

        var k = chain.View(GetKeeper, AbiValue.Address(chain[7].Address));

        Assert.False(k[0].AsBool());
        Assert.True(k[7].AsUInt256().IsZero);
    }

    [Fact]
    public void Totals_add_up_to_the_module_balance()
    {
        var chain = WithKeeperAndDelegators();
        chain.Ok(chain[5], Calls.Undelegate(chain[0], 20UL));

        var totals = chain.View(GetTotals);

        Assert.Equal((UInt256)1_100UL, totals[0].AsUInt256());
        Assert.Equal((UInt256)20UL, totals[1].AsUInt256());
        Assert.Equal(totals[0].AsUInt256() + totals[1].AsUInt256() + totals[2].AsUInt256(), chain.State.GetBalance(GposModule.Address));
    }

    [Fact]
    public void A_message_through_eth_call_reverts_and_changes_nothing()
    {
        var chain = WithKeeperAndDelegators();
        var root = chain.StateRoot();

        var result = chain.Host.Query(chain.State, Block(chain), GposModule.Address, Calls.Withdraw());

        Assert.False(result.Succeeded);
        Assert.Equal(root, chain.StateRoot());
    }

    [Fact]
    public void A_chain_without_the_genesis_section_reverts_calls_instead_of_failing_blocks()
    {
        var state = new WorldState(new MemoryTrieNodeStore());
        var account = Account.Of(1);
        state.AddBalance(account.Address, GposChain.Funds);
        var executor = new BlockExecutor(new ExecutionParameters(), new ModuleHost([new GposModule()]));
        var tx = Aro.Core.Transactions.TxSigner.Sign(
            Aro.Core.Transactions.Transaction.DynamicFee(GposChain.ChainId, 0, 1, 2, 200_000, GposModule.Address, 0, Calls.Withdraw(), []),
            account.PrivateKey);

        var result = executor.BuildBlock(state, new BlockContext(1, 0, GposChain.Proposer, 1, 30_000_000, GposChain.ChainId, 0), [new SenderTx(tx, account.Address)]);

        Assert.False(result.Transactions[0].Succeeded);
    }

    private static BlockContext Block(GposChain chain) => new(chain.Height, 0, GposChain.Proposer, 1, 30_000_000, GposChain.ChainId, 0);
}
