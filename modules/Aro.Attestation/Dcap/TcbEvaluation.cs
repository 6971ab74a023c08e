namespace Aro.Attestation.Dcap;

/// <summary>
/// Intel's TCB level rules (QVL TcbLevelCheck / TDX module and QE identity merging) as pure functions.
/// </summary>
internal static class TcbEvaluation
{
    /// <summary>
    /// First level (Intel orders them highest first) the platform reaches: every PCK SGX component SVN and the
    /// PCESVN at least the level's; for TDX also every TEE_TCB_SVN byte, from byte 2 when the module major
    /// version (byte 1) is set, because bytes 0..1 are then judged by the module identity.
    /// </summary>
    public static TcbLevel? MatchPlatform(TcbInfo info, PckExtensions pck, ReadOnlySpan<byte> teeTcbSvn)
    {
        foreach (var level in info.Levels)
        {
            if (!AtLeast(pck.TcbComponents, level.SgxComponents) || pck.PceSvn < level.PceSvn)
            {
                continue;
            }

            if (info.IsTdx)
            {
                if (level.TdxComponents is null || teeTcbSvn.Length != 16)
                {
                    continue;
                }

                var start = teeTcbSvn[1] > 0 ? 2 : 0;
                if (!AtLeast(teeTcbSvn[start..], level.TdxComponents.AsSpan(start)))
                {
                    continue;
                }
            }

            return level;
        }

        return null;
    }

    /// <summary>The module identity that judges a TD's module: TDX_xx for major version xx, else the base tdxModule.</summary>
    public static TdxModuleIdentity? FindModule(TcbInfo info, ReadOnlySpan<byte> teeTcbSvn)
    {
        if (teeTcbSvn[1] == 0)
        {
            return info.TdxModule;
        }

        var id = "TDX_" + teeTcbSvn[1].ToString("X2", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var identity in info.TdxModuleIdentities)
        {
            if (string.Equals(identity.Id, id, StringComparison.OrdinalIgnoreCase))
            {
                return identity;
            }
        }

        return null;
    }

    public static bool ModuleMatches(TdxModuleIdentity module, TdReportBody body) =>
        body.MrSignerSeam.Span.SequenceEqual(module.MrSigner) && MaskedEquals(body.SeamAttributes.Span, module.AttributesMask, module.Attributes);

    /// <summary>A QE or module status folded into the platform status, as Intel's QVL does.</summary>
    public static TcbStatus Merge(TcbStatus platform, TcbStatus other) => other switch
    {
        TcbStatus.Revoked => TcbStatus.Revoked,
        TcbStatus.OutOfDate => platform switch
        {
            TcbStatus.UpToDate or TcbStatus.SWHardeningNeeded => TcbStatus.OutOfDate,
            TcbStatus.ConfigurationNeeded or TcbStatus.ConfigurationAndSWHardeningNeeded => TcbStatus.OutOfDateConfigurationNeeded,
            _ => platform,
        },
        _ => platform,
    };

    public static bool MaskedEquals(ReadOnlySpan<byte> value, ReadOnlySpan<byte> mask, ReadOnlySpan<byte> expected)
    {
        if (value.Length != mask.Length || value.Length != expected.Length)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if ((value[i] & mask[i]) != expected[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool AtLeast(ReadOnlySpan<byte> actual, ReadOnlySpan<byte> required)
    {
        for (var i = 0; i < required.Length; i++)
        {
            if (actual[i] < required[i])
            {
                return false;
            }
        }

        return true;
    }
}
