using System.CommandLine;
using System.Security.Cryptography;
using Aro.Core;
using Aro.Core.Crypto;
using Aro.Node.Keys;

namespace Aro.Node.Cli;

/// <summary>
/// <c>aro-node keys new|import|list|show</c>: the account keystore, in geth's file format under
/// <c>&lt;home&gt;/keystore</c>. Results go to stdout as "name  value" lines; prompts, warnings and
/// errors go to stderr. Exit 0 done, 1 refused (wrong password, unknown or duplicate account),
/// 2 usage or unreadable input.
/// </summary>
internal static class KeysCommand
{
    public static Command Create() => Create(ConsolePasswordPrompt.Instance);

    internal static Command Create(IPasswordPrompt prompt)
    {
        var keys = new Command("keys", "Account keys: create, import, list and inspect encrypted key files (Web3 Secret Storage v3, as geth).");
        keys.Add(CreateNew(prompt));
        keys.Add(CreateImport(prompt));
        keys.Add(CreateList());
        keys.Add(CreateShow(prompt));
        return keys;
    }

    /// <summary>The node home when --home is not given.</summary>
    internal static string DefaultHome =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aro");

    private static Option<string?> HomeOption() =>
        new("--home") { Description = "Node home directory (default ~/.aro); keys live in <home>/keystore." };

    private static Option<string?> PasswordFileOption() =>
        new("--password-file") { Description = "Read the password from the first line of this file instead of the terminal." };

    private static Option<bool> LightOption() =>
        new("--light") { Description = "Cheap scrypt (n=4096, p=6, as geth --lightkdf): devnets and tests only." };

    private static Option<bool> InsecureEmptyPasswordOption() =>
        new("--insecure-empty-password") { Description = "Allow an empty password." };

