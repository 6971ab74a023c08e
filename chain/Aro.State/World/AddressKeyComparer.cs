using Aro.Core;

namespace Aro.State.World;

/// <summary>
/// Hashes all 20 bytes of an address with the process's randomized seed. <see cref="Address"/>'s own
/// hash code reads only the first 8 bytes, and transfer recipients are arbitrary bytes: a block
/// paying thousands of addresses sharing those bytes would make every overlay lookup linear.
/// Hash codes never reach state (the overlay is applied in sorted order).
/// </summary>
internal sealed class AddressKeyComparer : IEqualityComparer<Address>
{
    public static readonly AddressKeyComparer Instance = new();

    public bool Equals(Address x, Address y) => x.Equals(y);

    public int GetHashCode(Address obj)
    {
        var hash = default(HashCode);
        hash.AddBytes(obj.Bytes);
        return hash.ToHashCode();
    }
}
