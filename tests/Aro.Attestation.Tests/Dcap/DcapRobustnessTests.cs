using Aro.Attestation.Dcap;
using Aro.Testing;

namespace Aro.Attestation.Tests.Dcap;

/// <summary>Malformed quotes yield a verdict or an <see cref="AttestationFormatException"/>, never anything else.</summary>
public class DcapRobustnessTests
{
    private const int FlipsPerSample = 1000;

    [Fact]
    public void Every_truncation_of_every_sample_quote_is_a_verdict_or_a_format_error()
    {
        var run = new VectorRun("dcap truncations");
        foreach (var sample in DcapSample.All())
        {
            var verifier = new DcapVerifier(sample.Collateral, sample.RootDer);
            for (var length = 0; length < sample.Quote.Length; length++)
            {
                var cut = sample.Quote.AsMemory(0, length);
                run.Case($"{sample.Id} length {length}", () => VerdictOrFormatError(verifier, cut.Span, sample.VerifyAt));
            }
        }

        run.AssertAll(atLeast: 4600 + 5006 + 5006);
    }

    [Fact]
    public void Seeded_random_byte_flips_are_a_verdict_or_a_format_error_and_never_valid_inside_signed_data()
    {
        var run = new VectorRun("dcap random flips");
        var random = new Random(20261122);
        foreach (var sample in DcapSample.All())
        {
            var verifier = new DcapVerifier(sample.Collateral, sample.RootDer);
            var layout = DcapQuote.Parse(sample.Quote);
            var signedAndKeys = layout.QeReportOffset + DcapQuote.SgxReportSize + 64; // signed region, quote signature, key, QE report and its signature
            for (var i = 0; i < FlipsPerSample; i++)
            {
                var quote = (byte[])sample.Quote.Clone();
                var position = random.Next(quote.Length);
                quote[position] ^= (byte)random.Next(1, 256);
                run.Case($"{sample.Id} flip {position}", () =>
                {
                    var verdict = VerdictOrFormatError(verifier, quote, sample.VerifyAt);
                    if (verdict is not null && position < signedAndKeys)
                    {
                        Assert.False(verdict.IsValid, $"byte {position} changed yet the verdict is valid");
                    }
                });
            }
        }

        run.AssertAll(atLeast: 3 * FlipsPerSample);
    }

    private static AttestationVerdict? VerdictOrFormatError(DcapVerifier verifier, ReadOnlySpan<byte> quote, DateTimeOffset at)
    {
        try
        {
            return verifier.Verify(quote, at);
        }
        catch (AttestationFormatException)
        {
            return null;
        }
    }
}
