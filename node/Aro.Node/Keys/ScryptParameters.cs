namespace Aro.Node.Keys;

/// <summary>scrypt cost: N (CPU/memory cost, a power of two), r (block size) and p (parallelism).</summary>
internal readonly record struct ScryptParameters(int N, int R, int P)
{
    /// <summary>geth's standard parameters (StandardScryptN/P): about 256 MiB and a second per derivation.</summary>
    public static ScryptParameters Standard => new(1 << 18, 8, 1);

    /// <summary>geth's light parameters (LightScryptN/P): 4 MiB; for devnets and tests, not for keys that hold value.</summary>
    public static ScryptParameters Light => new(1 << 12, 8, 6);

    // Limits on what a key file may ask for. The file is untrusted input: without a bound a crafted
    // n or p makes opening it take gigabytes or hours. The bounds sit well above what geth, ethers
    // and common wallets write (n = 2^18, r = 8, p = 1).
    internal const long MaxMemoryBytes = 1L << 30;
    internal const long MaxWork = 1L << 26;

    /// <summary>Null when the parameters are usable, else the field at fault and why.</summary>
    internal (string Field, string Reason)? Check()
    {
        if (N <= 1 || (N & (N - 1)) != 0)
        {
            return ("n", "must be a power of two greater than 1");
        }

        if (R < 1)
        {
            return ("r", "must be at least 1");
        }

        if (P < 1)
        {
            return ("p", "must be at least 1");
        }

        // RFC 7914: N < 2^(128 r / 8); only binds for r = 1 given the memory limit below.
        if (R == 1 && N >= 1 << 16)
        {
            return ("n", "must be below 65536 when r is 1");
        }

        if (128L * R * N > MaxMemoryBytes)
        {
            return ("n", $"with r = {R} needs more than {MaxMemoryBytes >> 20} MiB");
        }

        if ((long)N * R * P > MaxWork)
        {
            return ("p", $"n × r × p exceeds {MaxWork}");
        }

        return null;
    }
}
