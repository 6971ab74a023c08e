namespace Aro.Core.Transactions;

/// <summary>
/// An ECDSA signature as transactions carry it. Only the y parity is stored: a legacy transaction's
/// v (27/28 or chainId·2 + 35/36) follows from it and the chain id, so each signature has one encoding.
/// </summary>
public readonly struct TxSignature : IEquatable<TxSignature>
{
    // secp256k1 group order n and n/2, limbs least significant first.
    private static readonly UInt256 Order = new(0xBFD25E8CD0364141, 0xBAAEDCE6AF48A03B, 0xFFFFFFFFFFFFFFFE, 0xFFFFFFFFFFFFFFFF);
    private static readonly UInt256 HalfOrder = new(0xDFE92F46681B20A0, 0x5D576E7357A4501D, 0xFFFFFFFFFFFFFFFF, 0x7FFFFFFFFFFFFFFF);

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="yParity"/> is not 0 or 1.</exception>
    public TxSignature(byte yParity, UInt256 r, UInt256 s)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(yParity, (byte)1);
        YParity = yParity;
        R = r;
        S = s;
    }

    /// <summary>0 or 1: the parity of the y coordinate of the signature's R point (the recovery id).</summary>
    public byte YParity { get; }

    public UInt256 R { get; }

    public UInt256 S { get; }

    /// <summary>Current (post-Homestead) rules: r and s in [1, n − 1] and s ≤ n/2 (EIP-2). Null when they hold.</summary>
    internal TxError? CheckValues() =>
        R.IsZero || S.IsZero || R >= Order || S >= Order ? TxError.InvalidSignature
        : S > HalfOrder ? TxError.HighS
        : null;

    /// <summary>r ‖ s as 64 big-endian bytes.</summary>
    internal void WriteCompact(Span<byte> rs64)
    {
        R.WriteBigEndian(rs64[..32]);
        S.WriteBigEndian(rs64[32..64]);
    }

    public bool Equals(TxSignature other) => YParity == other.YParity && R == other.R && S == other.S;

    public override bool Equals(object? obj) => obj is TxSignature other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(YParity, R, S);

    public static bool operator ==(TxSignature left, TxSignature right) => left.Equals(right);

    public static bool operator !=(TxSignature left, TxSignature right) => !left.Equals(right);
}
