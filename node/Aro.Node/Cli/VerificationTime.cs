using System.Globalization;

namespace Aro.Node.Cli;

/// <summary>Parses <c>--at</c>: ISO-8601 in UTC (trailing Z or +00:00) or Unix seconds. Never defaults to the clock.</summary>
internal static class VerificationTime
{
    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (text.All(char.IsAsciiDigit))
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            {
                return false;
            }

            time = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }

        // Require an explicit UTC offset: a local-time reading would make the verdict depend on the machine.
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed)
            || !(text.EndsWith('Z') || text.EndsWith("+00:00", StringComparison.Ordinal)))
        {
            return false;
        }

        time = parsed.ToUniversalTime();
        return true;
    }

    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
