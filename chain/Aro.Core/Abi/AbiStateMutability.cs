namespace Aro.Core.Abi;

public enum AbiStateMutability
{
    NonPayable,
    Payable,
    View,
    Pure,
}
