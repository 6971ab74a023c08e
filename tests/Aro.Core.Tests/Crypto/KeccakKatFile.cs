using System.Globalization;

namespace Aro.Core.Tests.Crypto;

/// <summary>One vector of a Keccak team KAT file: the first <see cref="LengthBits"/>/8 bytes of Msg hash to MD.</summary>
internal sealed record KeccakKat(int LengthBits, string Message, string Digest);

/// <summary>Reads the Keccak team's ShortMsgKAT/LongMsgKAT format (# comments, Len/Msg/MD blocks).</summary>
internal static class KeccakKatFile
{
    public static IReadOnlyList<KeccakKat> Read(string path)
    {
        var vectors = new List<KeccakKat>();
        int? length = null;
        string? message = null;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            var key = line[..eq].Trim();
            var value = line[(eq + 1)..].Trim();
            switch (key)
            {
                case "Len":
                    length = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "Msg":
                    message = value;
                    break;
                case "MD":
                    vectors.Add(new KeccakKat(
                        length ?? throw new InvalidDataException("MD before Len in " + path),
                        message ?? throw new InvalidDataException("MD before Msg in " + path),
                        value));
                    length = null;
                    message = null;
                    break;
            }
        }

        return vectors;
    }
}
