using Aro.State.Trie;
using Aro.State.World;
using static Aro.State.Tests.World.StateFixtures;

namespace Aro.State.Tests.World;

public class ModuleStoreTests
{
    private readonly MemoryTrieNodeStore _nodes = new();

    [Fact]
    public void Modules_do_not_see_each_others_records_under_the_same_key()
    {
        var state = new WorldState(_nodes);
        var staking = state.GetModuleStore(Staking);
        var workProof = state.GetModuleStore(WorkProof);

        staking.Set([0x01], [0xaa]);

        Assert.Null(workProof.Get([0x01]));
        workProof.Set([0x01], [0xbb]);
        Assert.Equal(new byte[] { 0xaa }, staking.Get([0x01]));
        Assert.Equal(new byte[] { 0xbb }, workProof.Get([0x01]));
    }

    [Fact]
    public void Module_records_live_in_the_storage_trie_of_the_system_account()
    {
        var state = new WorldState(_nodes);
        var staking = state.GetModuleStore(Staking);

        staking.Set([0x21, 0x07], [0xc1, 0x05]);
        var root = state.Commit(_nodes);

        var storageRoot = ExpectedStorageRoot(([0x21, 0x07], [0xc1, 0x05]));
        Assert.Equal(storageRoot, state.GetAccount(Staking)!.Value.StorageRoot);
        Assert.Equal(ExpectedRoot((Staking, Account.Empty with { StorageRoot = storageRoot })), root);
        Assert.Equal(new byte[] { 0xc1, 0x05 }, state.GetStorage(Staking, [0x21, 0x07]));
    }

    [Fact]
    public void Prefixed_views_are_disjoint_and_write_under_the_prefixed_key()
    {
        var state = new WorldState(_nodes);
        var store = state.GetModuleStore(Staking);
        var keepers = store.WithPrefix([0x21]);
        var delegations = store.WithPrefix([0x31]);

        keepers.Set([0x01], [0x0a]);
        delegations.Set([0x01], [0x0b]);

        Assert.Equal(new byte[] { 0x0a }, keepers.Get([0x01]));
        Assert.Equal(new byte[] { 0x0b }, delegations.Get([0x01]));
        Assert.Equal(new byte[] { 0x0a }, store.Get([0x21, 0x01]));
        Assert.Equal(new byte[] { 0x0a }, store.WithPrefix([0x21]).WithPrefix([0x01]).Get([]));
    }

    [Fact]
    public void Delete_removes_a_record_and_contains_reports_it()
    {
        var state = new WorldState(_nodes);
        var store = state.GetModuleStore(Staking);
        store.Set([0x01], [0xaa]);
        state.Commit(_nodes);

        Assert.True(store.Contains([0x01]));
        store.Delete([0x01]);

        Assert.False(store.Contains([0x01]));
        Assert.Null(store.Get([0x01]));
    }

    [Fact]
    public void Empty_records_are_rejected_rather_than_silently_deleting()
    {
        var store = new WorldState(_nodes).GetModuleStore(Staking);

        Assert.Throws<ArgumentException>(() => store.Set([0x01], []));
    }

    [Fact]
    public void Module_writes_are_journaled_with_the_rest_of_the_state()
    {
        var state = new WorldState(_nodes);
        var store = state.GetModuleStore(Staking);
        store.Set([0x01], [0xaa]);
        var snapshot = state.TakeSnapshot();

        store.Set([0x01], [0xbb]);
        store.Set([0x02], [0xcc]);
        state.RevertToSnapshot(snapshot);

        Assert.Equal(new byte[] { 0xaa }, store.Get([0x01]));
        Assert.Null(store.Get([0x02]));
    }
}
