namespace Aro.Core.Crypto;

/// <summary>
/// Incremental Keccak-256 for inputs that arrive in pieces or do not fit in memory.
/// A class rather than a struct: copying a half-absorbed sponge by accident would fork its state.
/// </summary>
public sealed class Keccak256Hasher
{
    private KeccakState _state;
    private Block _pending;
    private int _pendingLength;

    [System.Runtime.CompilerServices.InlineArray(Keccak256.Rate)]
    private struct Block
    {
        private byte _element0;
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        Span<byte> pending = _pending;
        if (_pendingLength > 0)
        {
            var take = Math.Min(Keccak256.Rate - _pendingLength, data.Length);
            data[..take].CopyTo(pending[_pendingLength..]);
            _pendingLength += take;
            data = data[take..];
            if (_pendingLength < Keccak256.Rate)
            {
                return;
            }

            Keccak256.AbsorbBlock(ref _state, pending);
            KeccakF1600.Permute(ref _state);
            _pendingLength = 0;
        }

        while (data.Length >= Keccak256.Rate)
        {
            Keccak256.AbsorbBlock(ref _state, data);
            KeccakF1600.Permute(ref _state);
            data = data[Keccak256.Rate..];
        }

        data.CopyTo(pending);
        _pendingLength = data.Length;
    }

    /// <summary>Writes the digest of everything appended so far and resets the hasher for reuse.</summary>
    public void Finish(Span<byte> output32)
    {
        if (output32.Length < Keccak256.Size)
        {
            throw new ArgumentException($"Output must hold {Keccak256.Size} bytes, got {output32.Length}.", nameof(output32));
        }

        ReadOnlySpan<byte> pending = _pending;
        Keccak256.AbsorbFinal(ref _state, pending[.._pendingLength]);
        KeccakF1600.Permute(ref _state);
        Keccak256.Squeeze(ref _state, output32);
        Reset();
    }

    /// <summary>The digest of everything appended so far; resets the hasher for reuse.</summary>
    public Hash256 Finish()
    {
        Span<byte> digest = stackalloc byte[Keccak256.Size];
        Finish(digest);
        return new Hash256(digest);
    }

    public void Reset()
    {
        _state = default;
        _pendingLength = 0;
    }
}
