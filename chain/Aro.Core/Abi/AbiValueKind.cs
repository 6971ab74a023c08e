namespace Aro.Core.Abi;

public enum AbiValueKind
{
    /// <summary>The default (unset) value; never valid for encoding.</summary>
    None,

    /// <summary>uint8..uint256, held as <see cref="UInt256"/>.</summary>
    UInt,

    /// <summary>int8..int256, held as a 256-bit two's complement word.</summary>
    Int,

    Bool,

    Address,

    /// <summary>bytes1..bytes32 and bytes.</summary>
    Bytes,

    String,

    /// <summary>Arrays (T[k], T[]) and tuples.</summary>
    List,

    /// <summary>A dynamic indexed event argument: only the topic (keccak of its encoding) is known.</summary>
    TopicHash,
}
