using System.Text;
using Aro.Core.Crypto;

namespace Aro.Core.Abi;

/// <summary>The topics and data of one log, as an event emits them.</summary>
public sealed record AbiEventLog(IReadOnlyList<Hash256> Topics, byte[] Data);

/// <summary>
/// An event: topic 0 is keccak256(signature) (absent when anonymous), each indexed argument is one
/// more topic, and the non-indexed arguments are ABI-encoded into the data. Indexed value types
/// (uint, int, bool, address, bytesN) are their 32-byte encoding; indexed bytes, string, arrays and
/// tuples are keccak256 of their in-place encoding (spec: "Encoding of Indexed Event Parameters"),
/// which decoding cannot invert, so they decode to <see cref="AbiValueKind.TopicHash"/> values.
/// </summary>
public sealed class AbiEvent
{
    public const int MaxTopics = 4;

    private readonly AbiParameter[] _inputs;
    private readonly AbiType _dataTuple;
    private readonly int _indexedCount;

    /// <exception cref="AbiFormatException">Bad name, or more indexed arguments than topics allow.</exception>
    public AbiEvent(string name, IReadOnlyList<AbiParameter> inputs, bool anonymous = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        AbiTypeParser.ValidateIdentifier(name);
        Name = name;
        Anonymous = anonymous;
        _inputs = AbiSignature.Copy(inputs, nameof(inputs));
        var dataTypes = new List<AbiType>();
        foreach (var input in _inputs)
        {
            if (input.Indexed)
            {
                _indexedCount++;
            }
            else
            {
                dataTypes.Add(input.Type);
            }
        }

        var maxIndexed = anonymous ? MaxTopics : MaxTopics - 1;
        if (_indexedCount > maxIndexed)
        {
            throw new AbiFormatException($"Event {name} has {_indexedCount} indexed arguments; at most {maxIndexed} fit.");
        }

        _dataTuple = AbiType.Parameters(dataTypes.ToArray());
        Signature = AbiSignature.Text(name, _inputs);
        Topic0 = Keccak256.Hash(Encoding.ASCII.GetBytes(Signature));
    }

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs => _inputs;

    public bool Anonymous { get; }

    /// <summary>Canonical signature, e.g. <c>Transfer(address,address,uint256)</c>; indexed is not part of it.</summary>
    public string Signature { get; }

    /// <summary>keccak256(<see cref="Signature"/>); not emitted when the event is anonymous.</summary>
    public Hash256 Topic0 { get; }

    /// <summary>
    /// An event from its signature, with the positions of indexed arguments:
    /// <c>Parse("Transfer(address,address,uint256)", 0, 1)</c>.
    /// </summary>
    /// <exception cref="AbiFormatException">Malformed signature or an indexed position out of range.</exception>
    public static AbiEvent Parse(string signature, params int[] indexed)
    {
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(indexed);
        var (name, types) = AbiTypeParser.ParseSignature(signature);
        var parameters = AbiSignature.Unnamed(types);
        foreach (var position in indexed)
        {
            if ((uint)position >= (uint)parameters.Length)
            {
                throw new AbiFormatException($"Indexed position {position} is outside the {parameters.Length} arguments of {signature}.");
            }

            parameters[position] = parameters[position] with { Indexed = true };
        }

        return new AbiEvent(name, parameters);
    }

    /// <exception cref="AbiFormatException">The values do not fit the inputs.</exception>
    public AbiEventLog Encode(params AbiValue[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != _inputs.Length)
        {
            throw new AbiFormatException($"Event {Signature} takes {_inputs.Length} values, got {values.Length}.");
        }

        var topics = new Hash256[_indexedCount + (Anonymous ? 0 : 1)];
        var next = 0;
        if (!Anonymous)
        {
            topics[next++] = Topic0;
        }

        var dataValues = new AbiValue[values.Length - _indexedCount];
        var nextData = 0;
        for (var i = 0; i < _inputs.Length; i++)
        {
            if (_inputs[i].Indexed)
            {
                topics[next++] = Topic(_inputs[i].Type, values[i]);
            }
            else
            {
                dataValues[nextData++] = values[i];
            }
        }

        return new AbiEventLog(topics, AbiEncoder.Encode(_dataTuple, dataValues, 0, 0));
    }

