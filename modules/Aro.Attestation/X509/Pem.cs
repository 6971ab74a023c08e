using System.Security.Cryptography;

namespace Aro.Attestation.X509;

/// <summary>
/// PEM certificate bundles (RFC 7468 "CERTIFICATE" blocks, in order). Between and after blocks only
/// whitespace is allowed, plus NUL bytes at the very end: DCAP quotes NUL-terminate their PEM chain.
/// </summary>
internal static class Pem
{
    public static IReadOnlyList<Certificate> DecodeCertificates(ReadOnlySpan<byte> ascii, string field = "pem")
    {
        var end = ascii.Length;
        while (end > 0 && ascii[end - 1] == 0)
        {
            end--;
        }

        var text = new char[end];
        for (var i = 0; i < end; i++)
        {
            var b = ascii[i];
            if (b is 0 or > 0x7E)
            {
                throw new AttestationFormatException(field, i, "PEM text holds a non-ASCII or NUL byte");
            }

            text[i] = (char)b;
        }

        return DecodeCertificates(text, field);
    }

    public static IReadOnlyList<Certificate> DecodeCertificates(ReadOnlySpan<char> text, string field = "pem")
    {
        var certificates = new List<Certificate>();
        var offset = 0;
        while (true)
        {
            var rest = text[offset..];
            if (!PemEncoding.TryFind(rest, out var fields))
            {
                if (!rest.TrimEnd('\0').IsWhiteSpace())
                {
                    throw new AttestationFormatException(field, offset, "text after the last PEM block");
                }

                break;
            }

            if (!rest[..fields.Location.Start].IsWhiteSpace())
            {
                throw new AttestationFormatException(field, offset, "text before a PEM block");
            }

            if (!rest[fields.Label].SequenceEqual("CERTIFICATE"))
            {
                throw new AttestationFormatException(field, offset + fields.Location.Start.Value, $"PEM label '{rest[fields.Label]}' is not CERTIFICATE");
            }

            var der = new byte[fields.DecodedDataLength];
            if (!Convert.TryFromBase64Chars(rest[fields.Base64Data], der, out var written) || written != der.Length)
            {
                throw new AttestationFormatException(field, offset + fields.Base64Data.Start.Value, "invalid base64");
            }

            certificates.Add(Certificate.FromDer(new ReadOnlyMemory<byte>(der)));
            offset += fields.Location.End.Value;
        }

        if (certificates.Count == 0)
        {
            throw new AttestationFormatException(field, 0, "no PEM certificate");
        }

        return certificates;
    }
}
