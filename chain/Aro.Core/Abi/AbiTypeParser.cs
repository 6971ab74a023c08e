namespace Aro.Core.Abi;

/// <summary>
/// Recursive-descent reader of canonical type strings. Strict: no whitespace, no leading zeros in
/// widths or lengths, widths and lengths in range, balanced parentheses, nothing after the type.
/// </summary>
internal ref struct AbiTypeParser
{
    private readonly ReadOnlySpan<char> _text;
    private int _position;
    private int _depth;

    private AbiTypeParser(ReadOnlySpan<char> text)
    {
        _text = text;
        _position = 0;
        _depth = 0;
    }

    public static AbiType ParseType(string text)
    {
        var parser = new AbiTypeParser(text);
        var type = parser.ReadType();
        parser.ExpectEnd(text);
        return type;
    }

    /// <summary>Parses the text after a tuple's base, e.g. "[2][]" of "tuple[2][]", onto <paramref name="tuple"/>.</summary>
    public static AbiType ApplyArraySuffixes(AbiType tuple, string suffixes)
    {
        var parser = new AbiTypeParser(suffixes);
        var type = parser.ReadSuffixes(tuple);
        parser.ExpectEnd(suffixes);
        return type;
    }

    /// <summary>Parses "name(T1,T2,...)" into its name and the parameter types.</summary>
    public static (string Name, AbiType[] Parameters) ParseSignature(string signature)
    {
        var open = signature.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            throw new AbiFormatException($"Signature '{signature}' has no parameter list.");
        }

        var name = signature[..open];
        ValidateIdentifier(name);
        var parser = new AbiTypeParser(signature.AsSpan(open));
        var parameters = parser.ReadParameterList();
        parser.ExpectEnd(signature);
        return (name, parameters);
    }

    /// <summary>Parses "(T1,T2,...)", which may be empty, into its types.</summary>
    public static AbiType[] ParseParameterList(string text)
    {
        var parser = new AbiTypeParser(text);
        var parameters = parser.ReadParameterList();
        parser.ExpectEnd(text);
        return parameters;
    }

    public static void ValidateIdentifier(string name)
    {
        var valid = name.Length > 0 && !char.IsAsciiDigit(name[0]);
        foreach (var c in name)
        {
            valid &= char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$';
        }

        if (!valid)
        {
            throw new AbiFormatException($"'{name}' is not a valid Solidity identifier.");
        }
    }

    private void ExpectEnd(string whole)
    {
        if (_position != _text.Length)
        {
            throw new AbiFormatException($"Unexpected '{_text[_position]}' at position {_position} of '{whole}'.");
        }
    }

    private AbiType ReadType()
    {
        if (++_depth > AbiType.MaxDepth)
        {
            throw new AbiFormatException($"ABI type nests deeper than {AbiType.MaxDepth} levels.");
        }

        AbiType type;
        if (Peek() == '(')
        {
            var components = ReadParameterList();
            type = AbiType.Tuple(components);
        }
        else
        {
            type = ReadElementary();
        }

        type = ReadSuffixes(type);
        _depth--;
        return type;
    }

    private AbiType[] ReadParameterList()
    {
        Expect('(');
        var components = new List<AbiType>();
        if (Peek() == ')')
        {
            _position++;
            return [];
        }

        while (true)
        {
            components.Add(ReadType());
            var c = Next();
            if (c == ')')
            {
                return components.ToArray();
            }

            if (c != ',')
            {
                throw Unexpected(c, "',' or ')'");
            }
        }
    }

    private AbiType ReadSuffixes(AbiType type)
    {
        while (Peek() == '[')
        {
            _position++;
            if (Peek() == ']')
            {
                _position++;
                type = AbiType.DynamicArray(type);
                continue;
            }

            var length = ReadNumber("array length");
            Expect(']');
            if (length > int.MaxValue)
            {
                throw new AbiFormatException($"Array length {length} is too large.");
            }

            type = AbiType.FixedArray(type, (int)length);
        }

        return type;
    }

    private AbiType ReadElementary()
    {
        var start = _position;
        while (_position < _text.Length && char.IsAsciiLetterLower(_text[_position]))
        {
            _position++;
        }

        var word = _text[start.._position];
        var hasNumber = _position < _text.Length && char.IsAsciiDigit(_text[_position]);
        switch (word)
        {
            case "address" when !hasNumber:
                return AbiType.Address;
            case "bool" when !hasNumber:
                return AbiType.Bool;
            case "string" when !hasNumber:
                return AbiType.String;
            case "bytes":
                return hasNumber ? AbiType.FixedBytes(CheckedWidth(ReadNumber("bytes length"))) : AbiType.Bytes;
            case "uint":
                return hasNumber ? AbiType.UInt(CheckedWidth(ReadNumber("integer width"))) : AbiType.UInt256;
            case "int":
                return hasNumber ? AbiType.Int(CheckedWidth(ReadNumber("integer width"))) : AbiType.Int256;
            default:
                throw new AbiFormatException(
                    word.IsEmpty
                        ? $"Expected a type at position {start}."
                        : $"Unknown or unsupported ABI type '{word}' at position {start}.");
        }
    }

    private static int CheckedWidth(long value) => value <= int.MaxValue ? (int)value : int.MaxValue;

    private long ReadNumber(string what)
    {
        var start = _position;
        long value = 0;
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            if (value > (long.MaxValue - 9) / 10)
            {
                throw new AbiFormatException($"The {what} at position {start} is too large.");
            }

            value = (value * 10) + (_text[_position] - '0');
            _position++;
        }

        var digits = _position - start;
        if (digits == 0)
        {
            throw new AbiFormatException($"Expected a {what} at position {start}.");
        }

        if (digits > 1 && _text[start] == '0')
        {
            throw new AbiFormatException($"The {what} at position {start} has a leading zero.");
        }

        return value;
    }

    private readonly char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private char Next()
    {
        if (_position >= _text.Length)
        {
            throw new AbiFormatException("Unexpected end of the type string.");
        }

        return _text[_position++];
    }

    private void Expect(char expected)
    {
        var c = Next();
        if (c != expected)
        {
            throw Unexpected(c, $"'{expected}'");
        }
    }

    private readonly AbiFormatException Unexpected(char c, string expected) =>
        new($"Expected {expected} at position {_position - 1}, got '{c}'.");
}
