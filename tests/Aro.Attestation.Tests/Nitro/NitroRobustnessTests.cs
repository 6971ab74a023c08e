using Aro.Attestation.Nitro;
using Aro.Attestation.Tests.Manifest;
using Aro.Testing;

namespace Aro.Attestation.Tests.Nitro;

/// <summary>Damaged documents must give a verdict or an <see cref="AttestationFormatException"/>, never anything else.</summary>
public class NitroRobustnessTests
{
    [Fact]
    public void Every_truncation_of_every_document_is_a_format_error()
    {
        var run = new VectorRun("nitro truncations");
        foreach (var sample in AttestationManifest.OfKind("nitro"))
        {
            var document = sample.Read("document");
            for (var length = 0; length < document.Length; length++)
            {
                var cut = length;
                run.Case($"{sample.Id}[..{cut}]", () =>
                    Assert.Throws<AttestationFormatException>(() => NitroDocument.Parse(document.AsSpan(0, cut))));
            }
        }

        run.AssertAll(atLeast: 13000);
    }

    [Fact]
    public void Seeded_random_byte_flips_give_a_verdict_or_a_format_error()
    {
        var random = new Random(1665583200);
        var run = new VectorRun("nitro random flips");
        foreach (var sample in AttestationManifest.OfKind("nitro"))
        {
            var document = sample.Read("document");
            var root = sample.Read("trusted_root");
            for (var i = 0; i < 500; i++)
            {
                var mutated = (byte[])document.Clone();
                var flips = random.Next(1, 4);
                for (var f = 0; f < flips; f++)
                {
                    mutated[random.Next(mutated.Length)] ^= (byte)random.Next(1, 256);
                }

                run.Case($"{sample.Id} flip {i}", () =>
                {
                    try
                    {
                        Assert.NotNull(NitroVerifier.Verify(mutated, root, sample.VerifyAt));
                    }
                    catch (AttestationFormatException)
                    {
                    }
                });
            }
        }

        run.AssertAll(atLeast: 1500);
    }
}
