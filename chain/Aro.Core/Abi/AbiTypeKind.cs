namespace Aro.Core.Abi;

public enum AbiTypeKind
{
    UInt,
    Int,
    Address,
    Bool,
    FixedBytes,
    Bytes,
    String,
    FixedArray,
    DynamicArray,
    Tuple,
}
