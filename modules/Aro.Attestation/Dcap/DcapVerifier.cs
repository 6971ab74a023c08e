using System.Globalization;
using System.Security.Cryptography;
using Aro.Attestation.X509;

namespace Aro.Attestation.Dcap;

/// <summary>
/// Verifies Intel SGX and TDX DCAP quotes offline against one set of collateral and a pinned Intel SGX Root CA,
/// at an explicit time. Construct once per collateral and reuse: the collateral's signatures, chains and CRLs are
/// checked in the constructor, and PCK chains and attestation keys seen in quotes are cached, so a repeated platform costs only the
/// quote signature and the QE report signature.
/// <para>
/// Every step is a separate named check that depends only on its own inputs, so a verdict names exactly what is
/// wrong: signatures and links never look at the time, and every validity window (certificates, CRLs, TCB info,
/// QE identity) is in the single <c>time_ok</c> check. Collateral JSON is parsed even when its signature fails so
/// the other checks still report; such a verdict is invalid through <c>tcb_info_sig</c> / <c>qe_identity_sig</c>.
/// </para>
/// Thread-safe.
/// </summary>
public sealed class DcapVerifier
{
    private const int MaxCachedChains = 256;
    private const int MaxCachedKeys = 1024;

    private readonly DcapCollateral _collateral;
    private readonly Certificate _root;
    private readonly Dictionary<CacheKey, PckChain> _chains = [];
    private readonly Lock _chainsLock = new();
    private readonly Dictionary<PointKey, VerificationKey> _attestationKeys = [];
    private readonly Lock _keysLock = new();
    private readonly ValidityWindow[] _collateralWindows;
    private readonly VerificationCheck[] _collateralChecks;

    public DcapVerifier(DcapCollateral collateral, ReadOnlySpan<byte> trustedRootDer)
    {
        ArgumentNullException.ThrowIfNull(collateral);
        _collateral = collateral;
        _root = Certificate.FromDer(trustedRootDer);
        _collateralWindows = CollectCollateralWindows();
        _collateralChecks = CheckCollateral();
    }

    /// <summary>One-shot verification (parses and checks the collateral every time; prefer an instance for repeated use).</summary>
    public static AttestationVerdict Verify(ReadOnlySpan<byte> quote, DcapCollateral collateral, ReadOnlySpan<byte> trustedRootDer, DateTimeOffset at) =>
        new DcapVerifier(collateral, trustedRootDer).Verify(quote, at);

