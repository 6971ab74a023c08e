namespace Aro.Attestation.Snp;

/// <summary>Which key signed a report (SIGNING_KEY, bits 4:2 of the word at 0x48).</summary>
public enum SnpSigningKey
{
    /// <summary>Versioned Chip Endorsement Key: per chip and per reported TCB, chains to the ASK.</summary>
    Vcek = 0,

    /// <summary>Versioned Loaded Endorsement Key: per cloud provider, chains to the ASVK.</summary>
    Vlek = 1,

    /// <summary>The report is not signed.</summary>
    None = 7,
}