    /// <summary>
    /// Decodes a log of this event into one value per input, in declaration order. Hashed indexed
    /// arguments come back as <see cref="AbiValueKind.TopicHash"/>.
    /// </summary>
    /// <exception cref="AbiFormatException">Wrong topic count or topic 0, or malformed topics or data.</exception>
    public AbiValue[] Decode(IReadOnlyList<Hash256> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var expected = _indexedCount + (Anonymous ? 0 : 1);
        if (topics.Count != expected)
        {
            throw new AbiFormatException($"Event {Signature} has {expected} topics, got {topics.Count}.");
        }

        var next = 0;
        if (!Anonymous && topics[next++] != Topic0)
        {
            throw new AbiFormatException($"Topic 0 is not that of {Signature}.");
        }

        var dataValues = AbiDecoder.Decode(_dataTuple, data);
        var values = new AbiValue[_inputs.Length];
        var nextData = 0;
        for (var i = 0; i < _inputs.Length; i++)
        {
            if (!_inputs[i].Indexed)
            {
                values[i] = dataValues[nextData++];
                continue;
            }

            var topic = topics[next++];
            values[i] = IsHashed(_inputs[i].Type)
                ? AbiValue.TopicHash(topic)
                : AbiDecoder.DecodeWord(topic.Bytes, _inputs[i].Type);
        }

        return values;
    }

    /// <summary>The topic of one indexed argument.</summary>
    /// <exception cref="AbiFormatException">The value does not fit the type.</exception>
    public static Hash256 Topic(AbiType type, AbiValue value)
    {
        ArgumentNullException.ThrowIfNull(type);
        AbiEncoder.Measure(type, value);
        if (!IsHashed(type))
        {
            Span<byte> word = stackalloc byte[AbiWords.Size];
            word.Clear();
            AbiEncoder.Write(word, type, value);
            return new Hash256(word);
        }

        var buffer = new byte[InPlaceSize(type, value, nested: false)];
        WriteInPlace(buffer, type, value, nested: false);
        return Keccak256.Hash(buffer);
    }

    public override string ToString() => Signature;

    private static bool IsHashed(AbiType type) =>
        type.Kind is AbiTypeKind.Bytes or AbiTypeKind.String or AbiTypeKind.FixedArray or AbiTypeKind.DynamicArray or AbiTypeKind.Tuple;

    /// <summary>
    /// Size of the in-place encoding: raw bytes for a top-level bytes/string, padded to words when
    /// nested; value types as one word; arrays and tuples as the concatenation of their items
    /// without lengths or offsets.
    /// </summary>
    private static long InPlaceSize(AbiType type, in AbiValue value, bool nested)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes:
                var length = ((byte[])value.Reference!).Length;
                return nested ? AbiWords.Padded(length) : length;
            case AbiTypeKind.String:
                var utf8 = AbiEncoder.Utf8Length((string)value.Reference!);
                return nested ? AbiWords.Padded(utf8) : utf8;
            case AbiTypeKind.FixedArray or AbiTypeKind.DynamicArray or AbiTypeKind.Tuple:
                long total = 0;
                var items = (AbiValue[])value.Reference!;
                for (var i = 0; i < items.Length; i++)
                {
                    total += InPlaceSize(type.ItemType(i), items[i], nested: true);
                    if (total > int.MaxValue)
                    {
                        throw new AbiFormatException("Indexed argument is too large to hash.");
                    }
                }

                return total;
            default:
                return AbiWords.Size;
        }
    }

    private static int WriteInPlace(Span<byte> destination, AbiType type, in AbiValue value, bool nested)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes:
                var bytes = (byte[])value.Reference!;
                bytes.CopyTo(destination);
                return nested ? (int)AbiWords.Padded(bytes.Length) : bytes.Length;
            case AbiTypeKind.String:
                var length = AbiEncoder.StrictUtf8.GetBytes((string)value.Reference!, destination);
                return nested ? (int)AbiWords.Padded(length) : length;
            case AbiTypeKind.FixedArray or AbiTypeKind.DynamicArray or AbiTypeKind.Tuple:
                var written = 0;
                var items = (AbiValue[])value.Reference!;
                for (var i = 0; i < items.Length; i++)
                {
                    written += WriteInPlace(destination[written..], type.ItemType(i), items[i], nested: true);
                }

                return written;
            default:
                return AbiEncoder.Write(destination[..AbiWords.Size], type, value);
        }
    }
}