    private static Command CreateNew(IPasswordPrompt prompt)
    {
        var home = HomeOption();
        var passwordFile = PasswordFileOption();
        var light = LightOption();
        var allowEmpty = InsecureEmptyPasswordOption();
        var command = new Command("new", "Generate a new account key and store it encrypted.") { home, passwordFile, light, allowEmpty };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            if (!PasswordSource.TryGet(parseResult.GetValue(passwordFile), prompt, forNewKey: true, parseResult.GetValue(allowEmpty), out var password, out var problem))
            {
                return Fail(error, ExitCodes.UsageError, problem);
            }

            return Run(error, () =>
            {
                var entry = Store(parseResult.GetValue(home)).Create(password, Cost(parseResult.GetValue(light)));
                WriteEntry(output, entry);
                error.WriteLine("Back up the key file and remember the password: the account cannot be recovered without both.");
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static Command CreateImport(IPasswordPrompt prompt)
    {
        var key = new Argument<string?>("private-key")
        {
            Description = "The private key as 64 hex digits (prefer --private-key-file: the command line leaks to shell history).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var keyFile = new Option<string?>("--private-key-file") { Description = "Read the hex private key from this file." };
        var home = HomeOption();
        var passwordFile = PasswordFileOption();
        var light = LightOption();
        var allowEmpty = InsecureEmptyPasswordOption();
        var command = new Command("import", "Store an existing private key encrypted.") { key, keyFile, home, passwordFile, light, allowEmpty };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var keyText = parseResult.GetValue(key);
            var keyPath = parseResult.GetValue(keyFile);
            if ((keyText is null) == (keyPath is null))
            {
                return Fail(error, ExitCodes.UsageError, "give the private key either as an argument or with --private-key-file (one of the two)");
            }

            if (keyPath is not null)
            {
                try
                {
                    keyText = File.ReadAllText(keyPath);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return Fail(error, ExitCodes.UsageError, $"cannot read --private-key-file: {e.Message}");
                }
            }
            else
            {
                error.WriteLine("warning: a private key on the command line can leak through shell history and the process list; prefer --private-key-file");
            }

            if (!PrivateKeyText.TryParse(keyText!, out var privateKey, out var keyProblem))
            {
                return Fail(error, ExitCodes.UsageError, keyProblem);
            }

            try
            {
                if (!PasswordSource.TryGet(parseResult.GetValue(passwordFile), prompt, forNewKey: true, parseResult.GetValue(allowEmpty), out var password, out var problem))
                {
                    return Fail(error, ExitCodes.UsageError, problem);
                }

                return Run(error, () =>
                {
                    var entry = Store(parseResult.GetValue(home)).Import(privateKey, password, Cost(parseResult.GetValue(light)));
                    WriteEntry(output, entry);
                    return ExitCodes.Ok;
                });
            }
            finally
            {
                CryptographicOperations.ZeroMemory(privateKey);
            }
        });
        return command;
    }

    private static Command CreateList()
    {
        var home = HomeOption();
        var command = new Command("list", "List the accounts in the keystore: address and key file, by address.") { home };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            return Run(error, () =>
            {
                var store = Store(parseResult.GetValue(home));
                var entries = store.List((path, reason) => error.WriteLine($"warning: skipped {path}: {reason}"));
                foreach (var entry in entries)
                {
                    output.WriteLine($"{entry.Address}  {entry.Path}");
                }

                if (entries.Count == 0)
                {
                    error.WriteLine($"no keys in {store.Directory}");
                }

                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static Command CreateShow(IPasswordPrompt prompt)
    {
        var addressArgument = new Argument<string>("address") { Description = "The account address (0x + 40 hex digits)." };
        var home = HomeOption();
        var passwordFile = PasswordFileOption();
        var showPrivate = new Option<bool>("--private") { Description = "Also print the private key (it controls the account: handle with care)." };
        var command = new Command(
            "show",
            "Show an account's address, public key and key file. Needs the password: the file stores no public key.")
        {
            addressArgument, home, passwordFile, showPrivate,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            if (!Address.TryParse(parseResult.GetValue(addressArgument), out var address))
            {
                return Fail(error, ExitCodes.UsageError, "the address must be 0x and 40 hex digits (with a correct EIP-55 checksum if mixed case)");
            }

            return Run(error, () =>
            {
                var store = Store(parseResult.GetValue(home));
                var entries = store.Find(address);
                if (entries.Count == 0)
                {
                    return Fail(error, ExitCodes.Invalid, $"no key for {address} in {store.Directory}");
                }

                if (entries.Count > 1)
                {
                    return Fail(error, ExitCodes.Invalid, $"several key files hold {address}: {string.Join(", ", entries.Select(e => e.Path))}");
                }

                if (!PasswordSource.TryGet(parseResult.GetValue(passwordFile), prompt, forNewKey: false, allowEmpty: true, out var password, out var problem))
                {
                    return Fail(error, ExitCodes.UsageError, problem);
                }

                var privateKey = KeyStore.Decrypt(entries[0], password);
                try
                {
                    Span<byte> publicKey = stackalloc byte[Secp256k1.UncompressedPublicKeyLength];
                    Secp256k1.GetPublicKey(privateKey, publicKey);
                    output.WriteLine($"address      {address}");
                    output.WriteLine($"public key   {Hex.Encode(publicKey)}");
                    output.WriteLine($"keyfile      {entries[0].Path}");
                    if (parseResult.GetValue(showPrivate))
                    {
                        error.WriteLine("WARNING: the private key below controls the account. Anyone who sees it can take everything the account holds.");
                        output.WriteLine($"private key  {Hex.Encode(privateKey)}");
                    }
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(privateKey);
                }

                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static KeyStore Store(string? home) => KeyStore.ForHome(home ?? DefaultHome);

    internal static ScryptParameters Cost(bool light) => light ? ScryptParameters.Light : ScryptParameters.Standard;

    private static void WriteEntry(TextWriter output, KeystoreEntry entry)
    {
        output.WriteLine($"address  {entry.Address}");
        output.WriteLine($"keyfile  {entry.Path}");
    }

    /// <summary>Runs a keystore action, turning the failures a user can cause into messages and exit codes.</summary>
    private static int Run(TextWriter error, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (KeystorePasswordException)
        {
            return Fail(error, ExitCodes.Invalid, "wrong password (the key file's MAC does not match)");
        }
        catch (KeystoreException e)
        {
            return Fail(error, ExitCodes.UsageError, $"unusable key file ({e.Field}): {e.Message}");
        }
        catch (AccountExistsException e)
        {
            return Fail(error, ExitCodes.Invalid, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(error, ExitCodes.UsageError, e.Message);
        }
    }

    private static int Fail(TextWriter error, int exitCode, string message)
    {
        error.WriteLine($"error: {message}");
        return exitCode;
    }
}
