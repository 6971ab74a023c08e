using System.Security.Cryptography;
using Aro.Attestation.Dcap;
using Aro.Attestation.X509;
using Aro.Testing;
using BenchmarkDotNet.Attributes;

namespace Aro.Benchmarks;

/// <summary>
/// DCAP quote verification: a verifier built once per collateral (collateral signatures, chains and CRLs
/// checked once, PCK chains cached) against loading and checking everything per quote, and against the
/// two signatures no verification can skip (quote by attestation key, QE report by PCK key), with both keys
/// already imported: importing a P-256 point costs more than a verification, and the cached verifier reuses keys too.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class DcapBenchmarks
{
    private byte[] _quote = [];
    private string _collateralJson = "";
    private byte[] _root = [];
    private DateTimeOffset _at;
    private DcapVerifier _verifier = null!;
    private DcapQuote _parsed = null!;
    private Certificate _pck = null!;
    private VerificationKey _attestationKey = null!;

    [Params("sgx/dcapqvl_v3", "tdx/dcapqvl_v4")]
    public string Sample { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var folder = TestData.Path("attestation");
        _quote = File.ReadAllBytes(Path.Combine(folder, Sample, "quote.bin"));
        _collateralJson = File.ReadAllText(Path.Combine(folder, Sample, "collateral.json"));
        _root = File.ReadAllBytes(Path.Combine(folder, "sgx", "intel_sgx_root_ca.der"));
        _at = DateTimeOffset.Parse("2025-07-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        _verifier = new DcapVerifier(DcapCollateral.FromJson(_collateralJson), _root);
        _parsed = DcapQuote.Parse(_quote);
        _pck = Pem.DecodeCertificates(_parsed.PckChainPem.Span)[0];
        _attestationKey = VerificationKey.FromP256Point(_parsed.AttestationKey.Span)!;
        if (!_verifier.Verify(_quote, _at).IsValid || !SignaturesOnly())
        {
            throw new InvalidOperationException("sample does not verify");
        }
    }

    [Benchmark(Baseline = true)]
    public bool SignaturesOnly() =>
        DcapVerifier.VerifyQuoteSignature(_parsed, _attestationKey)
        && _pck.PublicKey.VerifyEcdsa(_parsed.QeReport.Span, _parsed.QeReportSignature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    [Benchmark]
    public bool VerifyCached() => _verifier.Verify(_quote, _at).IsValid;

    [Benchmark]
    public bool VerifyUncached() => DcapVerifier.Verify(_quote, DcapCollateral.FromJson(_collateralJson), _root, _at).IsValid;
}
