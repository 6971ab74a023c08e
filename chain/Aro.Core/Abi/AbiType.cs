using System.Text;

namespace Aro.Core.Abi;

/// <summary>
/// A Solidity ABI type. Instances are immutable and compare by their canonical form
/// (<see cref="ToString"/>), which is what selectors and event topics hash.
/// </summary>
/// <remarks>
/// Zero-length fixed arrays (<c>T[0]</c>) and empty tuples (<c>()</c>) are refused: Solidity cannot
/// declare them, and a zero head size would let a short input claim an array of billions of
/// elements. Types nest at most <see cref="MaxDepth"/> deep and a head is at most
/// <see cref="MaxHeadSize"/> bytes, which bounds decoder recursion and allocation.
/// </remarks>
public sealed class AbiType : IEquatable<AbiType>
{
    public const int MaxDepth = 32;

    public const int MaxHeadSize = 1 << 24;

    internal const int WordSize = 32;

    private static readonly AbiType[] UIntTypes = CreateIntegers(AbiTypeKind.UInt);
    private static readonly AbiType[] IntTypes = CreateIntegers(AbiTypeKind.Int);
    private static readonly AbiType[] FixedBytesTypes = CreateFixedBytes();

    private readonly AbiType[] _components;
    private string? _canonical;

    private AbiType(AbiTypeKind kind, int size, AbiType? element, AbiType[] components)
    {
        Kind = kind;
        Size = size;
        Element = element;
        _components = components;
        long headSize = WordSize;
        var depth = 1;
        switch (kind)
        {
            case AbiTypeKind.FixedArray:
                IsDynamic = element!.IsDynamic;
                headSize = IsDynamic ? WordSize : (long)element.HeadSize * size;
                depth = element.Depth + 1;
                break;
            case AbiTypeKind.DynamicArray:
                IsDynamic = true;
                depth = element!.Depth + 1;
                break;
            case AbiTypeKind.Tuple:
                long sum = 0;
                foreach (var component in components)
                {
                    IsDynamic |= component.IsDynamic;
                    sum += component.HeadSize;
                    depth = Math.Max(depth, component.Depth + 1);
                }

                headSize = IsDynamic ? WordSize : sum;
                break;
            case AbiTypeKind.Bytes or AbiTypeKind.String:
                IsDynamic = true;
                break;
        }

        if (depth > MaxDepth)
        {
            throw new AbiFormatException($"ABI type nests deeper than {MaxDepth} levels.");
        }

        if (headSize > MaxHeadSize)
        {
            throw new AbiFormatException($"ABI type has a head of {headSize} bytes, above the {MaxHeadSize} limit.");
        }

        Depth = depth;
        HeadSize = (int)headSize;
    }

    public static AbiType Address { get; } = new(AbiTypeKind.Address, 0, null, []);

    public static AbiType Bool { get; } = new(AbiTypeKind.Bool, 0, null, []);

    public static AbiType Bytes { get; } = new(AbiTypeKind.Bytes, 0, null, []);

    public static AbiType String { get; } = new(AbiTypeKind.String, 0, null, []);

    public static AbiType UInt256 => UIntTypes[31];

    public static AbiType Int256 => IntTypes[31];

    public static AbiType Bytes32 => FixedBytesTypes[31];

    public AbiTypeKind Kind { get; }

    /// <summary>Bits of a uint/int, bytes of a bytesN, element count of a T[k]; 0 otherwise.</summary>
    public int Size { get; }

    /// <summary>Element type of T[k] and T[]; null otherwise.</summary>
    public AbiType? Element { get; }

    /// <summary>Components of a tuple; empty otherwise.</summary>
    public IReadOnlyList<AbiType> Components => _components;

    /// <summary>True for bytes, string, T[], and T[k] or tuples containing a dynamic type.</summary>
    public bool IsDynamic { get; }

    /// <summary>Bytes this type takes in the head of an enclosing tuple: 32 for dynamic types (the offset).</summary>
    public int HeadSize { get; }

    /// <summary>1 for elementary types; one more than the deepest element or component otherwise.</summary>
    public int Depth { get; }

    internal AbiType[] ComponentArray => _components;

    /// <exception cref="AbiFormatException">Bits not a multiple of 8 in 8..256.</exception>
    public static AbiType UInt(int bits) => UIntTypes[IntegerIndex(bits)];

    /// <exception cref="AbiFormatException">Bits not a multiple of 8 in 8..256.</exception>
    public static AbiType Int(int bits) => IntTypes[IntegerIndex(bits)];

