namespace Aro.Attestation.Snp;

/// <summary>
/// A TCB_VERSION (u64, little-endian in the report): the security patch levels of the firmware
/// components. The byte layout depends on the product line, so components are read through a product.
/// </summary>
public readonly record struct SnpTcbVersion(ulong Raw)
{
    public SnpTcbComponents Components(SnpProduct product) => product == SnpProduct.Turin
        ? new SnpTcbComponents(Byte(1), Byte(2), Byte(3), Byte(7), Byte(0))
        : new SnpTcbComponents(Byte(0), Byte(1), Byte(6), Byte(7), null);

    /// <summary>The TCB_VERSION a set of component SPLs encodes to (reserved bytes zero).</summary>
    public static SnpTcbVersion Compose(SnpProduct product, SnpTcbComponents components)
    {
        ulong raw = product == SnpProduct.Turin
            ? (ulong)(components.Fmc ?? 0)
              | ((ulong)components.BootLoader << 8)
              | ((ulong)components.Tee << 16)
              | ((ulong)components.Snp << 24)
              | ((ulong)components.Microcode << 56)
            : components.BootLoader
              | ((ulong)components.Tee << 8)
              | ((ulong)components.Snp << 48)
              | ((ulong)components.Microcode << 56);
        return new SnpTcbVersion(raw);
    }

    public override string ToString() => $"0x{Raw:x16}";

    private byte Byte(int index) => (byte)(Raw >> (8 * index));
}

/// <summary>Security patch levels of one TCB_VERSION; <see cref="Fmc"/> exists on Turin only.</summary>
public readonly record struct SnpTcbComponents(byte BootLoader, byte Tee, byte Snp, byte Microcode, byte? Fmc);
