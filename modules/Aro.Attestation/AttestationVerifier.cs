using System.Text;
using Aro.Attestation.Dcap;
using Aro.Attestation.Nitro;
using Aro.Attestation.Snp;

namespace Aro.Attestation;

/// <summary>
/// One entry point for every evidence kind: picks the verifier and checks the inputs it needs. Used by
/// <c>aro-node attest verify</c>; on chain, GPoW calls the same thing with the block time.
/// </summary>
public static class AttestationVerifier
{
    /// <summary>
    /// Verifies <paramref name="inputs"/> as evidence of <paramref name="kind"/> at <paramref name="at"/>.
    /// Missing inputs throw <see cref="ArgumentException"/>; malformed bytes, or evidence of another kind,
    /// throw <see cref="AttestationFormatException"/>.
    /// </summary>
    public static AttestationVerdict Verify(AttestationKind kind, AttestationInputs inputs, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        switch (kind)
        {
            case AttestationKind.Sgx:
            case AttestationKind.Tdx:
            {
                var collateral = DcapCollateral.FromJson(Encoding.UTF8.GetString(Require(inputs.Collateral, "collateral", kind).Span));
                var verdict = DcapVerifier.Verify(inputs.Evidence.Span, collateral, Require(inputs.TrustedRoot, "trusted root", kind).Span, at);
                if (verdict.Kind != kind)
                {
                    throw new AttestationFormatException("quote.header.tee_type", 4, $"the quote is {Name(verdict.Kind)}, not {Name(kind)}");
                }

                return verdict;
            }

            case AttestationKind.SevSnp:
                return SnpVerifier.Verify(inputs.Evidence.Span, Require(inputs.Vcek, "VCEK", kind).Span, Require(inputs.Chain, "ASK/ARK chain", kind).Span, at);
            case AttestationKind.Nitro:
                return NitroVerifier.Verify(inputs.Evidence.Span, Require(inputs.TrustedRoot, "trusted root", kind).Span, at);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown attestation kind");
        }
    }

    /// <summary>The command-line and manifest name of a kind: sgx, tdx, sev-snp, nitro.</summary>
    public static string Name(AttestationKind kind) => kind switch
    {
        AttestationKind.Sgx => "sgx",
        AttestationKind.Tdx => "tdx",
        AttestationKind.SevSnp => "sev-snp",
        AttestationKind.Nitro => "nitro",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown attestation kind"),
    };

    public static bool TryParseKind(string? name, out AttestationKind kind)
    {
        (var known, kind) = name switch
        {
            "sgx" => (true, AttestationKind.Sgx),
            "tdx" => (true, AttestationKind.Tdx),
            "sev-snp" => (true, AttestationKind.SevSnp),
            "nitro" => (true, AttestationKind.Nitro),
            _ => (false, default),
        };
        return known;
    }

    private static ReadOnlyMemory<byte> Require(ReadOnlyMemory<byte>? input, string what, AttestationKind kind) =>
        input ?? throw new ArgumentException($"{Name(kind)} verification needs the {what}");
}

/// <summary>
/// The bytes one verification needs. Which are required depends on the kind: SGX/TDX need
/// <see cref="Collateral"/> (collateral.json) and <see cref="TrustedRoot"/> (Intel SGX Root CA DER); SEV-SNP
/// needs <see cref="Vcek"/> and <see cref="Chain"/> (AMD ASK then ARK, PEM; AMD's roots are pinned in code);
/// Nitro needs <see cref="TrustedRoot"/> (the AWS Nitro Enclaves root, PEM or DER).
/// </summary>
public sealed record AttestationInputs(ReadOnlyMemory<byte> Evidence)
{
    public ReadOnlyMemory<byte>? Collateral { get; init; }

    public ReadOnlyMemory<byte>? TrustedRoot { get; init; }

    public ReadOnlyMemory<byte>? Chain { get; init; }

    public ReadOnlyMemory<byte>? Vcek { get; init; }
}
