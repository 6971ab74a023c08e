using Aro.Attestation.Snp;
using Aro.Attestation.Tests.Manifest;
using Aro.Testing;

namespace Aro.Attestation.Tests.Snp;

/// <summary>Damaged input must give a verdict or an <see cref="AttestationFormatException"/>, never anything else.</summary>
public class SnpRobustnessTests
{
    [Fact]
    public void Every_truncation_of_every_report_is_a_format_error()
    {
        var run = new VectorRun("sev-snp truncations");
        foreach (var sample in AttestationManifest.OfKind("sev-snp"))
        {
            var report = sample.Read("report");
            for (var length = 0; length < report.Length; length++)
            {
                var cut = length;
                run.Case($"{sample.Id}[..{cut}]", () =>
                    Assert.Throws<AttestationFormatException>(() => SnpReport.Parse(report.AsSpan(0, cut))));
            }
        }

        run.AssertAll(atLeast: 3 * SnpReport.Size);
    }

    [Fact]
    public void Seeded_random_byte_flips_give_a_verdict_or_a_format_error()
    {
        var random = new Random(20240917);
        var run = new VectorRun("sev-snp random flips");
        foreach (var sample in AttestationManifest.OfKind("sev-snp"))
        {
            var report = sample.Read("report");
            var vcekBytes = sample.Read("vcek");
            var chainBytes = sample.Read("ask_ark_chain");
            var vcek = VcekCertificate.Parse(vcekBytes);
            var chain = AmdCertificateChain.Parse(chainBytes);
            for (var i = 0; i < 1000; i++)
            {
                var mutated = Mutate(report, random);
                run.Case($"{sample.Id} report flip {i}", () => VerdictOrFormatError(() => SnpVerifier.Verify(SnpReport.Parse(mutated), vcek, chain, sample.VerifyAt)));
            }

            var parsed = SnpReport.Parse(report);
            for (var i = 0; i < 150; i++)
            {
                var mutatedVcek = Mutate(vcekBytes, random);
                var mutatedChain = Mutate(chainBytes, random);
                run.Case($"{sample.Id} vcek flip {i}", () => VerdictOrFormatError(() => SnpVerifier.Verify(parsed, VcekCertificate.Parse(mutatedVcek), chain, sample.VerifyAt)));
                run.Case($"{sample.Id} chain flip {i}", () => VerdictOrFormatError(() => SnpVerifier.Verify(parsed, vcek, AmdCertificateChain.Parse(mutatedChain), sample.VerifyAt)));
            }
        }

        run.AssertAll(atLeast: 3 * 1300);
    }

    private static byte[] Mutate(byte[] data, Random random)
    {
        var copy = (byte[])data.Clone();
        var flips = random.Next(1, 4);
        for (var i = 0; i < flips; i++)
        {
            copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
        }

        return copy;
    }

    private static void VerdictOrFormatError(Func<AttestationVerdict> verify)
    {
        try
        {
            Assert.NotNull(verify());
        }
        catch (AttestationFormatException)
        {
        }
    }
}
