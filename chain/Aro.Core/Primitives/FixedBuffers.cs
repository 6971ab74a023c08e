using System.Runtime.CompilerServices;

namespace Aro.Core;

/// <summary>Inline storage for <see cref="Hash256"/>: 32 bytes, no heap array.</summary>
[InlineArray(Hash256.Size)]
internal struct Bytes32
{
    private byte _element0;
}

/// <summary>Inline storage for <see cref="Address"/>: 20 bytes, no heap array.</summary>
[InlineArray(Address.Size)]
internal struct Bytes20
{
    private byte _element0;
}
