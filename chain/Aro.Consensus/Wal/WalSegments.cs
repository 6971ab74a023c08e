using System.Globalization;

namespace Aro.Consensus.Wal;

/// <summary>Segment files in the WAL directory: <c>NNNNNNNN.wal</c>, numbered upwards from 1; other files are left alone.</summary>
internal static class WalSegments
{
    private const string Extension = ".wal";

    public static string PathOf(string directory, ulong number) =>
        Path.Combine(directory, number.ToString("D8", CultureInfo.InvariantCulture) + Extension);

    /// <summary>The segments in <paramref name="directory"/>, oldest (lowest number) first.</summary>
    public static List<(ulong Number, string Path)> List(string directory)
    {
        var segments = new List<(ulong Number, string Path)>();
        foreach (var path in Directory.EnumerateFiles(directory, "*" + Extension))
        {
            var stem = Path.GetFileNameWithoutExtension(path);
            if (stem.Length > 0 && ulong.TryParse(stem, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                segments.Add((number, path));
            }
        }

        segments.Sort((a, b) => a.Number.CompareTo(b.Number));
        return segments;
    }
}
