using Aro.Core.Crypto;

namespace Aro.Node.Validator;

/// <summary>
/// <c>priv_validator_key.json</c>: the validator's key in plaintext, readable by its owner only (mode
/// 0600), as CometBFT keeps it, so a validator restarts unattended. Whoever reads the file can sign
/// as the validator; protect the home directory accordingly (README: validator key file).
/// <code>{ "address": "0x…", "publicKey": "0x04…", "privateKey": "0x…" }</code>
/// The address and public key are there for people and tools; on load they must match the private
/// key (<see cref="Secp256k1KeyFile"/>).
/// </summary>
public static class ValidatorKeyFile
{
    public const string DefaultName = "priv_validator_key.json";

    public const UnixFileMode OwnerOnly = Secp256k1KeyFile.OwnerOnly;

    private static readonly Secp256k1KeyFileFormat<ValidatorKey> Format = new()
    {
        Kind = "validator key",
        IdField = "address",
        FromPrivateKey = privateKey => new ValidatorKey(privateKey),
        Error = (message, inner) => inner is null ? new ValidatorKeyException(message) : new ValidatorKeyException(message, inner),
    };

    /// <summary>Writes a new key file with mode 0600 (created so; never briefly readable by others).</summary>
    /// <exception cref="IOException">The file exists (a key is never overwritten) or cannot be written.</exception>
    public static void Write(string path, ValidatorKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Secp256k1KeyFile.Write(path, Format.IdField, key.PrivateKey);
    }

    /// <exception cref="ValidatorKeyException">Unreadable, malformed, or the address/public key do not match the private key.</exception>
    public static ValidatorKey Read(string path) => Secp256k1KeyFile.Read(path, Format);

    /// <summary>True when group or others may read or write the file (the node warns, as ssh does).</summary>
    public static bool IsExposed(string path) =>
        !OperatingSystem.IsWindows()
        && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0;
}
