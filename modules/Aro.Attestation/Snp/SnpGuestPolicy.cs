namespace Aro.Attestation.Snp;

/// <summary>The guest policy (u64) the hypervisor launched the guest with; the firmware enforces it.</summary>
public readonly record struct SnpGuestPolicy(ulong Raw)
{
    public byte AbiMinor => (byte)Raw;

    public byte AbiMajor => (byte)(Raw >> 8);

    public bool SmtAllowed => Bit(16);

    /// <summary>Bit 17 is reserved and must be set; the firmware refuses a policy without it.</summary>
    public bool ReservedBitSet => Bit(17);

    public bool MigrationAgentAllowed => Bit(18);

    /// <summary>The hypervisor may debug the guest (read and write its memory): not a confidential guest.</summary>
    public bool DebugAllowed => Bit(19);

    public bool SingleSocketRequired => Bit(20);

    public override string ToString() => $"0x{Raw:x}";

    private bool Bit(int index) => ((Raw >> index) & 1) != 0;
}
