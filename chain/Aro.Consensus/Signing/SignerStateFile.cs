using System.Buffers.Binary;
using Aro.Consensus.Core;
using Aro.Consensus.Wal;
using Aro.Core;

namespace Aro.Consensus.Signing;

/// <summary>
/// The signer's persisted <see cref="LastSigned"/>: 49 bytes, <c>height u64 ‖ round u32 ‖ step u8 ‖
/// signingHash 32 ‖ crc32c u32</c> (big-endian). Replaced atomically: write a temporary file, fsync
/// it, rename it over the state file, fsync the directory. A reader sees the old state or the new
/// one, never a mix, even after kill -9 or power loss.
/// </summary>
internal static class SignerStateFile
{
    private const int Length = 8 + 4 + 1 + Hash256.Size + 4;

    /// <exception cref="SignerStateException">The file exists but is not a valid state (never silently reset protection).</exception>
    public static LastSigned? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length != Length)
        {
            throw new SignerStateException($"Signer state {path} is {bytes.Length} bytes, not {Length}; refusing to sign until it is repaired.");
        }

        var body = bytes.AsSpan(0, Length - 4);
        if (Crc32C.Compute(body) != BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(Length - 4)))
        {
            throw new SignerStateException($"Signer state {path} fails its checksum; refusing to sign until it is repaired.");
        }

        var step = body[12];
        if (step is < (byte)SignStep.Proposal or > (byte)SignStep.Precommit)
        {
            throw new SignerStateException($"Signer state {path} names step {step}.");
        }

        return new LastSigned(
            BinaryPrimitives.ReadUInt64BigEndian(body),
            BinaryPrimitives.ReadUInt32BigEndian(body[8..]),
            (SignStep)step,
            new Hash256(body[13..]));
    }

    public static void Write(string path, LastSigned state)
    {
        Span<byte> bytes = stackalloc byte[Length];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, state.Height);
        BinaryPrimitives.WriteUInt32BigEndian(bytes[8..], state.Round);
        bytes[12] = (byte)state.Step;
        state.SigningHash.CopyTo(bytes[13..]);
        BinaryPrimitives.WriteUInt32BigEndian(bytes[(Length - 4)..], Crc32C.Compute(bytes[..(Length - 4)]));

        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        DirectorySync.Sync(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }
}
