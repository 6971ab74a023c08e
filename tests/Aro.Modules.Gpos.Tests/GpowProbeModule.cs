using System.Collections.Frozen;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Blocks;
using Aro.Execution.Modules;
using Aro.Modules.Gpos.Interop;

namespace Aro.Modules.Gpos.Tests;

/// <summary>
/// A second native module that uses GPoS the way GPoW and the node will: through <see cref="IKeeperRegistry"/>
/// and <see cref="GposModule.HandleEvidence"/>, inside its own calls, so everything reverts with the call.
/// </summary>
internal sealed class GpowProbeModule(GposModule gpos) : IModule
{
    public static readonly Address SystemAddress = Address.Parse("0x000000000000000000000000000000000000a130");

    public static readonly AbiFunction SlashFalseVouch = AbiFunction.Parse("slashFalseVouch(address,uint64)");
    public static readonly AbiFunction HandleEvidence = AbiFunction.Parse("handleEvidence(bytes)");
    public static readonly AbiFunction ActiveKeepers = AbiFunction.Parse("activeKeepers()", "(address[])");
    public static readonly AbiFunction IsActiveKeeper = AbiFunction.Parse("isActiveKeeper(address)", "(bool)");

    private static readonly AbiFunction[] Functions = [SlashFalseVouch, HandleEvidence, ActiveKeepers, IsActiveKeeper];

    Address IModule.SystemAddress => SystemAddress;

    public string Name => "gpow-probe";

    public IReadOnlyDictionary<AbiSelector, ulong> GasTable { get; } = Functions.ToFrozenDictionary(f => f.Selector, _ => 100_000UL);

    public bool AcceptsPlainValue => false;

    public void BeginBlock(ModuleContext context)
    {
    }

    public void EndBlock(ModuleContext context)
    {
    }

    public ModuleCallResult Call(ModuleContext context, CallInput input, GasMeter gas)
    {
        IKeeperRegistry registry = gpos;
        var data = input.Calldata.Span;
        AbiSelector.TryRead(data, out var selector);
        if (selector == SlashFalseVouch.Selector)
        {
            var a = SlashFalseVouch.DecodeArguments(data[AbiSelector.Size..]);
            registry.SlashFalseVouch(context, a[0].AsAddress(), a[1].AsUInt64(), "probe");
            return ModuleCallResult.Success([]);
        }

        if (selector == HandleEvidence.Selector)
        {
            var a = HandleEvidence.DecodeArguments(data[AbiSelector.Size..]);
            gpos.HandleEvidence(context.For(gpos), DuplicateVoteEvidenceCodec.Decode(a[0].AsBytes()));
            return ModuleCallResult.Success([]);
        }

        if (selector == IsActiveKeeper.Selector)
        {
            var a = IsActiveKeeper.DecodeArguments(data[AbiSelector.Size..]);
            return ModuleCallResult.Success(IsActiveKeeper.EncodeResult(AbiValue.Bool(registry.IsActiveKeeper(context, a[0].AsAddress()))));
        }

        var keepers = registry.ActiveKeepers(context);
        return ModuleCallResult.Success(ActiveKeepers.EncodeResult(AbiValue.List([.. keepers.Select(AbiValue.Address)])));
    }

    public ModuleCallResult Query(ModuleQueryContext context, ReadOnlySpan<byte> calldata) =>
        ModuleCallResult.Revert(AbiError.EncodeErrorString("not a view"));
}
