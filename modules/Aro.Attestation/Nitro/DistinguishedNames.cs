using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Aro.Attestation.Nitro;

/// <summary>RFC 4514 text of a Name (most specific RDN first, no spaces after commas), for display and comparison.</summary>
internal static class DistinguishedNames
{
    public static string Format(ReadOnlySpan<byte> nameDer)
    {
        try
        {
            return FormatRdns(new X500DistinguishedName(nameDer));
        }
        catch (CryptographicException)
        {
            // Not a well-formed Name: show it as RFC 4514 does for unknown values, '#' and hex.
            return "#" + Convert.ToHexStringLower(nameDer);
        }
    }

    private static string FormatRdns(X500DistinguishedName name)
    {
        var rdns = new List<X500RelativeDistinguishedName>(name.EnumerateRelativeDistinguishedNames(reversed: true));
        var text = new StringBuilder();
        foreach (var rdn in rdns)
        {
            if (text.Length > 0)
            {
                text.Append(',');
            }

            if (rdn.HasMultipleElements)
            {
                // Multi-valued RDNs do not occur in AWS's chain; show them as the runtime formats them.
                text.Append(new X500DistinguishedName(rdn.RawData.Span).Name);
                continue;
            }

            var oid = rdn.GetSingleElementType().Value ?? string.Empty;
            text.Append(ShortName(oid)).Append('=');
            Escape(text, rdn.GetSingleElementValue() ?? string.Empty);
        }

        return text.ToString();
    }

    private static string ShortName(string oid) => oid switch
    {
        "2.5.4.3" => "CN",
        "2.5.4.6" => "C",
        "2.5.4.7" => "L",
        "2.5.4.8" => "ST",
        "2.5.4.10" => "O",
        "2.5.4.11" => "OU",
        _ => oid,
    };

    private static void Escape(StringBuilder text, string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var special = c is ',' or '+' or '"' or '\\' or '<' or '>' or ';'
                || (i == 0 && c is '#' or ' ')
                || (i == value.Length - 1 && c == ' ');
            if (special)
            {
                text.Append('\\');
            }

            text.Append(c);
        }
    }
}
