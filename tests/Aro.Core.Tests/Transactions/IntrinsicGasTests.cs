using System.Collections.Immutable;
using Aro.Core.Transactions;

namespace Aro.Core.Tests.Transactions;

public class IntrinsicGasTests
{
    private static readonly Address Recipient = Address.Parse("0x3535353535353535353535353535353535353535");

    [Fact]
    public void A_plain_transfer_costs_21000() => Assert.Equal(21_000UL, Gas(Recipient, []));

    [Fact]
    public void Calldata_costs_4_per_zero_byte_and_16_per_non_zero_byte() =>
        Assert.Equal(21_000UL + (2 * 4) + (3 * 16), Gas(Recipient, [0, 1, 0, 2, 3]));

    [Fact]
    public void An_empty_contract_creation_costs_53000() => Assert.Equal(53_000UL, Gas(null, []));

    [Fact]
    public void Init_code_costs_2_per_started_32_byte_word() =>
        Assert.Equal(53_000UL + (33 * 16) + (2 * 2), Gas(null, Enumerable.Repeat((byte)1, 33).ToArray()));

    [Fact]
    public void Access_list_costs_2400_per_address_and_1900_per_storage_key()
    {
        ImmutableArray<AccessListEntry> accessList =
        [
            new(Recipient, [Hash256.Zero, Hash256.Zero]),
            new(Address.Zero, []),
        ];
        var tx = Transaction.WithAccessList(1, 0, 1, 100_000, Recipient, 0, [], accessList);
        Assert.Equal(21_000UL + (2 * 2_400) + (2 * 1_900), IntrinsicGas.Calculate(tx));
    }

    private static ulong Gas(Address? to, byte[] data) =>
        IntrinsicGas.Calculate(Transaction.DynamicFee(1, 0, 1, 1, 100_000, to, 0, data, []));
}
