namespace Aro.Attestation.Snp;

/// <summary>AMD EPYC product lines with their own ARK/ASK chain and TCB_VERSION layout.</summary>
public enum SnpProduct
{
    Unknown = 0,
    Milan,
    Genoa,
    Turin,
}

internal static class SnpProductNames
{
    /// <summary>
    /// Product line from the VCEK productName extension ("Milan-B0", "Genoa-B1", ...): the name before the
    /// stepping. Unknown names stay <see cref="SnpProduct.Unknown"/> rather than guessing a TCB layout.
    /// </summary>
    public static SnpProduct FromVcekProductName(string? name)
    {
        if (name is null)
        {
            return SnpProduct.Unknown;
        }

        var dash = name.IndexOf('-', StringComparison.Ordinal);
        var line = dash < 0 ? name : name[..dash];
        return line switch
        {
            "Milan" => SnpProduct.Milan,
            "Genoa" => SnpProduct.Genoa,
            "Turin" => SnpProduct.Turin,
            _ => SnpProduct.Unknown,
        };
    }
}