    /// <summary>
    /// Verifies a quote at <paramref name="at"/>. Malformed quotes throw <see cref="AttestationFormatException"/>;
    /// anything that parses yields a verdict whose checks say what held.
    /// </summary>
    public AttestationVerdict Verify(ReadOnlySpan<byte> quoteBytes, DateTimeOffset at)
    {
        var quote = DcapQuote.Parse(quoteBytes);
        var chain = GetChain(quote);
        var tcbInfo = _collateral.TcbInfo;
        var identity = _collateral.QeIdentity;
        var qe = quote.QeReportBody;
        var isTdx = quote.Kind == AttestationKind.Tdx;
        var details = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var checks = new List<VerificationCheck>(24)
        {
            new("pck_chain", chain.LinksToRoot, chain.LinkFailure),
            _collateralChecks[0], // root_crl_sig
            _collateralChecks[1], // pck_crl_sig
            new("pck_ca_not_revoked", chain.AuthorityNotRevoked, chain.AuthorityNotRevoked ? null : "PCK CA serial is on the Root CA CRL"),
            new("pck_not_revoked", chain.LeafNotRevoked, chain.RevocationDetail),
        };
        for (var i = 2; i < _collateralChecks.Length; i++)
        {
            checks.Add(_collateralChecks[i]);
        }

        var expectedId = isTdx ? "TDX" : "SGX";
        var typeMatches = tcbInfo.Id == expectedId && (!isTdx || tcbInfo.Version >= 3);
        checks.Add(Check("tcb_info_type_match", typeMatches, typeMatches ? null : $"TCB info id {tcbInfo.Id} v{tcbInfo.Version}, quote needs {expectedId}"));
        checks.Add(Check("fmspc_match", tcbInfo.Fmspc.AsSpan().SequenceEqual(chain.Extensions.Fmspc), "TCB info FMSPC differs from the PCK certificate's"));
        checks.Add(Check("pce_id_match", tcbInfo.PceId.AsSpan().SequenceEqual(chain.Extensions.PceId), "TCB info PCE-ID differs from the PCK certificate's"));

        checks.Add(Check("qe_report_sig", chain.Leaf.PublicKey.VerifyEcdsa(quote.QeReport.Span, quote.QeReportSignature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation), "QE report is not signed by the PCK key"));
        checks.Add(Check("qe_report_data_binds_att_key", BindsAttestationKey(quote), "QE REPORTDATA is not SHA-256(attestation key || QE auth data) || zeros"));

        var expectedQe = isTdx ? "TD_QE" : "QE";
        var qeMatches = identity.Id == expectedQe
            && qe.MrSigner.Span.SequenceEqual(identity.MrSigner)
            && qe.IsvProdId == identity.IsvProdId
            && (qe.MiscSelect & identity.MiscSelectMask) == identity.MiscSelect
            && TcbEvaluation.MaskedEquals(qe.Attributes.Span, identity.AttributesMask, identity.Attributes);
        checks.Add(Check("qe_identity_match", qeMatches, qeMatches ? null : $"QE is not the {expectedQe} the QE identity describes"));
        var qeLevel = IsvTcbLevel.Match(identity.Levels, qe.IsvSvn);
        checks.Add(Check("qe_tcb_level_found", qeLevel is not null, qeLevel is not null ? null : $"no QE identity TCB level for ISVSVN {qe.IsvSvn}"));

        checks.Add(Check("quote_sig", VerifyQuoteSignature(quote, GetAttestationKey(quote.AttestationKey.Span)), "quote is not signed by the attestation key"));

        var teeTcbSvn = isTdx ? quote.TdBody.TeeTcbSvn.Span : [];
        IsvTcbLevel? moduleLevel = null;
        var moduleOk = true;
        if (isTdx)
        {
            var body = quote.TdBody;
            var module = TcbEvaluation.FindModule(tcbInfo, teeTcbSvn);
            var moduleMatches = module is not null && TcbEvaluation.ModuleMatches(module, body);
            checks.Add(Check("td_module_identity", moduleMatches, moduleMatches ? null : module is null ? $"no TDX module identity for major version {teeTcbSvn[1]}" : "MRSIGNERSEAM or SEAMATTRIBUTES differ from the module identity"));
            if (module is not null && teeTcbSvn[1] > 0)
            {
                moduleLevel = IsvTcbLevel.Match(module.Levels, teeTcbSvn[0]);
                details["td_module_id"] = module.Id;
                details["td_module_tcb_status"] = moduleLevel?.Status.ToString() ?? nameof(TcbStatus.TcbNotSupported);
                checks.Add(Check("td_module_tcb_level_found", moduleLevel is not null, moduleLevel is not null ? null : $"no {module.Id} TCB level for module ISVSVN {teeTcbSvn[0]}"));
                moduleOk = moduleLevel is not null;
            }

            moduleOk &= module is not null;
        }

        var platformLevel = TcbEvaluation.MatchPlatform(tcbInfo, chain.Extensions, teeTcbSvn);
        checks.Add(Check("tcb_level_found", platformLevel is not null, "no TCB level in the TCB info matches the platform (TCB not supported)"));

        var status = TcbStatus.TcbNotSupported;
        var advisories = new List<string>();
        if (platformLevel is not null && qeLevel is not null && moduleOk)
        {
            status = platformLevel.Status;
            if (moduleLevel is not null)
            {
                status = TcbEvaluation.Merge(status, moduleLevel.Status);
            }

            status = TcbEvaluation.Merge(status, qeLevel.Status);
            AddDistinct(advisories, platformLevel.AdvisoryIds);
            AddDistinct(advisories, moduleLevel?.AdvisoryIds ?? []);
            AddDistinct(advisories, qeLevel.AdvisoryIds);
            checks.Add(Check("tcb_not_revoked", status != TcbStatus.Revoked, "the platform, module or QE TCB is revoked"));
        }

        checks.Add(CheckTime(chain, at));

        FillDetails(details, quote, chain, qeLevel, platformLevel);
        return new AttestationVerdict(quote.Kind, at, checks, Measurements(quote), quote.Kind == AttestationKind.Sgx ? quote.SgxBody.ReportData : quote.TdBody.ReportData)
        {
            TcbStatus = status,
            AdvisoryIds = advisories,
            DebugMode = quote.Kind == AttestationKind.Sgx ? quote.SgxBody.Debug : quote.TdBody.Debug,
            Details = details,
        };
    }

