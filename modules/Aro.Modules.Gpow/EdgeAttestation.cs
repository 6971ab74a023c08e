using System.Text;
using Aro.Attestation;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Crypto;
using Aro.Execution.Modules;
using static Aro.Modules.Gpow.Abi.WorkProofAbi;

namespace Aro.Modules.Gpow;

/// <summary>Attestation kinds as the ABI numbers them; <see cref="Dev"/> exists only where genesis enables it.</summary>
public static class EdgeKinds
{
    public const byte Dev = 0;
    public const byte Sgx = 1;
    public const byte Tdx = 2;
    public const byte SevSnp = 3;
    public const byte Nitro = 4;

    public static string Name(byte kind) => kind switch
    {
        Dev => "dev",
        Sgx => "sgx",
        Tdx => "tdx",
        SevSnp => "sev-snp",
        Nitro => "nitro",
        _ => "unknown",
    };
}

/// <summary>
/// Checks an edge node's attestation at the block time (README §6). The evidence must verify up to a
/// genesis root of trust, pass the genesis policy, and carry <see cref="Binding"/> of (chain id, edge
/// address) in its report data, so evidence made for another key or chain cannot be replayed.
/// </summary>
public static class EdgeAttestation
{
    private static readonly byte[] BindingDomain = Encoding.ASCII.GetBytes("aro.gpow.edge.v1");
    private static readonly byte[] DevDomain = Encoding.ASCII.GetBytes("aro.gpow.dev-attestation.v1");

    /// <summary><c>keccak256("aro.gpow.edge.v1" ‖ chainId (8 bytes BE) ‖ edge (20 bytes))</c>.</summary>
    public static Hash256 Binding(ulong chainId, in Address edge)
    {
        Span<byte> buffer = stackalloc byte[16 + 8 + 20];
        BindingDomain.CopyTo(buffer);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(buffer[16..], chainId);
        edge.Bytes.CopyTo(buffer[24..]);
        return Keccak256.Hash(buffer);
    }

    /// <summary>
    /// The report data a TEE must carry: SGX/TDX REPORTDATA and SEV-SNP REPORT_DATA (64 bytes) are the
    /// binding followed by 32 zero bytes; Nitro user_data is exactly the 32-byte binding.
    /// </summary>
    public static byte[] ExpectedReportData(byte kind, in Hash256 binding)
    {
        if (kind == EdgeKinds.Nitro)
        {
            return binding.ToArray();
        }

        var data = new byte[64];
        binding.CopyTo(data);
        return data;
    }

    /// <summary>The digest a devnet's dev signer signs: <c>keccak256("aro.gpow.dev-attestation.v1" ‖ binding)</c>.</summary>
    public static Hash256 DevDigest(in Hash256 binding) => Keccak256.Hash([.. DevDomain, .. binding.Bytes]);

    /// <summary>Throws the named revert when the evidence does not admit <paramref name="edge"/>.</summary>
    internal static void Verify(
        AttestationSettings settings, byte kind, byte[] evidence, byte[] collateral, ulong chainId, in Address edge, ulong blockTime)
    {
        var binding = Binding(chainId, edge);
        if (kind == EdgeKinds.Dev)
        {
            VerifyDev(settings, evidence, binding);
            return;
        }

        var at = DateTimeOffset.FromUnixTimeSeconds(checked((long)blockTime));
        var verdict = Run(settings, kind, evidence, collateral, at);
        var result = settings.ToPolicy().Evaluate(verdict, at);
        if (!result.Allowed)
        {
            var reason = string.Join("; ", result.Violations.Select(static v => v.Rule + ": " + v.Detail));
            throw ModuleRevertException.With(AttestationInvalid, AbiValue.String(Truncate(reason)));
        }

        if (!verdict.ReportData.Span.SequenceEqual(ExpectedReportData(kind, binding)))
        {
            throw ModuleRevertException.With(ReportDataMismatch, AbiValue.Bytes(binding.ToArray()));
        }
    }

    private static AttestationVerdict Run(AttestationSettings settings, byte kind, byte[] evidence, byte[] collateral, DateTimeOffset at)
    {
        try
        {
            switch (kind)
            {
                case EdgeKinds.Sgx:
                case EdgeKinds.Tdx:
                    var dcapKind = kind == EdgeKinds.Sgx ? AttestationKind.Sgx : AttestationKind.Tdx;
                    RequireRoot(settings.IntelRootCa.Length > 0, kind);
                    return AttestationVerifier.Verify(dcapKind, new AttestationInputs(evidence) { Collateral = collateral, TrustedRoot = settings.IntelRootCa }, at);
                case EdgeKinds.Nitro:
                    RequireRoot(settings.NitroRoot.Length > 0, kind);
                    return AttestationVerifier.Verify(AttestationKind.Nitro, new AttestationInputs(evidence) { TrustedRoot = settings.NitroRoot }, at);
                case EdgeKinds.SevSnp:
                    RequireRoot(settings.AmdChains.Length > 0, kind);
                    AttestationVerdict? last = null;
                    foreach (var chain in settings.AmdChains)
                    {
                        last = AttestationVerifier.Verify(AttestationKind.SevSnp, new AttestationInputs(evidence) { Vcek = collateral, Chain = chain }, at);
                        if (last.IsValid)
                        {
                            break;
                        }
                    }

                    return last!;
                default:
                    throw ModuleRevertException.With(UnknownAttestationKind, AbiValue.UInt(kind));
            }
        }
        catch (ModuleRevertException)
        {
            throw;
        }
        catch (Exception e) when (e is AttestationFormatException or ArgumentException or FormatException
            or System.Security.Cryptography.CryptographicException or InvalidOperationException or OverflowException)
        {
            throw ModuleRevertException.With(AttestationMalformed, AbiValue.String(Truncate(e.Message)));
        }
    }

    private static void VerifyDev(AttestationSettings settings, byte[] evidence, in Hash256 binding)
    {
        if (!settings.DevEnabled)
        {
            throw ModuleRevertException.With(DevAttestationDisabled);
        }

        if (evidence.Length != 65)
        {
            throw ModuleRevertException.With(AttestationMalformed, AbiValue.String("dev evidence is a 65-byte signature r||s||v"));
        }

        var v = evidence[64] >= 27 ? evidence[64] - 27 : evidence[64];
        Span<byte> publicKey = stackalloc byte[Secp256k1.UncompressedPublicKeyLength];
        if (v > 1 || !Secp256k1.IsLowS(evidence.AsSpan(32, 32))
            || !Secp256k1.TryRecoverPublicKey(DevDigest(binding).Bytes, evidence.AsSpan(0, 64), (byte)v, publicKey)
            || Address.FromPublicKey(publicKey) != settings.DevSigner)
        {
            throw ModuleRevertException.With(AttestationInvalid, AbiValue.String("dev: not signed by the genesis dev signer"));
        }
    }

    private static void RequireRoot(bool present, byte kind)
    {
        if (!present)
        {
            throw ModuleRevertException.With(RootOfTrustMissing, AbiValue.UInt(kind));
        }
    }

    private static string Truncate(string text) => text.Length <= 256 ? text : text[..256];
}
