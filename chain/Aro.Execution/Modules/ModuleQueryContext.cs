using Aro.Core;
using Aro.Execution.Execution;
using Aro.State.World;

namespace Aro.Execution.Modules;

/// <summary>What a read-only query sees: the module's own records and balance, and the block. No writes, no events.</summary>
public sealed class ModuleQueryContext
{
    private readonly WorldState _state;
    private readonly ModuleStore _store;

    internal ModuleQueryContext(WorldState state, Address address, BlockContext block)
    {
        _state = state;
        _store = state.GetModuleStore(address);
        Address = address;
        Block = block;
    }

    public Address Address { get; }

    public BlockContext Block { get; }

    public UInt256 Balance => _state.GetBalance(Address);

    public byte[]? Get(ReadOnlySpan<byte> key) => _store.Get(key);

    public bool Contains(ReadOnlySpan<byte> key) => _store.Contains(key);
}