    /// <summary>Quote signature by the attestation key; a key that is not a P-256 point fails.</summary>
    internal static bool VerifyQuoteSignature(DcapQuote quote, VerificationKey? attestationKey) =>
        attestationKey is not null
        && attestationKey.VerifyEcdsa(quote.SignedRegion.Span, quote.QuoteSignature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>
    /// The imported attestation key. A QE keeps its key across many quotes, and importing a point costs more
    /// than verifying with it, so valid keys are cached by their exact 64 bytes.
    /// </summary>
    private VerificationKey? GetAttestationKey(ReadOnlySpan<byte> xy)
    {
        var key = new PointKey(xy);
        lock (_keysLock)
        {
            if (_attestationKeys.TryGetValue(key, out var cached))
            {
                return cached;
            }
        }

        var imported = VerificationKey.FromP256Point(xy);
        if (imported is null)
        {
            return null; // invalid points are not cached, so they cannot crowd out real keys
        }

        lock (_keysLock)
        {
            if (_attestationKeys.Count >= MaxCachedKeys)
            {
                _attestationKeys.Clear();
            }

            _attestationKeys[key] = imported;
        }

        return imported;
    }

    private static bool BindsAttestationKey(DcapQuote quote)
    {
        Span<byte> expected = stackalloc byte[32];
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            hash.AppendData(quote.AttestationKey.Span);
            hash.AppendData(quote.QeAuthData.Span);
            hash.GetHashAndReset(expected);
        }

        // Intel's QVL compares only the hash half; the zero upper half is what every QE emits, so require it too.
        var reportData = quote.QeReportBody.ReportData.Span;
        return reportData[..32].SequenceEqual(expected) && !reportData[32..].ContainsAnyExcept((byte)0);
    }

    private PckChain GetChain(DcapQuote quote)
    {
        var pem = quote.PckChainPem.Span;
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(pem, digest);
        var key = new CacheKey(digest);
        lock (_chainsLock)
        {
            if (_chains.TryGetValue(key, out var cached) && cached.Pem.AsSpan().SequenceEqual(pem))
            {
                return cached;
            }
        }

        var chain = PckChain.Build(pem, quote.PckChainOffset, _root, _collateral);
        lock (_chainsLock)
        {
            if (_chains.Count >= MaxCachedChains)
            {
                _chains.Clear(); // a cache, not state: dropping it only costs re-verification
            }

            _chains[key] = chain;
        }

        return chain;
    }

    /// <summary>Collateral checks that do not depend on the quote or the time, in verdict order.</summary>
    private VerificationCheck[] CheckCollateral()
    {
        var c = _collateral;
        var pckCrlChain = ChainFailure(c.PckCrlIssuerChain);
        var tcbChain = ChainFailure(c.TcbInfoIssuerChain);
        var qeChain = ChainFailure(c.QeIdentityIssuerChain);
        var revokedSigner = FirstRevoked(c.TcbInfoIssuerChain[0], c.QeIdentityIssuerChain[0], c.PckCrlIssuerChain[0]);
        return
        [
            Check("root_crl_sig", c.RootCaCrl.IsSignedBy(_root), "Root CA CRL is not signed by the pinned root"),
            Check("pck_crl_sig", pckCrlChain is null && c.PckCrl.IsSignedBy(c.PckCrlIssuerChain[0]), pckCrlChain ?? "PCK CRL is not signed by its issuer chain's CA"),
            Check("tcb_info_chain", tcbChain is null, tcbChain),
            Check("tcb_info_sig", c.TcbInfoIssuerChain[0].PublicKey.VerifyEcdsa(c.TcbInfoBytes.Span, c.TcbInfoSignature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation), "TCB info signature does not verify over its exact bytes"),
            Check("qe_identity_chain", qeChain is null, qeChain),
            Check("qe_identity_sig", c.QeIdentityIssuerChain[0].PublicKey.VerifyEcdsa(c.QeIdentityBytes.Span, c.QeIdentitySignature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation), "QE identity signature does not verify over its exact bytes"),
            Check("collateral_signers_not_revoked", revokedSigner is null, revokedSigner),
        ];
    }

