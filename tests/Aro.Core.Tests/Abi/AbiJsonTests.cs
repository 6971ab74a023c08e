using Aro.Core.Abi;

namespace Aro.Core.Tests.Abi;

public class AbiJsonTests
{
    private const string Erc20Like = """
        [
          {"type":"function","name":"transfer","stateMutability":"nonpayable",
           "inputs":[{"name":"to","type":"address"},{"name":"amount","type":"uint256"}],
           "outputs":[{"name":"","type":"bool"}]},
          {"type":"function","name":"balanceOf","stateMutability":"view",
           "inputs":[{"name":"owner","type":"address"}],
           "outputs":[{"name":"","type":"uint256"}]},
          {"type":"function","name":"batch","stateMutability":"payable",
           "inputs":[{"name":"moves","type":"tuple[]","components":[
              {"name":"to","type":"address"},{"name":"amount","type":"uint256"},{"name":"memo","type":"bytes"}]}],
           "outputs":[]},
          {"type":"event","name":"Transfer","anonymous":false,
           "inputs":[{"name":"from","type":"address","indexed":true},{"name":"to","type":"address","indexed":true},
                     {"name":"value","type":"uint256","indexed":false}]},
          {"type":"error","name":"InsufficientBalance",
           "inputs":[{"name":"available","type":"uint256"},{"name":"required","type":"uint256"}]},
          {"type":"constructor","inputs":[{"name":"supply","type":"uint256"}],"stateMutability":"nonpayable"}
        ]
        """;

    [Fact]
    public void Reads_functions_with_selectors_and_mutability()
    {
        var abi = AbiJson.Parse(Erc20Like);
        Assert.Equal(3, abi.Functions.Count);
        var transfer = abi.FindFunction("transfer(address,uint256)")!;
        Assert.Equal("0xa9059cbb", transfer.Selector.ToString());
        Assert.Equal(AbiStateMutability.NonPayable, transfer.StateMutability);
        Assert.Equal(["to", "amount"], transfer.Inputs.Select(p => p.Name));
        Assert.Equal(AbiType.Bool, transfer.Outputs[0].Type);
        Assert.Equal(AbiStateMutability.View, abi.FindFunction(new AbiSelector(0x70a08231))!.StateMutability);
    }

    [Fact]
    public void Reads_tuple_arrays_through_components()
    {
        var batch = AbiJson.Parse(Erc20Like).Functions[2];
        Assert.Equal("batch((address,uint256,bytes)[])", batch.Signature);
        Assert.Equal(AbiStateMutability.Payable, batch.StateMutability);
    }

    [Fact]
    public void Reads_events_with_indexed_flags()
    {
        var transfer = AbiJson.Parse(Erc20Like).FindEvent("Transfer(address,address,uint256)")!;
        Assert.Equal([true, true, false], transfer.Inputs.Select(p => p.Indexed));
        Assert.Equal("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", transfer.Topic0.ToString());
    }

    [Fact]
    public void Reads_custom_errors()
    {
        var error = AbiJson.Parse(Erc20Like).FindError("InsufficientBalance(uint256,uint256)")!;
        var data = error.Encode(AbiValue.UInt(1), AbiValue.UInt(2));
        Assert.Equal(error.Selector, AbiSelector.TryRead(data, out var s) ? s : default);
        Assert.Equal(2UL, error.Decode(data)[1].AsUInt64());
    }

    [Fact]
    public void Reads_the_specification_struct_example()
    {
        const string json = """
            [{"name":"f","type":"function","outputs":[],"inputs":[
              {"name":"s","type":"tuple","components":[
                {"name":"a","type":"uint256"},{"name":"b","type":"uint256[]"},
                {"name":"c","type":"tuple[]","components":[{"name":"x","type":"uint256"},{"name":"y","type":"uint256"}]}]},
              {"name":"t","type":"tuple","components":[{"name":"x","type":"uint256"},{"name":"y","type":"uint256"}]},
              {"name":"a","type":"uint256"}]}]
            """;
        Assert.Equal(
            "f((uint256,uint256[],(uint256,uint256)[]),(uint256,uint256),uint256)",
            AbiJson.Parse(json).Functions[0].Signature);
    }

