using Aro.State.World;
using static Aro.State.Tests.World.StateFixtures;

namespace Aro.State.Tests.World;

public class AddressKeyComparerTests
{
    [Fact]
    public void Addresses_differing_only_in_their_last_bytes_get_distinct_hash_codes()
    {
        // AddressOf(i) shares its first 16 bytes across all i: the overlay must not degrade to a list.
        var codes = new HashSet<int>();
        for (var i = 0; i < 1000; i++)
        {
            codes.Add(AddressKeyComparer.Instance.GetHashCode(AddressOf(i)));
        }

        Assert.True(codes.Count >= 990, $"{codes.Count} distinct hash codes for 1000 addresses.");
    }

    [Fact]
    public void Equal_addresses_are_equal_with_equal_hash_codes()
    {
        var a = AddressOf(5);
        var b = new Aro.Core.Address(a.Bytes);

        Assert.True(AddressKeyComparer.Instance.Equals(a, b));
        Assert.Equal(AddressKeyComparer.Instance.GetHashCode(a), AddressKeyComparer.Instance.GetHashCode(b));
        Assert.False(AddressKeyComparer.Instance.Equals(a, AddressOf(6)));
    }
}
