using System.Globalization;
using Aro.Core;

namespace Aro.Edge;

/// <summary>
/// <c>--name value</c> and <c>--flag</c> options of one command. Every option a command reads is
/// consumed; <see cref="EnsureAllUsed"/> refuses the rest by name, so a typo is an error, not a silent default.
/// </summary>
internal sealed class EdgeOptions
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public EdgeOptions(IReadOnlyList<string> arguments, IReadOnlySet<string> flags)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            var name = arguments[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || name.Length < 3)
            {
                throw new EdgeUsageException($"unexpected argument '{name}' (options are --name value)");
            }

            if (flags.Contains(name))
            {
                _values[name] = null;
                continue;
            }

            if (i + 1 >= arguments.Count)
            {
                throw new EdgeUsageException($"{name} needs a value");
            }

            if (!_values.TryAdd(name, arguments[++i]))
            {
                throw new EdgeUsageException($"{name} is given twice");
            }
        }
    }

    public string? Get(string name)
    {
        _used.Add(name);
        return _values.TryGetValue(name, out var value) ? value : null;
    }

    public string Require(string name) => Get(name) ?? throw new EdgeUsageException($"{name} is required");

    public bool Flag(string name)
    {
        _used.Add(name);
        return _values.ContainsKey(name);
    }

    public ulong Number(string name, ulong fallback)
    {
        var text = Get(name);
        if (text is null)
        {
            return fallback;
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new EdgeUsageException($"{name} must be a non-negative integer, not '{text}'");
    }

    public ulong? OptionalNumber(string name) => Get(name) is null ? null : Number(name, 0);

    /// <summary>An amount: a wei integer, or a decimal with the suffix "aro" (10^18 wei).</summary>
    public UInt256 Amount(string name, UInt256 fallback)
    {
        var text = Get(name);
        if (text is null)
        {
            return fallback;
        }

        var aro = text.EndsWith("aro", StringComparison.OrdinalIgnoreCase);
        var digits = aro ? text[..^3] : text;
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || (!aro && digits.Contains('.', StringComparison.Ordinal)))
        {
            throw new EdgeUsageException($"{name} must be wei (an integer) or ARO with the suffix 'aro' (e.g. 1.5aro), not '{text}'");
        }

        if (!aro)
        {
            return UInt256.Parse(digits);
        }

        // Exact in decimal (28 digits): whole ARO and up to 18 decimals.
        var whole = decimal.Truncate(amount);
        var fraction = (amount - whole) * 1_000_000_000_000_000_000m;
        if (fraction != decimal.Truncate(fraction))
        {
            throw new EdgeUsageException($"{name} has more than 18 decimals");
        }

        return (UInt256.Parse(whole.ToString(CultureInfo.InvariantCulture)) * UInt256.Parse("1000000000000000000"))
            + UInt256.Parse(fraction.ToString("0", CultureInfo.InvariantCulture));
    }

    public Uri Rpc()
    {
        var text = Require("--rpc");
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new EdgeUsageException($"--rpc must be an http:// or https:// URL, not '{text}'");
    }

    public void EnsureAllUsed()
    {
        foreach (var name in _values.Keys)
        {
            if (!_used.Contains(name))
            {
                throw new EdgeUsageException($"unknown option {name} for this command");
            }
        }
    }
}