    [Fact]
    public void Reads_the_specification_event_example()
    {
        const string json = """
            [{"type":"event","inputs":[{"name":"a","type":"uint256","indexed":true},{"name":"b","type":"bytes32","indexed":false}],"name":"Event"},
             {"type":"event","inputs":[{"name":"a","type":"uint256","indexed":true},{"name":"b","type":"bytes32","indexed":false}],"name":"Event2"},
             {"type":"function","inputs":[{"name":"a","type":"uint256"}],"name":"foo","outputs":[]}]
            """;
        var abi = AbiJson.Parse(json);
        Assert.Equal(["Event(uint256,bytes32)", "Event2(uint256,bytes32)"], abi.Events.Select(e => e.Signature));
        Assert.Equal("foo(uint256)", abi.Functions[0].Signature);
    }

    [Fact]
    public void Applies_array_suffixes_after_tuple_in_order()
    {
        const string json = """
            [{"type":"function","name":"h","inputs":[{"name":"p","type":"tuple[2][]","components":[
              {"name":"a","type":"uint64"},{"name":"b","type":"bytes32"}]}],"outputs":[]}]
            """;
        var type = AbiJson.Parse(json).Functions[0].Inputs[0].Type;
        Assert.Equal("(uint64,bytes32)[2][]", type.ToString());
        Assert.Equal(AbiTypeKind.DynamicArray, type.Kind);
        Assert.Equal(AbiTypeKind.FixedArray, type.Element!.Kind);
    }

    [Fact]
    public void Finds_nothing_for_an_unknown_selector() =>
        Assert.Null(AbiJson.Parse(Erc20Like).FindFunction(new AbiSelector(0xdeadbeef)));

    [Fact]
    public void Skips_constructor_fallback_and_receive() =>
        Assert.Empty(AbiJson.Parse("""[{"type":"constructor","inputs":[]},{"type":"fallback"},{"type":"receive","stateMutability":"payable"}]""").Functions);

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("[1]")]
    [InlineData("""[{"type":"function","inputs":[]}]""")]
    [InlineData("""[{"type":"function","name":"f","inputs":[{"name":"a","type":"uint7"}]}]""")]
    [InlineData("""[{"type":"function","name":"f","inputs":[{"name":"a","type":"tuple"}]}]""")]
    [InlineData("""[{"type":"function","name":"f","inputs":[{"name":"a","type":"uint256","components":[]}]}]""")]
    [InlineData("""[{"type":"function","name":"f","inputs":[{"name":"a","type":"uint256","indexed":true}]}]""")]
    [InlineData("""[{"type":"function","name":"f","stateMutability":"sometimes","inputs":[]}]""")]
    [InlineData("""[{"type":"function","name":"f","inputs":[]},{"type":"function","name":"f","inputs":[]}]""")]
    [InlineData("""[{"type":"event","name":"E","inputs":[{"type":"uint8","indexed":true},{"type":"uint8","indexed":true},{"type":"uint8","indexed":true},{"type":"uint8","indexed":true}]}]""")]
    [InlineData("""[{"type":"widget","name":"f"}]""")]
    [InlineData("""[{"type":"function","name":"f","inputs":[{"name":"p","type":"tuple[0]","components":[{"type":"bool"}]}]}]""")]
    [InlineData("""[{"type":"function","name":"f","inputs":[{"name":"p","type":"tuplex","components":[{"type":"bool"}]}]}]""")]
    [InlineData("""[{"type":"function","name":"f","inputs":[{"name":"p","type":"tuple","components":[]}]}]""")]
    [InlineData("""[{"type":"event","name":"E","inputs":[{"type":"tuple","indexed":true,"components":[{"type":"bool","indexed":true}]}]}]""")]
    public void Rejects_malformed_abi_json(string json) =>
        Assert.Throws<AbiFormatException>(() => AbiJson.Parse(json));
}
