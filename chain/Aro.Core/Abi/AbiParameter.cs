namespace Aro.Core.Abi;

/// <summary>A named function, error or event parameter. Names are informational; only the type is encoded.</summary>
public sealed record AbiParameter(string Name, AbiType Type, bool Indexed = false)
{
    public static AbiParameter Of(string type, string name = "", bool indexed = false) => new(name, AbiType.Parse(type), indexed);
}
