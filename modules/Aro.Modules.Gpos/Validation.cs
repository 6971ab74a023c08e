using Aro.Core.Crypto;

namespace Aro.Modules.Gpos;

/// <summary>Format rules of keeper fields, shared by messages and genesis.</summary>
internal static class Validation
{
    public const int ConsensusKeyLength = 65;
    public const int MaxMonikerBytes = 64;
    public const int MaxRegionBytes = 32;

    // Any valid private key works: ECDH succeeds exactly when the public key parses as a curve point.
    private static readonly byte[] ProbeKey = [.. new byte[31], 1];

    /// <summary>65 bytes, 0x04 tag, a point on secp256k1.</summary>
    public static bool IsValidConsensusKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != ConsensusKeyLength || key[0] != 0x04)
        {
            return false;
        }

        Span<byte> secret = stackalloc byte[32];
        return Secp256k1.TryEcdh(key, ProbeKey, secret);
    }

    /// <summary>1..64 bytes of UTF-8 without control characters.</summary>
    public static bool IsValidMoniker(string moniker)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(moniker);
        if (bytes is 0 or > MaxMonikerBytes)
        {
            return false;
        }

        foreach (var c in moniker)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>1..32 characters of [A-Za-z0-9-].</summary>
    public static bool IsValidRegion(string region)
    {
        if (region.Length is 0 or > MaxRegionBytes)
        {
            return false;
        }

        foreach (var c in region)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }
}
