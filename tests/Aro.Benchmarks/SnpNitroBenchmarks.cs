using Aro.Attestation.Nitro;
using Aro.Attestation.Snp;
using Aro.Attestation.X509;
using Aro.Testing;
using BenchmarkDotNet.Attributes;

namespace Aro.Benchmarks;

/// <summary>
/// SEV-SNP report verification: everything parsed per call (report, VCEK, ASK/ARK PEM) against the VCEK and
/// chain parsed once (only the report parsed per call), against the report signature alone with the VCEK key
/// imported. The three RSA-4096 PSS link checks dominate once parsing is cached.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class SnpBenchmarks
{
    private byte[] _report = [];
    private byte[] _vcekBytes = [];
    private byte[] _chainBytes = [];
    private VcekCertificate _vcek = null!;
    private AmdCertificateChain _chain = null!;
    private SnpReport _parsed = null!;
    private DateTimeOffset _at;

    [Params("sev-snp/virtee_milan_v2", "sev-snp/teekit_gcp_milan_v5")]
    public string Sample { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var folder = TestData.Path("attestation");
        _report = File.ReadAllBytes(Path.Combine(folder, Sample, "report.bin"));
        var vcekPath = Path.Combine(folder, Sample, "vcek.der");
        _vcekBytes = File.ReadAllBytes(File.Exists(vcekPath) ? vcekPath : Path.Combine(folder, Sample, "vcek.pem"));
        _chainBytes = File.ReadAllBytes(Path.Combine(folder, "sev-snp", "amd_milan_ask_ark.pem"));
        _at = DateTimeOffset.Parse(Sample.EndsWith("v5", StringComparison.Ordinal) ? "2025-12-06T00:00:00Z" : "2023-05-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        _vcek = VcekCertificate.Parse(_vcekBytes);
        _chain = AmdCertificateChain.Parse(_chainBytes);
        _parsed = SnpReport.Parse(_report);
        if (!VerifyUncached() || !VerifyCached() || !ReportSignatureOnly())
        {
            throw new InvalidOperationException("sample does not verify");
        }
    }

    [Benchmark(Baseline = true)]
    public bool ReportSignatureOnly() => SnpVerifier.VerifyReportSignature(_parsed, _vcek.Certificate.PublicKey);

    [Benchmark]
    public bool VerifyCached() => SnpVerifier.Verify(SnpReport.Parse(_report), _vcek, _chain, _at).IsValid;

    [Benchmark]
    public bool VerifyUncached() => SnpVerifier.Verify(_report, _vcekBytes, _chainBytes, _at).IsValid;
}

/// <summary>
/// Nitro document verification: document, certificates and pinned root parsed per call, against the pinned
/// root and the document's certificates parsed once, against the COSE ES384 signature alone (Sig_structure
/// built per call, leaf key imported).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class NitroBenchmarks
{
    private byte[] _document = [];
    private byte[] _rootPem = [];
    private NitroDocument _parsed = null!;
    private NitroCertificates _certificates = null!;
    private Certificate _root = null!;
    private DateTimeOffset _at;

    [Params("nitro/evervault_2022_nondebug")]
    public string Sample { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var folder = TestData.Path("attestation");
        _document = File.ReadAllBytes(Path.Combine(folder, Sample, "attestation_doc.cbor"));
        _rootPem = File.ReadAllBytes(Path.Combine(folder, "nitro", "aws_nitro_root_g1.pem"));
        _at = DateTimeOffset.Parse("2022-10-13T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        _parsed = NitroDocument.Parse(_document);
        _certificates = NitroCertificates.Parse(_parsed);
        _root = NitroCertificates.ParsePinnedRoot(_rootPem);
        if (!VerifyUncached() || !VerifyCached() || !CoseSignatureOnly())
        {
            throw new InvalidOperationException("sample does not verify");
        }
    }

    [Benchmark(Baseline = true)]
    public bool CoseSignatureOnly() => NitroVerifier.VerifyCoseSignature(_parsed, _certificates.Leaf.PublicKey);

    [Benchmark]
    public bool VerifyCached() => NitroVerifier.Verify(_parsed, _certificates, _root, _at).IsValid;

    [Benchmark]
    public bool VerifyUncached() => NitroVerifier.Verify(_document, _rootPem, _at).IsValid;

    [Benchmark]
    public NitroDocument ParseDocumentOnly() => NitroDocument.Parse(_document);
}
