using Aro.Core;
using Aro.Modules.Gpow;

namespace Aro.Edge;

/// <summary>
/// The data an edge node holds and commits to in its reports: a file cut into fixed-size chunks, its
/// Merkle root over those chunks (GPoW's chunk tree) and the proof of any chunk, to answer challenges.
/// </summary>
internal sealed class EdgeData
{
    public const int DefaultChunkBytes = 4096;

    private readonly byte[][] _chunks;
    private readonly Hash256[][] _proofs;

    private EdgeData(byte[][] chunks, long length)
    {
        _chunks = chunks;
        (Root, _proofs) = StorageProof.Build(chunks);
        Length = length;
    }

    public Hash256 Root { get; }

    public ulong ChunkCount => (ulong)_chunks.Length;

    public long Length { get; }

    public static EdgeData Load(string path, int chunkBytes = DefaultChunkBytes)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EdgeUsageException($"cannot read the data file {path}: {e.Message}");
        }

        if (bytes.Length == 0)
        {
            throw new EdgeUsageException($"the data file {path} is empty: there is nothing to commit to");
        }

        var chunks = new byte[(bytes.Length + chunkBytes - 1) / chunkBytes][];
        for (var i = 0; i < chunks.Length; i++)
        {
            chunks[i] = bytes.AsSpan(i * chunkBytes, Math.Min(chunkBytes, bytes.Length - (i * chunkBytes))).ToArray();
        }

        return new EdgeData(chunks, bytes.Length);
    }

    public byte[] Chunk(ulong index) => _chunks[index];

    public Hash256[] Proof(ulong index) => _proofs[index];
}