    /// <summary>Why an issuer chain (signer ... root) does not lead to the pinned root, or null when it does.</summary>
    private string? ChainFailure(IReadOnlyList<Certificate> chain)
    {
        if (!chain[^1].Der.Span.SequenceEqual(_root.Der.Span))
        {
            return $"issuer chain of {chain[0].SubjectName} does not end at the pinned root";
        }

        for (var i = 0; i + 1 < chain.Count; i++)
        {
            if (!chain[i].IsSignedBy(chain[i + 1]))
            {
                return $"{chain[i].SubjectName} is not signed by {chain[i + 1].SubjectName}";
            }

            if (!chain[i + 1].IsCertificateAuthority)
            {
                return $"{chain[i + 1].SubjectName} is not a CA";
            }
        }

        return chain.Count >= 2 ? null : "issuer chain has no signer below the root";
    }

    private string? FirstRevoked(params Certificate[] signers)
    {
        foreach (var signer in signers)
        {
            if (_collateral.RootCaCrl.IsRevoked(signer))
            {
                return $"{signer.SubjectName} is on the Root CA CRL";
            }
        }

        return null;
    }

    private ValidityWindow[] CollectCollateralWindows()
    {
        var c = _collateral;
        var windows = new List<ValidityWindow>
        {
            new("pinned root", _root.NotBefore, _root.NotAfter),
            new("tcb_info", c.TcbInfo.IssueDate, c.TcbInfo.NextUpdate),
            new("qe_identity", c.QeIdentity.IssueDate, c.QeIdentity.NextUpdate),
            new("root_ca_crl", c.RootCaCrl.ThisUpdate, c.RootCaCrl.NextUpdate ?? DateTimeOffset.MaxValue),
            new("pck_crl", c.PckCrl.ThisUpdate, c.PckCrl.NextUpdate ?? DateTimeOffset.MaxValue),
        };
        foreach (var chain in new[] { c.TcbInfoIssuerChain, c.QeIdentityIssuerChain, c.PckCrlIssuerChain })
        {
            foreach (var certificate in chain)
            {
                windows.Add(new ValidityWindow(certificate.SubjectName, certificate.NotBefore, certificate.NotAfter));
            }
        }

        return [.. windows];
    }

    private VerificationCheck CheckTime(PckChain chain, DateTimeOffset at)
    {
        string? outside = null;
        foreach (var window in _collateralWindows)
        {
            if (!window.Contains(at))
            {
                outside = window.Name;
                break;
            }
        }

        if (outside is null && !chain.Leaf.IsValidAt(at))
        {
            outside = "PCK certificate";
        }

        if (outside is null && !chain.Authority.IsValidAt(at))
        {
            outside = "PCK CA";
        }

        return new VerificationCheck("time_ok", outside is null, outside is null ? null : $"{at:O} is outside the validity of {outside}");
    }

    private static IReadOnlyList<Measurement> Measurements(DcapQuote quote)
    {
        if (quote.Kind == AttestationKind.Sgx)
        {
            var sgx = quote.SgxBody;
            return [new("mrenclave", sgx.MrEnclave), new("mrsigner", sgx.MrSigner)];
        }

        var td = quote.TdBody;
        return
        [
            new("mrtd", td.MrTd),
            new("rtmr0", td.Rtmr(0)),
            new("rtmr1", td.Rtmr(1)),
            new("rtmr2", td.Rtmr(2)),
            new("rtmr3", td.Rtmr(3)),
            new("mrseam", td.MrSeam),
            new("mrconfigid", td.MrConfigId),
            new("mrowner", td.MrOwner),
            new("mrownerconfig", td.MrOwnerConfig),
        ];
    }

