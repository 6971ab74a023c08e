using System.Numerics;
using System.Text;
using Aro.Core.Abi;

namespace Aro.Core.Tests.Abi;

/// <summary>Seeded random values of a type, biased towards the edges of each range.</summary>
internal sealed class AbiValueGenerator(int seed)
{
    private static readonly string[] Texts = ["", "a", "Hello, world!", "é", "日本語", "🙂", new('x', 31), new('y', 32), new('z', 33)];

    private readonly Random _random = new(seed);

    public AbiValue Next(AbiType type) => type.Kind switch
    {
        AbiTypeKind.UInt => AbiValue.UInt(UInt256.FromBigInteger(Unsigned(type.Size))),
        AbiTypeKind.Int => AbiValue.Int(Signed(type.Size)),
        AbiTypeKind.Address => AbiValue.Address(new Address(Bytes(20))),
        AbiTypeKind.Bool => AbiValue.Bool(_random.Next(2) == 1),
        AbiTypeKind.FixedBytes => AbiValue.Bytes(Bytes(type.Size)),
        AbiTypeKind.Bytes => AbiValue.Bytes(Bytes(Length())),
        AbiTypeKind.String => AbiValue.String(_random.Next(3) == 0 ? Texts[_random.Next(Texts.Length)] : Encoding.ASCII.GetString(Bytes(Length()).Select(b => (byte)('a' + (b % 26))).ToArray())),
        AbiTypeKind.FixedArray => AbiValue.List(Items(type, type.Size)),
        AbiTypeKind.DynamicArray => AbiValue.List(Items(type, _random.Next(4))),
        _ => AbiValue.List(Items(type, type.Components.Count)),
    };

    private AbiValue[] Items(AbiType container, int count)
    {
        var items = new AbiValue[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = Next(container.Kind == AbiTypeKind.Tuple ? container.Components[i] : container.Element!);
        }

        return items;
    }

    private int Length() => _random.Next(5) switch
    {
        0 => 0,
        1 => 32,
        2 => 31 + _random.Next(3),
        _ => _random.Next(100),
    };

    private byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private BigInteger Unsigned(int bits)
    {
        var max = (BigInteger.One << bits) - 1;
        return _random.Next(4) switch
        {
            0 => BigInteger.Zero,
            1 => max,
            2 => new BigInteger(_random.Next(256)),
            _ => new BigInteger(Bytes((bits / 8) + 1), isUnsigned: true) & max,
        };
    }

    private BigInteger Signed(int bits)
    {
        var min = -(BigInteger.One << (bits - 1));
        var max = (BigInteger.One << (bits - 1)) - 1;
        return _random.Next(5) switch
        {
            0 => min,
            1 => max,
            2 => BigInteger.MinusOne,
            3 => BigInteger.Zero,
            _ => (new BigInteger(Bytes((bits / 8) + 1), isUnsigned: true) & ((BigInteger.One << bits) - 1)) + min,
        };
    }
}
