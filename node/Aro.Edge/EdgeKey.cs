using System.Security.Cryptography;
using Aro.Core;
using Aro.Core.Crypto;

namespace Aro.Edge;

/// <summary>
/// The edge node's secp256k1 key, kept as 0x-hex in a file only its owner can read (mode 0600). It is the
/// key the attestation binds and the key that signs every registration, report and challenge answer.
/// </summary>
internal sealed class EdgeKey
{
    private EdgeKey(byte[] privateKey)
    {
        PrivateKey = privateKey;
        Span<byte> publicKey = stackalloc byte[Secp256k1.UncompressedPublicKeyLength];
        Secp256k1.GetPublicKey(privateKey, publicKey);
        Address = Address.FromPublicKey(publicKey);
    }

    public byte[] PrivateKey { get; }

    public Address Address { get; }

    public static EdgeKey FromPrivateKey(byte[] privateKey) =>
        Secp256k1.IsValidPrivateKey(privateKey) ? new EdgeKey(privateKey) : throw new EdgeUsageException("not a valid secp256k1 private key");

    /// <summary>The published devnet key for a label (keccak256 of the UTF-8 label), as genesis/SCHEMA.md lists them.</summary>
    public static EdgeKey FromLabel(string label) => new(Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes(label)).ToArray());

    /// <summary>Writes a fresh key to <paramref name="path"/> (0600); refuses to overwrite an existing file.</summary>
    public static EdgeKey CreateFile(string path)
    {
        if (File.Exists(path))
        {
            throw new EdgeUsageException($"{path} already exists; refusing to overwrite a key");
        }

        var key = new EdgeKey(Secp256k1.GeneratePrivateKey());
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.WriteLine(Hex.Encode(key.PrivateKey));
        }

        return key;
    }

    public static EdgeKey Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EdgeUsageException($"cannot read the key file {path}: {e.Message}");
        }

        byte[] bytes;
        try
        {
            bytes = Hex.Decode(text);
        }
        catch (FormatException)
        {
            throw new EdgeUsageException($"{path} does not hold a hex private key");
        }

        if (bytes.Length != 32)
        {
            CryptographicOperations.ZeroMemory(bytes);
            throw new EdgeUsageException($"{path} does not hold a 32-byte private key");
        }

        return FromPrivateKey(bytes);
    }

    /// <summary>True when group or others may read the file (the caller warns).</summary>
    public static bool IsExposed(string path) =>
        !OperatingSystem.IsWindows()
        && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0;
}

/// <summary>A command-line problem the user can fix (exit code 2).</summary>
internal sealed class EdgeUsageException(string message) : Exception(message);
