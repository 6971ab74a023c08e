namespace Aro.Attestation;

/// <summary>The TEE evidence formats this library verifies.</summary>
public enum AttestationKind
{
    /// <summary>Intel SGX DCAP quote (v3, v4).</summary>
    Sgx,

    /// <summary>Intel TDX DCAP quote (v4, v5; TD report 1.0 and 1.5).</summary>
    Tdx,

    /// <summary>AMD SEV-SNP attestation report (v2 to v5 layouts) with its VCEK.</summary>
    SevSnp,

    /// <summary>AWS Nitro Enclaves attestation document (COSE_Sign1 over CBOR).</summary>
    Nitro,
}
