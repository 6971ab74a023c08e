using System.Collections.Immutable;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Blocks;
using Aro.Execution.Execution;
using Aro.State.World;

namespace Aro.Execution.Modules;

/// <summary>
/// What a module may touch during a hook or call: its own store, the block, its own event stream,
/// value held by its own system account, and the call's gas meter. Nothing else of the world state.
/// </summary>
public sealed class ModuleContext
{
    private readonly WorldState _state;
    private readonly List<Log> _logs;

    internal ModuleContext(WorldState state, IModule module, BlockContext block, GasMeter gas, List<Log> logs)
        : this(state, module.SystemAddress, block, gas, logs)
    {
    }

    private ModuleContext(WorldState state, Address address, BlockContext block, GasMeter gas, List<Log> logs)
    {
        _state = state;
        _logs = logs;
        Address = address;
        Block = block;
        Gas = gas;
        Store = state.GetModuleStore(address);
    }

    public Address Address { get; }

    public BlockContext Block { get; }

    public ModuleStore Store { get; }

    public GasMeter Gas { get; }

    public UInt256 Balance => _state.GetBalance(Address);

    public void Emit(ImmutableArray<Hash256> topics, ReadOnlySpan<byte> data) => _logs.Add(new Log(Address, topics, data));

    public void Emit(AbiEvent abiEvent, params AbiValue[] values)
    {
        var encoded = abiEvent.Encode(values);
        _logs.Add(new Log(Address, [.. encoded.Topics], encoded.Data));
    }

    /// <summary>
    /// The same block, gas meter and event stream, over another module's account and store. This is how
    /// one module's keeper calls another's through a consumer-owned interface (GPoS asks GPoW for verified
    /// work; GPoW asks GPoS to slash): the callee reads and writes only its own records, its events carry
    /// its own address, and everything reverts together with the calling transaction or hook.
    /// </summary>
    public ModuleContext For(IModule other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ModuleContext(_state, other.SystemAddress, Block, Gas, _logs);
    }

    /// <summary>
    /// Destroys value held by the module's own account (slashed stake): it leaves the supply. Reverts the
    /// call when the module holds too little. The module books the burnt total itself (supply invariant).
    /// </summary>
    public void Burn(in UInt256 amount)
    {
        if (_state.GetBalance(Address) < amount)
        {
            throw new ModuleRevertException("module balance too low");
        }

        _state.SubtractBalance(Address, amount);
    }

    /// <summary>Moves value out of the module's own account (payouts, unbonding); reverts the call when the module holds too little.</summary>
    public void Pay(in Address to, in UInt256 amount)
    {
        if (_state.GetBalance(Address) < amount)
        {
            throw new ModuleRevertException("module balance too low");
        }

        _state.SubtractBalance(Address, amount);
        _state.AddBalance(to, amount);
    }

    /// <summary>
    /// Creates <paramref name="amount"/> new wei in the module's own account (protocol emission). The
    /// module must book every wei it mints: the supply invariant counts minted value, so a module that
    /// mints keeps a minted total in its records.
    /// </summary>
    public void Mint(in UInt256 amount)
    {
        if (!amount.IsZero)
        {
            _state.AddBalance(Address, amount);
        }
    }
}
