namespace Aro.Node.Keys;

/// <summary>
/// A key file that cannot be used: malformed JSON, a missing or ill-typed field, bad hex, an
/// unsupported kdf or cipher, or content that contradicts itself. <see cref="Field"/> names the
/// JSON path at fault (e.g. <c>crypto.kdfparams.salt</c>).
/// </summary>
internal class KeystoreException : Exception
{
    public KeystoreException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    public KeystoreException(string field, string message, Exception innerException)
        : base(message, innerException)
    {
        Field = field;
    }

    public string Field { get; }
}

/// <summary>The MAC did not match: the password is wrong, or the file was altered.</summary>
internal sealed class KeystorePasswordException : KeystoreException
{
    public KeystorePasswordException()
        : base("crypto.mac", "MAC mismatch: wrong password, or the key file was altered")
    {
    }
}
