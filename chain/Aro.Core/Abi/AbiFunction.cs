namespace Aro.Core.Abi;

/// <summary>
/// A function of a module's interface: calldata is <c>selector ++ enc(inputs)</c> and the result is
/// <c>enc(outputs)</c>. Build one from code (<see cref="Parse"/>) or from ABI JSON (<see cref="AbiJson"/>).
/// </summary>
public sealed class AbiFunction
{
    private readonly AbiParameter[] _inputs;
    private readonly AbiParameter[] _outputs;
    private readonly AbiType _inputTuple;
    private readonly AbiType _outputTuple;

    /// <exception cref="AbiFormatException">The name is not a Solidity identifier.</exception>
    public AbiFunction(
        string name,
        IReadOnlyList<AbiParameter> inputs,
        IReadOnlyList<AbiParameter> outputs,
        AbiStateMutability stateMutability = AbiStateMutability.NonPayable)
    {
        ArgumentNullException.ThrowIfNull(name);
        AbiTypeParser.ValidateIdentifier(name);
        Name = name;
        _inputs = AbiSignature.Copy(inputs, nameof(inputs));
        _outputs = AbiSignature.Copy(outputs, nameof(outputs));
        _inputTuple = AbiSignature.Tuple(_inputs);
        _outputTuple = AbiSignature.Tuple(_outputs);
        StateMutability = stateMutability;
        Signature = AbiSignature.Text(name, _inputs);
        Selector = AbiSelector.Of(Signature);
    }

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs => _inputs;

    public IReadOnlyList<AbiParameter> Outputs => _outputs;

    public AbiStateMutability StateMutability { get; }

    /// <summary>Canonical signature, e.g. <c>transfer(address,uint256)</c>.</summary>
    public string Signature { get; }

    public AbiSelector Selector { get; }

    /// <summary>
    /// A function from its signature and, optionally, its return list:
    /// <c>Parse("balanceOf(address)", "(uint256)")</c>.
    /// </summary>
    /// <exception cref="AbiFormatException">Malformed signature or return list.</exception>
    public static AbiFunction Parse(string signature, string? returns = null, AbiStateMutability stateMutability = AbiStateMutability.NonPayable)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var (name, inputs) = AbiTypeParser.ParseSignature(signature);
        var outputs = returns is null ? [] : AbiTypeParser.ParseParameterList(returns);
        return new AbiFunction(name, AbiSignature.Unnamed(inputs), AbiSignature.Unnamed(outputs), stateMutability);
    }

    /// <exception cref="AbiFormatException">The values do not fit the inputs.</exception>
    public byte[] EncodeCall(params AbiValue[] arguments) =>
        AbiEncoder.Encode(_inputTuple, AbiSignature.Values(arguments), AbiSelector.Size, Selector.Value);

    /// <exception cref="AbiFormatException">Wrong selector, or the arguments are not a canonical encoding.</exception>
    public AbiValue[] DecodeCall(ReadOnlySpan<byte> calldata) =>
        AbiSignature.DecodeAfterSelector(Selector, _inputTuple, calldata, Signature);

    /// <summary>Decodes the arguments after the selector, which the dispatcher has already matched.</summary>
    /// <exception cref="AbiFormatException">The arguments are not a canonical encoding.</exception>
    public AbiValue[] DecodeArguments(ReadOnlySpan<byte> arguments) => AbiDecoder.Decode(_inputTuple, arguments);

    /// <exception cref="AbiFormatException">The values do not fit the outputs.</exception>
    public byte[] EncodeResult(params AbiValue[] results) =>
        AbiEncoder.Encode(_outputTuple, AbiSignature.Values(results), 0, 0);

    /// <exception cref="AbiFormatException">Not a canonical encoding of the outputs.</exception>
    public AbiValue[] DecodeResult(ReadOnlySpan<byte> data) => AbiDecoder.Decode(_outputTuple, data);

    public override string ToString() => Signature;
}
