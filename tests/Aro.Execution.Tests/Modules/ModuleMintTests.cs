using Aro.Core;
using Aro.Core.Abi;
using Aro.Execution.Execution;
using Aro.Execution.Modules;
using Aro.Execution.Tests.Execution;
using static Aro.Execution.Tests.Execution.ExecFixture;

namespace Aro.Execution.Tests.Modules;

public class ModuleMintTests
{
    private static readonly Address MinterAddress = Address.Parse("0x000000000000000000000000000000000000a1f0");

    [Fact]
    public void Mint_credits_new_value_to_the_modules_own_account()
    {
        var state = FundedState(ExecTx.Alice);

        Executor(new Minter(5)).BuildBlock(state, ExecTx.Block(10), []);

        Assert.Equal((UInt256)5UL, state.GetBalance(MinterAddress));
        Assert.Equal(Funds, state.GetBalance(ExecTx.AddressOf(ExecTx.Alice)));
    }

    [Fact]
    public void Minting_zero_leaves_the_account_untouched()
    {
        var state = FundedState(ExecTx.Alice);

        Executor(new Minter(0)).BuildBlock(state, ExecTx.Block(10), []);

        Assert.Null(state.GetAccount(MinterAddress));
    }

    /// <summary>A module that mints a fixed amount in every end-block.</summary>
    private sealed class Minter(ulong amount) : IModule
    {
        public Address SystemAddress => MinterAddress;

        public string Name => "minter";

        public IReadOnlyDictionary<AbiSelector, ulong> GasTable { get; } = new Dictionary<AbiSelector, ulong>();

        public bool AcceptsPlainValue => false;

        public void BeginBlock(ModuleContext context)
        {
        }

        public void EndBlock(ModuleContext context) => context.Mint(amount);

        public ModuleCallResult Call(ModuleContext context, CallInput input, GasMeter gas) => ModuleCallResult.Revert([]);

        public ModuleCallResult Query(ModuleQueryContext context, ReadOnlySpan<byte> calldata) => ModuleCallResult.Revert([]);
    }
}