    private static void FillDetails(SortedDictionary<string, string> details, DcapQuote quote, PckChain chain, IsvTcbLevel? qeLevel, TcbLevel? platformLevel)
    {
        var qe = quote.QeReportBody;
        var pck = chain.Extensions;
        details["quote_version"] = Decimal(quote.Version);
        details["tee_type"] = "0x" + quote.TeeType.ToString("x", CultureInfo.InvariantCulture);
        details["att_key_type"] = Decimal(quote.AttestationKeyType);
        details["body_type"] = Decimal((int)quote.BodyType);
        details["body_size"] = Decimal(quote.Body.Length);
        details["trailing_bytes"] = Decimal(quote.TrailingBytes);
        details["attestation_key"] = Hex(quote.AttestationKey);
        details["fmspc"] = Convert.ToHexStringLower(pck.Fmspc);
        details["pce_id"] = Convert.ToHexStringLower(pck.PceId);
        details["pck_pcesvn"] = Decimal(pck.PceSvn);
        details["pck_cpusvn"] = Convert.ToHexStringLower(pck.CpuSvn);
        details["pck_tcb_components"] = string.Join(',', pck.TcbComponents);
        details["platform_tcb_status"] = platformLevel?.Status.ToString() ?? nameof(TcbStatus.TcbNotSupported);
        details["qe_mrenclave"] = Hex(qe.MrEnclave);
        details["qe_mrsigner"] = Hex(qe.MrSigner);
        details["qe_isvprodid"] = Decimal(qe.IsvProdId);
        details["qe_isvsvn"] = Decimal(qe.IsvSvn);
        details["qe_tcb_status"] = qeLevel?.Status.ToString() ?? nameof(TcbStatus.TcbNotSupported);
        if (quote.Kind == AttestationKind.Sgx)
        {
            var sgx = quote.SgxBody;
            details["isvprodid"] = Decimal(sgx.IsvProdId);
            details["isvsvn"] = Decimal(sgx.IsvSvn);
            details["attributes"] = Hex(sgx.Attributes);
            details["cpusvn"] = Hex(sgx.CpuSvn);
            details["miscselect"] = sgx.MiscSelect.ToString("x8", CultureInfo.InvariantCulture);
            details["configid"] = Hex(sgx.ConfigId);
            details["configsvn"] = Decimal(sgx.ConfigSvn);
            details["isvfamilyid"] = Hex(sgx.IsvFamilyId);
            return;
        }

        var td = quote.TdBody;
        details["tee_tcb_svn"] = Hex(td.TeeTcbSvn);
        details["mrsignerseam"] = Hex(td.MrSignerSeam);
        details["seamattributes"] = Hex(td.SeamAttributes);
        details["tdattributes"] = Hex(td.TdAttributes);
        details["xfam"] = Hex(td.Xfam);
        if (td.IsVersion15)
        {
            details["tee_tcb_svn2"] = Hex(td.TeeTcbSvn2);
            details["mrservicetd"] = Hex(td.MrServiceTd);
        }
    }

    private static VerificationCheck Check(string name, bool passed, string? failure) => new(name, passed, passed ? null : failure);

    private static void AddDistinct(List<string> into, string[] ids)
    {
        foreach (var id in ids)
        {
            if (!into.Contains(id))
            {
                into.Add(id);
            }
        }
    }

    private static string Hex(ReadOnlyMemory<byte> bytes) => Convert.ToHexStringLower(bytes.Span);

    private static string Decimal(int value) => value.ToString(CultureInfo.InvariantCulture);

    private readonly record struct ValidityWindow(string Name, DateTimeOffset From, DateTimeOffset To)
    {
        public bool Contains(DateTimeOffset at) => From <= at && at <= To;
    }

    /// <summary>A 64-byte P-256 point X‖Y as a dictionary key.</summary>
    private readonly record struct PointKey(CacheKey X, CacheKey Y)
    {
        public PointKey(ReadOnlySpan<byte> xy)
            : this(new CacheKey(xy[..32]), new CacheKey(xy[32..]))
        {
        }
    }

    private readonly record struct CacheKey(ulong A, ulong B, ulong C, ulong D)
    {
        public CacheKey(ReadOnlySpan<byte> digest)
            : this(
                BitConverter.ToUInt64(digest),
                BitConverter.ToUInt64(digest[8..]),
                BitConverter.ToUInt64(digest[16..]),
                BitConverter.ToUInt64(digest[24..]))
        {
        }
    }
}
