using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aro.Testing;

namespace Aro.Attestation.Tests.Manifest;

/// <summary>One sample of shared/testdata/attestation/manifest.json.</summary>
internal sealed record ManifestSample(
    string Id,
    string Kind,
    IReadOnlyDictionary<string, string> Files,
    DateTimeOffset VerifyAt,
    JsonElement Expected,
    IReadOnlyList<NegativeVariant> Variants)
{
    public byte[] Read(string fileKey) => AttestationManifest.ReadFile(Files[fileKey]);

    public override string ToString() => Id;
}

/// <summary>A derived invalid variant: the manifest's prose, its parsed mutation and the checks it must fail.</summary>
internal sealed record NegativeVariant(string Text, VariantMutation Mutation, IReadOnlyList<string> Fails);

/// <summary>What a negative variant changes, parsed from the manifest's text.</summary>
internal abstract record VariantMutation
{
    /// <summary>XOR 0x01 into the evidence byte at <paramref name="Offset"/>.</summary>
    internal sealed record FlipEvidenceByte(int Offset) : VariantMutation;

    /// <summary>XOR 0x01 into the VCEK DER byte at length - <paramref name="FromEnd"/>.</summary>
    internal sealed record FlipVcekByteFromEnd(int FromEnd) : VariantMutation;

    /// <summary>Use another AMD product's ASK/ARK bundle (path relative to the attestation folder).</summary>
    internal sealed record UseChain(string ChainFile) : VariantMutation;

    internal sealed record VerifyAt(DateTimeOffset Time) : VariantMutation;

    /// <summary>Insert one space into the signed tcb_info JSON text of the DCAP collateral.</summary>
    internal sealed record InsertSpaceIntoTcbInfo : VariantMutation;
}

internal static partial class AttestationManifest
{
    private static readonly Lazy<IReadOnlyList<ManifestSample>> All = new(Load);

    public static IReadOnlyList<ManifestSample> Samples => All.Value;

    public static IEnumerable<ManifestSample> OfKind(string kind) => Samples.Where(s => s.Kind == kind);

    public static string PathOf(string relative) => TestData.Path(["attestation", .. relative.Split('/')]);

    public static byte[] ReadFile(string relative) => File.ReadAllBytes(PathOf(relative));

    /// <summary>Parses a variant's text; text this parser does not understand throws, so no variant is silently skipped.</summary>
    public static VariantMutation ParseMutation(string text)
    {
        if (FlipByte().Match(text) is { Success: true } flip)
        {
            var number = flip.Groups[1].Value;
            var offset = number.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                ? int.Parse(number.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                : int.Parse(number, CultureInfo.InvariantCulture);
            return new VariantMutation.FlipEvidenceByte(offset);
        }

        if (FlipVcekFromEnd().Match(text) is { Success: true } vcek)
        {
            return new VariantMutation.FlipVcekByteFromEnd(int.Parse(vcek.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        if (UseChainText().Match(text) is { Success: true } chain)
        {
            var product = chain.Groups[1].Value.ToLowerInvariant();
            return new VariantMutation.UseChain($"sev-snp/amd_{product}_ask_ark.pem");
        }

        if (VerifyAtText().Match(text) is { Success: true } at)
        {
            return new VariantMutation.VerifyAt(DateTimeOffset.Parse(at.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
        }

        if (text.StartsWith("collateral: insert one space into the tcb_info JSON text", StringComparison.Ordinal))
        {
            return new VariantMutation.InsertSpaceIntoTcbInfo();
        }

        throw new NotSupportedException($"negative variant not understood: '{text}'");
    }

    public static byte[] Flip(byte[] data, int offset)
    {
        var copy = (byte[])data.Clone();
        copy[offset] ^= 0x01;
        return copy;
    }

    /// <summary>DER of a certificate given as DER or as a single PEM block.</summary>
    public static byte[] ToDer(byte[] derOrPem)
    {
        var text = System.Text.Encoding.ASCII.GetString(derOrPem);
        if (!text.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            return derOrPem;
        }

        var fields = System.Security.Cryptography.PemEncoding.Find(text);
        return Convert.FromBase64String(text[fields.Base64Data]);
    }

    private static IReadOnlyList<ManifestSample> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(PathOf("manifest.json")));
        var samples = new List<ManifestSample>();
        foreach (var sample in document.RootElement.GetProperty("samples").EnumerateArray())
        {
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in sample.GetProperty("files").EnumerateObject())
            {
                files[file.Name] = file.Value.GetString()!;
            }

            var variants = new List<NegativeVariant>();
            foreach (var variant in sample.GetProperty("negative_variants").EnumerateArray())
            {
                var text = variant.GetProperty("variant").GetString()!;
                var fails = variant.GetProperty("fails").EnumerateArray().Select(f => f.GetString()!).ToList();
                variants.Add(new NegativeVariant(text, ParseMutation(text), fails));
            }

            samples.Add(new ManifestSample(
                sample.GetProperty("id").GetString()!,
                sample.GetProperty("kind").GetString()!,
                files,
                sample.GetProperty("verify_at").GetDateTimeOffset(),
                sample.GetProperty("expected").Clone(),
                variants));
        }

        return samples;
    }

    [GeneratedRegex(@"^flip byte (0x[0-9A-Fa-f]+|\d+)\b")]
    private static partial Regex FlipByte();

    [GeneratedRegex(@"^VCEK DER: flip byte len-(\d+)\b")]
    private static partial Regex FlipVcekFromEnd();

    [GeneratedRegex(@"^use the (\w+) ASK/ARK chain instead of \w+$")]
    private static partial Regex UseChainText();

    [GeneratedRegex(@"^verify at (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)\b")]
    private static partial Regex VerifyAtText();
}
