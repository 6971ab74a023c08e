namespace Aro.Core.Tests.Primitives;

/// <summary>
/// Dictionaries keyed by addresses and hashes hold user-chosen keys (recipients, tx hashes):
/// hash codes must depend on every byte, or keys sharing a prefix pile into one bucket.
/// </summary>
public class HashCodeSpreadTests
{
    [Fact]
    public void Addresses_differing_only_in_their_last_bytes_get_distinct_hash_codes()
    {
        var codes = new HashSet<int>();
        var bytes = new byte[Address.Size];
        for (var i = 0; i < 1000; i++)
        {
            bytes[18] = (byte)(i >> 8);
            bytes[19] = (byte)i;
            codes.Add(new Address(bytes).GetHashCode());
        }

        Assert.True(codes.Count >= 990, $"{codes.Count} distinct hash codes for 1000 addresses.");
    }

    [Fact]
    public void Hashes_differing_only_in_their_last_bytes_get_distinct_hash_codes()
    {
        var codes = new HashSet<int>();
        var bytes = new byte[Hash256.Size];
        for (var i = 0; i < 1000; i++)
        {
            bytes[30] = (byte)(i >> 8);
            bytes[31] = (byte)i;
            codes.Add(new Hash256(bytes).GetHashCode());
        }

        Assert.True(codes.Count >= 990, $"{codes.Count} distinct hash codes for 1000 hashes.");
    }

    [Fact]
    public void Equal_addresses_have_equal_hash_codes()
    {
        var a = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        var b = new Address(a.Bytes);

        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }
}
