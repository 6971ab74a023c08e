namespace Aro.Core.Abi;

/// <summary>
/// A Solidity error: revert data is <c>selector ++ enc(inputs)</c>, like a call. Modules revert with
/// named errors; <see cref="ErrorString"/> and <see cref="Panic"/> are the two the compiler defines.
/// </summary>
public sealed class AbiError
{
    private readonly AbiParameter[] _inputs;
    private readonly AbiType _inputTuple;

    /// <exception cref="AbiFormatException">The name is not a Solidity identifier.</exception>
    public AbiError(string name, IReadOnlyList<AbiParameter> inputs)
    {
        ArgumentNullException.ThrowIfNull(name);
        AbiTypeParser.ValidateIdentifier(name);
        Name = name;
        _inputs = AbiSignature.Copy(inputs, nameof(inputs));
        _inputTuple = AbiSignature.Tuple(_inputs);
        Signature = AbiSignature.Text(name, _inputs);
        Selector = AbiSelector.Of(Signature);
    }

    /// <summary><c>Error(string)</c>, selector 0x08c379a0: <c>revert("reason")</c> and <c>require(cond, "reason")</c>.</summary>
    public static AbiError ErrorString { get; } = Parse("Error(string)");

    /// <summary><c>Panic(uint256)</c>, selector 0x4e487b71: assertion failures, overflow, division by zero.</summary>
    public static AbiError Panic { get; } = Parse("Panic(uint256)");

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs => _inputs;

    public string Signature { get; }

    public AbiSelector Selector { get; }

    /// <exception cref="AbiFormatException">Malformed signature.</exception>
    public static AbiError Parse(string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var (name, inputs) = AbiTypeParser.ParseSignature(signature);
        return new AbiError(name, AbiSignature.Unnamed(inputs));
    }

    /// <summary>Revert data for <c>Error(string)</c>.</summary>
    public static byte[] EncodeErrorString(string reason) => ErrorString.Encode(AbiValue.String(reason));

    /// <exception cref="AbiFormatException">The values do not fit the inputs.</exception>
    public byte[] Encode(params AbiValue[] arguments) =>
        AbiEncoder.Encode(_inputTuple, AbiSignature.Values(arguments), AbiSelector.Size, Selector.Value);

    /// <exception cref="AbiFormatException">Wrong selector, or the arguments are not a canonical encoding.</exception>
    public AbiValue[] Decode(ReadOnlySpan<byte> revertData) =>
        AbiSignature.DecodeAfterSelector(Selector, _inputTuple, revertData, Signature);

    public override string ToString() => Signature;
}
