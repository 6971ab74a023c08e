using System.Globalization;
using System.Security.Cryptography;
using Aro.Core;
using Aro.Core.Crypto;

namespace Aro.Node.Keys;

/// <summary>
/// A directory of version 3 key files laid out as geth lays out its keystore: one file per account,
/// named <c>UTC--&lt;creation time, - for :&gt;--&lt;address, lowercase hex&gt;</c>, mode 0600 in a
/// 0700 directory, so geth, ethers and Foundry can read the files and ours can read theirs. The clock
/// only names new files; nothing read back depends on it.
/// </summary>
internal sealed class KeyStore
{
    public const string DirectoryName = "keystore";

    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly TimeProvider _time;

    public KeyStore(string directory, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The keystore directory; it is created on the first write.</summary>
    public string Directory { get; }

    /// <summary>The keystore of a node home: <c>&lt;home&gt;/keystore</c>.</summary>
    public static KeyStore ForHome(string home, TimeProvider? time = null) => new(Path.Combine(home, DirectoryName), time);

    /// <summary>Generates a key from the OS CSPRNG and stores it encrypted under <paramref name="password"/>.</summary>
    public KeystoreEntry Create(string password, ScryptParameters cost)
    {
        var privateKey = Secp256k1.GeneratePrivateKey();
        try
        {
            return Store(privateKey, password, cost);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    /// <summary>Stores an existing private key encrypted under <paramref name="password"/>.</summary>
    /// <exception cref="ArgumentException">Not a secp256k1 private key; nothing is written.</exception>
    /// <exception cref="AccountExistsException">A file for this account is already in the keystore; nothing is written.</exception>
    public KeystoreEntry Import(ReadOnlySpan<byte> privateKey, string password, ScryptParameters cost)
    {
        if (!Secp256k1.IsValidPrivateKey(privateKey))
        {
            throw new ArgumentException("Not a secp256k1 private key (32 bytes in [1, n-1]).", nameof(privateKey));
        }

        var address = Web3SecretStorage.AddressOf(privateKey);
        if (Find(address) is [var existing, ..])
        {
            throw new AccountExistsException(address, existing.Path);
        }

        return Store(privateKey, password, cost);
    }

    /// <summary>
    /// The usable key files, ordered by address then path. A file that cannot be read or parsed, or
    /// that does not say its address, is left out and reported to <paramref name="skipped"/> (path, reason).
    /// Hidden files and editor backups (<c>~</c>) are ignored silently, as geth ignores them.
    /// </summary>
    public IReadOnlyList<KeystoreEntry> List(Action<string, string>? skipped = null)
    {
        var entries = new List<KeystoreEntry>();
        if (!System.IO.Directory.Exists(Directory))
        {
            return entries;
        }

        foreach (var path in System.IO.Directory.EnumerateFiles(Directory))
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith('.') || name.EndsWith('~'))
            {
                continue;
            }

            try
            {
                var document = KeystoreJson.Parse(ReadKeyFile(path));
                if (document.Address is { } address)
                {
                    entries.Add(new KeystoreEntry(address, path));
                }
                else
                {
                    skipped?.Invoke(path, "the file does not state its address");
                }
            }
            catch (KeystoreException e)
            {
                skipped?.Invoke(path, $"{e.Field}: {e.Message}");
            }
            catch (IOException e)
            {
                skipped?.Invoke(path, e.Message);
            }
            catch (UnauthorizedAccessException e)
            {
                skipped?.Invoke(path, e.Message);
            }
        }

        entries.Sort(static (a, b) =>
        {
            var byAddress = a.Address.CompareTo(b.Address);
            return byAddress != 0 ? byAddress : string.CompareOrdinal(a.Path, b.Path);
        });
        return entries;
    }

    /// <summary>The key files of <paramref name="address"/>; normally none or one.</summary>
    public IReadOnlyList<KeystoreEntry> Find(Address address) => List().Where(e => e.Address == address).ToList();

    /// <summary>Decrypts the private key in <paramref name="entry"/>'s file (the caller should zero it when done).</summary>
    /// <exception cref="KeystorePasswordException">Wrong password or altered file.</exception>
    /// <exception cref="KeystoreException">The file is malformed, or holds another account than the entry says.</exception>
    public static byte[] Decrypt(KeystoreEntry entry, string password)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var document = KeystoreJson.Parse(ReadKeyFile(entry.Path));
        if (document.Address != entry.Address)
        {
            throw new KeystoreException("address", $"{entry.Path} no longer holds {entry.Address}");
        }

        return Web3SecretStorage.Decrypt(document, password);
    }

    /// <summary>geth's file name: <c>UTC--2006-01-02T15-04-05.999999999Z--&lt;address&gt;</c> (Go prints nine fraction digits; .NET has seven).</summary>
    internal static string FileName(DateTimeOffset time, Address address) =>
        "UTC--"
        + time.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH'-'mm'-'ss'.'fffffff'00Z'", CultureInfo.InvariantCulture)
        + "--" + Hex.Encode(address.Bytes, prefix: false);

    private KeystoreEntry Store(ReadOnlySpan<byte> privateKey, string password, ScryptParameters cost)
    {
        var json = Web3SecretStorage.Encrypt(privateKey, password, cost);
        var address = Web3SecretStorage.AddressOf(privateKey);
        CreateDirectory();

        var path = Path.Combine(Directory, FileName(_time.GetUtcNow(), address));
        // Written whole to a hidden temporary file, synced, then renamed: a crash never leaves a
        // truncated key file under a real name, and the rename refuses to replace an existing file.
        var temporary = Path.Combine(Directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = FileMode;
            }

            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(System.Text.Encoding.UTF8.GetBytes(json));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }

        return new KeystoreEntry(address, path);
    }

    private void CreateDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, DirectoryMode);
        }
    }

    private static byte[] ReadKeyFile(string path)
    {
        using var stream = new FileStream(path, System.IO.FileMode.Open, FileAccess.Read, FileShare.Read);
        if (stream.Length > KeystoreJson.MaxFileBytes)
        {
            throw new KeystoreException("file", $"a key file is at most {KeystoreJson.MaxFileBytes} bytes, this one has {stream.Length}");
        }

        var content = new byte[stream.Length];
        stream.ReadExactly(content);
        return content;
    }
}
