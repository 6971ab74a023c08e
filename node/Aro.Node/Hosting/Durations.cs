using System.Globalization;

namespace Aro.Node.Hosting;

/// <summary>Durations in config and flags: a whole number and a unit, <c>ms</c>, <c>s</c>, <c>m</c> or <c>h</c> (e.g. <c>500ms</c>, <c>1s</c>, <c>2m</c>).</summary>
internal static class Durations
{
    /// <param name="allowZero">Accept <c>0ms</c>, <c>0s</c>, … (for settings whose own validation names a zero).</param>
    public static bool TryParse(string? text, out TimeSpan duration, bool allowZero = false)
    {
        duration = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits == 0 || !long.TryParse(text.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        long? milliseconds = text[digits..] switch
        {
            "ms" => amount,
            "s" => amount * 1000,
            "m" => amount * 60_000,
            "h" => amount * 3_600_000,
            _ => null,
        };
        // One day is far beyond any sensible interval and keeps the arithmetic clear of overflow.
        if (milliseconds is not { } ms || amount > 86_400_000 || ms < (allowZero ? 0 : 1) || ms > 86_400_000)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(ms);
        return true;
    }

    public static string Format(TimeSpan duration) =>
        duration.TotalMilliseconds % 1000 == 0
            ? ((long)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s"
            : ((long)duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
}