    /// <exception cref="AbiFormatException">Length outside 1..32.</exception>
    public static AbiType FixedBytes(int length) =>
        length is >= 1 and <= 32
            ? FixedBytesTypes[length - 1]
            : throw new AbiFormatException($"bytes{length}: a fixed byte array is 1 to 32 bytes.");

    /// <summary>T[length].</summary>
    /// <exception cref="AbiFormatException">Length below 1, or the type grows too deep or too large.</exception>
    public static AbiType FixedArray(AbiType element, int length)
    {
        ArgumentNullException.ThrowIfNull(element);
        return length >= 1
            ? new AbiType(AbiTypeKind.FixedArray, length, element, [])
            : throw new AbiFormatException($"A fixed-size array has at least one element, got {length}.");
    }

    /// <summary>T[].</summary>
    /// <exception cref="AbiFormatException">The type grows too deep.</exception>
    public static AbiType DynamicArray(AbiType element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return new AbiType(AbiTypeKind.DynamicArray, 0, element, []);
    }

    /// <exception cref="AbiFormatException">No components, or the type grows too deep or too large.</exception>
    public static AbiType Tuple(params AbiType[] components)
    {
        ArgumentNullException.ThrowIfNull(components);
        if (components.Length == 0)
        {
            throw new AbiFormatException("A tuple has at least one component.");
        }

        return Parameters(components);
    }

    /// <summary>Parses a canonical type string such as <c>uint256</c>, <c>address[]</c> or <c>(uint64,bytes32)[2]</c>.</summary>
    /// <remarks><c>uint</c> and <c>int</c> are read as their documented synonyms uint256 and int256.</remarks>
    /// <exception cref="AbiFormatException">Not a valid type string.</exception>
    public static AbiType Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AbiTypeParser.ParseType(text);
    }

    /// <summary>
    /// The tuple of a parameter list, which unlike a declared tuple may be empty (a function
    /// without arguments).
    /// </summary>
    internal static AbiType Parameters(AbiType[] components)
    {
        foreach (var component in components)
        {
            ArgumentNullException.ThrowIfNull(component, nameof(components));
        }

        return new AbiType(AbiTypeKind.Tuple, 0, null, (AbiType[])components.Clone());
    }

    /// <summary>The type of the i-th item of a tuple or array value of this type.</summary>
    internal AbiType ItemType(int index) => Kind == AbiTypeKind.Tuple ? _components[index] : Element!;

    /// <summary>Canonical form, built on first use: parameter tuples made per decode call never need it.</summary>
    public override string ToString() => _canonical ??= BuildCanonical();

    public bool Equals(AbiType? other) =>
        other is not null && (ReferenceEquals(this, other) || string.Equals(ToString(), other.ToString(), StringComparison.Ordinal));

    public override bool Equals(object? obj) => Equals(obj as AbiType);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    public static bool operator ==(AbiType? left, AbiType? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(AbiType? left, AbiType? right) => !(left == right);

    private static int IntegerIndex(int bits) =>
        bits is >= 8 and <= 256 && bits % 8 == 0
            ? (bits / 8) - 1
            : throw new AbiFormatException($"Integer width {bits}: must be a multiple of 8 from 8 to 256.");

    private static AbiType[] CreateIntegers(AbiTypeKind kind)
    {
        var types = new AbiType[32];
        for (var i = 0; i < types.Length; i++)
        {
            types[i] = new AbiType(kind, (i + 1) * 8, null, []);
        }

        return types;
    }

    private static AbiType[] CreateFixedBytes()
    {
        var types = new AbiType[32];
        for (var i = 0; i < types.Length; i++)
        {
            types[i] = new AbiType(AbiTypeKind.FixedBytes, i + 1, null, []);
        }

        return types;
    }

    private string BuildCanonical() => Kind switch
    {
        AbiTypeKind.UInt => "uint" + Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AbiTypeKind.Int => "int" + Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AbiTypeKind.Address => "address",
        AbiTypeKind.Bool => "bool",
        AbiTypeKind.FixedBytes => "bytes" + Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AbiTypeKind.Bytes => "bytes",
        AbiTypeKind.String => "string",
        AbiTypeKind.FixedArray => Element + "[" + Size.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]",
        AbiTypeKind.DynamicArray => Element + "[]",
        _ => TupleText(_components),
    };

    internal static string TupleText(IReadOnlyList<AbiType> components)
    {
        var builder = new StringBuilder("(");
        for (var i = 0; i < components.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(components[i].ToString());
        }

        return builder.Append(')').ToString();
    }
}
