using System.CommandLine;
using System.Text.Json.Nodes;
using Aro.Core;
using Aro.Node.Cli;
using Aro.Node.Keys;
using Aro.Node.Tests.Cli;
using Aro.Testing;

namespace Aro.Node.Tests.Keys;

/// <summary>aro-node keys, end to end in a scratch home with a password file and light scrypt.</summary>
public sealed class KeysCommandTests : IDisposable
{
    private readonly TempDirectory _home = new("aro-keys-cli");

    public KeysCommandTests()
    {
        PasswordFile = Write("password", "s3cret pass\n");
    }

    private string PasswordFile { get; }

    private string Keystore => Path.Combine(_home.Path, "keystore");

    public void Dispose() => _home.Dispose();

    [Fact]
    public void New_then_list_then_show_then_import_of_the_same_key_is_refused()
    {
        var created = Keys("new", "--light");
        Assert.True(created.ExitCode == ExitCodes.Ok, created.ToString());
        var address = Value(created.Output, "address");
        var keyFile = Value(created.Output, "keyfile");
        Assert.Equal(Keystore, Path.GetDirectoryName(keyFile));
        Assert.EndsWith("--" + address[2..].ToLowerInvariant(), keyFile, StringComparison.Ordinal);

        var listed = Keys("list");
        Assert.Equal(ExitCodes.Ok, listed.ExitCode);
        Assert.Equal($"{address}  {keyFile}{Environment.NewLine}", listed.Output);

        var shown = Keys("show", address, "--private");
        Assert.True(shown.ExitCode == ExitCodes.Ok, shown.ToString());
        Assert.Equal(address, Value(shown.Output, "address"));
        Assert.Equal(keyFile, Value(shown.Output, "keyfile"));
        var privateKey = Value(shown.Output, "private key");
        Assert.Contains("WARNING", shown.Error, StringComparison.Ordinal);
        var publicKey = new byte[65];
        Aro.Core.Crypto.Secp256k1.GetPublicKey(Hex.Decode(privateKey), publicKey);
        Assert.Equal(Hex.Encode(publicKey), Value(shown.Output, "public key"));
        Assert.Equal(address, Address.FromPublicKey(publicKey).ToString());

        var again = Keys("import", "--private-key-file", Write("key", privateKey), "--light");
        Assert.Equal(ExitCodes.Invalid, again.ExitCode);
        Assert.Contains("already in the keystore", again.Error, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Keystore));
    }

    [Fact]
    public void Show_prints_no_private_key_without_private()
    {
        var address = Value(Keys("new", "--light").Output, "address");
        var shown = Keys("show", address);
        Assert.Equal(ExitCodes.Ok, shown.ExitCode);
        Assert.DoesNotContain("private key", shown.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("WARNING", shown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Imports_the_spec_key_from_a_file_and_shows_its_published_address()
    {
        var imported = Keys("import", "--private-key-file", Write("key", "0x" + SpecVectors.Secret + "\n"), "--light");
        Assert.True(imported.ExitCode == ExitCodes.Ok, imported.ToString());
        Assert.Equal("0x" + SpecVectors.Address, Value(imported.Output, "address").ToLowerInvariant());

        var shown = Keys("show", "0x" + SpecVectors.Address, "--private");
        Assert.Equal("0x" + SpecVectors.Secret, Value(shown.Output, "private key"));
    }

    [Fact]
    public void Import_from_the_command_line_works_and_warns_about_shell_history()
    {
        var imported = Keys("import", SpecVectors.Secret, "--light");
        Assert.Equal(ExitCodes.Ok, imported.ExitCode);
        Assert.Contains("shell history", imported.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000", "zero")]
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", "group order")]
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364142", "group order")]
    [InlineData("7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9", "64 hex digits")]
    [InlineData("7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d00", "64 hex digits")]
    [InlineData("7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9g", "non-hex")]
    [InlineData("", "64 hex digits")]
    public void Import_of_an_invalid_private_key_fails_and_writes_nothing(string key, string reason)
    {
        var result = Keys("import", "--private-key-file", Write("key", key), "--light");
        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Length > 0 ? key : "\0", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Keystore));
    }

    [Fact]
    public void Import_needs_exactly_one_source_of_the_key()
    {
        Assert.Equal(ExitCodes.UsageError, Keys("import", "--light").ExitCode);
        Assert.Equal(ExitCodes.UsageError, Keys("import", SpecVectors.Secret, "--private-key-file", Write("key", SpecVectors.Secret)).ExitCode);
        Assert.False(Directory.Exists(Keystore));
    }

    [Fact]
    public void New_with_light_writes_geths_light_scrypt_cost()
    {
        var light = Keys("new", "--light");
        var kdf = JsonNode.Parse(File.ReadAllText(Value(light.Output, "keyfile")))!["crypto"]!["kdfparams"]!;
        Assert.Equal((4096, 8, 6), ((int)kdf["n"]!, (int)kdf["r"]!, (int)kdf["p"]!));
    }

    [Fact]
    public void Without_light_the_cost_is_geths_standard_scrypt()
    {
        // Checked on the mapping rather than by running n = 2^18 once more: the spec-vector tests already pay for that.
        Assert.Equal(ScryptParameters.Standard, KeysCommand.Cost(light: false));
        Assert.Equal(ScryptParameters.Light, KeysCommand.Cost(light: true));
    }

    [Fact]
    public void Show_with_the_wrong_password_fails_and_prints_nothing()
    {
        var address = Value(Keys("new", "--light").Output, "address");
        var result = Run(ConsoleLessPrompt.Instance, "keys", "show", address, "--home", _home.Path, "--password-file", Write("wrong", "s3cret pass!\n"), "--private");
        Assert.Equal(ExitCodes.Invalid, result.ExitCode);
        Assert.Contains("wrong password", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Show_of_an_unknown_address_fails()
    {
        var result = Keys("show", "0x" + SpecVectors.Address);
        Assert.Equal(ExitCodes.Invalid, result.ExitCode);
        Assert.Contains("no key for", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_rejects_an_address_with_a_bad_checksum()
    {
        var result = Keys("show", "0x008AEEda4d805471df9b2a5b0f38a0c3bcba786b");
        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
    }

    [Fact]
    public void List_of_an_empty_home_prints_nothing_and_says_so()
    {
        var result = Keys("list");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains("no keys in", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void List_warns_about_a_malformed_file_and_lists_the_rest()
    {
        var address = Value(Keys("new", "--light").Output, "address");
        File.WriteAllText(Path.Combine(Keystore, "broken"), "{\"version\":3}");
        var result = Keys("list");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.StartsWith(address, result.Output, StringComparison.Ordinal);
        Assert.Contains("warning: skipped", result.Error, StringComparison.Ordinal);
        Assert.Contains("crypto", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void New_refuses_an_empty_password_unless_told_it_is_insecure()
    {
        var empty = Write("empty", "\n");
        var refused = Run(ConsoleLessPrompt.Instance, "keys", "new", "--home", _home.Path, "--password-file", empty, "--light");
        Assert.Equal(ExitCodes.UsageError, refused.ExitCode);
        Assert.Contains("--insecure-empty-password", refused.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Keystore));

        var allowed = Run(ConsoleLessPrompt.Instance, "keys", "new", "--home", _home.Path, "--password-file", empty, "--light", "--insecure-empty-password");
        Assert.Equal(ExitCodes.Ok, allowed.ExitCode);
        var address = Value(allowed.Output, "address");
        Assert.Equal(ExitCodes.Ok, Run(ConsoleLessPrompt.Instance, "keys", "show", address, "--home", _home.Path, "--password-file", empty).ExitCode);
    }

    [Fact]
    public void Without_a_password_file_or_a_terminal_the_command_fails_instead_of_waiting()
    {
        var result = Run(ConsoleLessPrompt.Instance, "keys", "new", "--home", _home.Path, "--light");
        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("not a terminal", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void At_a_terminal_new_asks_twice_and_the_answer_unlocks_the_key()
    {
        var prompt = new ScriptedPrompt("typed pw", "typed pw", "typed pw");
        var created = Run(prompt, "keys", "new", "--home", _home.Path, "--light");
        Assert.True(created.ExitCode == ExitCodes.Ok, created.ToString());
        var shown = Run(prompt, "keys", "show", Value(created.Output, "address"), "--home", _home.Path);
        Assert.Equal(ExitCodes.Ok, shown.ExitCode);
        Assert.Equal(["New password: ", "Repeat password: ", "Password: "], prompt.Asked);
    }

    [Fact]
    public void At_a_terminal_mismatched_passwords_write_nothing()
    {
        var result = Run(new ScriptedPrompt("one", "two"), "keys", "new", "--home", _home.Path, "--light");
        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("do not match", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Keystore));
    }

    [Fact]
    public void Password_file_contributes_its_first_line_without_the_line_break()
    {
        var prompt = ConsoleLessPrompt.Instance;
        Assert.True(PasswordSource.TryGet(Write("crlf", "line one\r\nline two\n"), prompt, forNewKey: true, allowEmpty: false, out var password, out _));
        Assert.Equal("line one", password);
        Assert.True(PasswordSource.TryGet(Write("bare", " spaced "), prompt, forNewKey: true, allowEmpty: false, out password, out _));
        Assert.Equal(" spaced ", password);
    }

    [Fact]
    public void Missing_password_file_is_a_usage_error()
    {
        var result = Keys("new", "--light", "--password-file", Path.Combine(_home.Path, "absent"));
        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--password-file", result.Error, StringComparison.Ordinal);
    }

    /// <summary>Runs <c>aro-node keys ...</c> through the real command tree with this test's home and password file.</summary>
    private CliResult Keys(params string[] args)
    {
        var needsPassword = args[0] != "list" && !args.Contains("--password-file");
        string[] common = needsPassword ? ["--home", _home.Path, "--password-file", PasswordFile] : ["--home", _home.Path];
        return CliResult.Run(["keys", .. args, .. common]);
    }

    /// <summary>Runs the keys command with a given prompt in place of the console.</summary>
    private static CliResult Run(IPasswordPrompt prompt, params string[] args)
    {
        var root = new RootCommand { KeysCommand.Create(prompt) };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parse = root.Parse(args);
        Assert.Empty(parse.Errors);
        var exitCode = parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_home.Path, name + "-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>The value of a "name  value" line.</summary>
    private static string Value(string output, string name)
    {
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith(name + "  ", StringComparison.Ordinal))
            {
                return line[name.Length..].Trim();
            }
        }

        throw new Xunit.Sdk.XunitException($"no '{name}' line in:\n{output}");
    }

    private sealed class ConsoleLessPrompt : IPasswordPrompt
    {
        public static readonly ConsoleLessPrompt Instance = new();

        public bool IsInteractive => false;

        public string Read(string prompt) => throw new InvalidOperationException("must not prompt without a terminal");
    }

    private sealed class ScriptedPrompt(params string[] answers) : IPasswordPrompt
    {
        private int _next;

        public List<string> Asked { get; } = [];

        public bool IsInteractive => true;

        public string Read(string prompt)
        {
            Asked.Add(prompt);
            return answers[_next++];
        }
    }
}
