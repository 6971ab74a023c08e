using Aro.Core;
using Aro.Execution.Execution;
using Aro.Execution.Modules;
using Aro.State.Trie;
using Aro.State.World;

namespace Aro.Execution.Tests.Execution;

internal static class ExecFixture
{
    public static readonly UInt256 Funds = 1_000_000_000UL;

    public static WorldState FundedState(params byte[][] keys)
    {
        var state = new WorldState(new MemoryTrieNodeStore());
        foreach (var key in keys)
        {
            state.AddBalance(ExecTx.AddressOf(key), Funds);
        }

        return state;
    }

    public static BlockExecutor Executor(params IModule[] modules) => new(new ExecutionParameters(), new ModuleHost(modules));
}
