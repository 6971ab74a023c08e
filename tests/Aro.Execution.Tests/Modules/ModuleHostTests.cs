using Aro.Core;
using Aro.Execution.Modules;
using Aro.Execution.Tests.Execution;
using static Aro.Execution.Tests.Execution.ExecFixture;

namespace Aro.Execution.Tests.Modules;

public class ModuleHostTests
{
    private static readonly Address Low = Address.Parse("0x0000000000000000000000000000000000000a01");
    private static readonly Address High = Address.Parse("0x0000000000000000000000000000000000000a02");

    [Fact]
    public void Two_modules_at_one_address_are_refused() =>
        Assert.Throws<ArgumentException>(() => new ModuleHost([new CounterModule(Low), new CounterModule(Low)]));

    [Fact]
    public void Modules_are_ordered_by_address_whatever_the_registration_order()
    {
        var host = new ModuleHost([new CounterModule(High), new CounterModule(Low)]);

        Assert.Equal([Low, High], host.Modules.Select(m => m.SystemAddress));
    }

    [Fact]
    public void Hooks_run_in_address_order_around_the_transactions()
    {
        var hooks = new List<string>();
        var executor = Executor(new CounterModule(High, hookLog: hooks), new CounterModule(Low, hookLog: hooks));

        executor.BuildBlock(FundedState(), ExecTx.Block(10), []);

        Assert.Equal([$"begin {Low}", $"begin {High}", $"end {Low}", $"end {High}"], hooks);
    }
}
