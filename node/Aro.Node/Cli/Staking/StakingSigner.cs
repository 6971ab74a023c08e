using System.Security.Cryptography;
using Aro.Core;
using Aro.Node.Keys;

namespace Aro.Node.Cli.Staking;

/// <summary>
/// The key a staking transaction is signed with: <c>--private-key-file</c> (hex), or the account
/// <c>--from</c> in the keystore of <c>--home</c>, unlocked with <c>--password-file</c>, else the
/// <c>ARO_PASSWORD</c> environment variable, else the terminal.
/// </summary>
internal static class StakingSigner
{
    public const string PasswordVariable = "ARO_PASSWORD";

    public static bool TryLoad(
        string? privateKeyFile, string? from, string? home, string? passwordFile, IPasswordPrompt prompt, out byte[] privateKey, out string problem)
    {
        privateKey = [];
        if ((privateKeyFile is null) == (from is null))
        {
            problem = "name the signing key with either --private-key-file FILE or --from ADDRESS (a keystore account), one of the two";
            return false;
        }

        if (privateKeyFile is not null)
        {
            string text;
            try
            {
                text = File.ReadAllText(privateKeyFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problem = $"cannot read --private-key-file: {e.Message}";
                return false;
            }

            return PrivateKeyText.TryParse(text, out privateKey, out problem);
        }

        if (!Address.TryParse(from, out var address))
        {
            problem = "--from must be 0x and 40 hex digits";
            return false;
        }

        var store = KeyStore.ForHome(home ?? KeysCommand.DefaultHome);
        try
        {
            var entries = store.Find(address);
            if (entries.Count != 1)
            {
                problem = entries.Count == 0 ? $"no key for {address} in {store.Directory}" : $"several key files hold {address}";
                return false;
            }

            var password = Environment.GetEnvironmentVariable(PasswordVariable);
            if (passwordFile is not null || password is null)
            {
                if (!PasswordSource.TryGet(passwordFile, prompt, forNewKey: false, allowEmpty: true, out password, out problem))
                {
                    return false;
                }
            }

            privateKey = KeyStore.Decrypt(entries[0], password);
            problem = string.Empty;
            return true;
        }
        catch (KeystorePasswordException)
        {
            problem = "wrong password (the key file's MAC does not match)";
            return false;
        }
        catch (KeystoreException e)
        {
            problem = $"unusable key file ({e.Field}): {e.Message}";
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = e.Message;
            return false;
        }
    }

    public static void Forget(byte[] privateKey) => CryptographicOperations.ZeroMemory(privateKey);
}
