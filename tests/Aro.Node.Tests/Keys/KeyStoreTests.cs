using Aro.Core;
using Aro.Node.Keys;
using Aro.Testing;

namespace Aro.Node.Tests.Keys;

public sealed class KeyStoreTests : IDisposable
{
    private static readonly byte[] SpecKey = Hex.Decode(SpecVectors.Secret);
    private static readonly Address SpecAddress = Address.Parse(SpecVectors.Address);

    private readonly TempDirectory _home = new("aro-keys");

    public void Dispose() => _home.Dispose();

    [Fact]
    public void Keystore_of_a_home_is_its_keystore_folder()
    {
        Assert.Equal(Path.Combine(_home.Path, "keystore"), KeyStore.ForHome(_home.Path).Directory);
    }

    [Fact]
    public void File_name_is_geths_UTC_timestamp_and_lowercase_address()
    {
        var time = new DateTimeOffset(2026, 11, 22, 4, 5, 6, TimeSpan.Zero).AddTicks(1234567);
        Assert.Equal(
            "UTC--2026-11-22T04-05-06.123456700Z--008aeeda4d805471df9b2a5b0f38a0c3bcba786b",
            KeyStore.FileName(time, SpecAddress));
    }

    [Fact]
    public void File_name_is_in_UTC_whatever_the_offset_of_the_clock()
    {
        var time = new DateTimeOffset(2026, 11, 22, 6, 5, 6, TimeSpan.FromHours(2));
        Assert.StartsWith("UTC--2026-11-22T04-05-06.000000000Z--", KeyStore.FileName(time, SpecAddress), StringComparison.Ordinal);
    }

    [Fact]
    public void Import_writes_one_file_named_by_the_clock_that_decrypts_to_the_key()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var store = KeyStore.ForHome(_home.Path, clock);

        var entry = store.Import(SpecKey, "pw", SpecVectors.TestCost);

        Assert.Equal(SpecAddress, entry.Address);
        Assert.Equal(Path.Combine(store.Directory, "UTC--2026-01-02T03-04-05.000000000Z--" + SpecVectors.Address), entry.Path);
        Assert.Equal([entry.Path], Directory.GetFiles(store.Directory));
        Assert.Equal(SpecKey, KeyStore.Decrypt(entry, "pw"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Key_file_is_owner_only_and_the_folder_owner_only()
    {
        var store = KeyStore.ForHome(_home.Path);
        var entry = store.Create("pw", SpecVectors.TestCost);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(entry.Path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(store.Directory));
    }

    [Fact]
    public void Create_makes_distinct_keys_that_list_under_their_addresses()
    {
        var store = KeyStore.ForHome(_home.Path);
        var first = store.Create("pw", SpecVectors.TestCost);
        var second = store.Create("pw", SpecVectors.TestCost);

        Assert.NotEqual(first.Address, second.Address);
        Assert.Equal(first.Address, Web3SecretStorage.AddressOf(KeyStore.Decrypt(first, "pw")));
        Assert.Equal(new[] { first, second }.OrderBy(e => e.Address), store.List());
    }

    [Fact]
    public void Importing_an_account_already_present_is_refused_and_writes_nothing()
    {
        var store = KeyStore.ForHome(_home.Path);
        var existing = store.Import(SpecKey, "pw", SpecVectors.TestCost);

        var e = Assert.Throws<AccountExistsException>(() => store.Import(SpecKey, "other", SpecVectors.TestCost));

        Assert.Equal(SpecAddress, e.Address);
        Assert.Equal(existing.Path, e.ExistingPath);
        Assert.Single(Directory.GetFiles(store.Directory));
    }

    [Fact]
    public void Importing_an_invalid_key_writes_nothing()
    {
        var store = KeyStore.ForHome(_home.Path);
        Assert.Throws<ArgumentException>(() => store.Import(new byte[32], "pw", SpecVectors.TestCost));
        Assert.False(Directory.Exists(store.Directory));
    }

    [Fact]
    public void Listing_a_missing_keystore_is_empty()
    {
        Assert.Empty(KeyStore.ForHome(_home.Path).List());
    }

    [Fact]
    public void Listing_reports_unusable_files_and_ignores_hidden_and_backup_files()
    {
        var store = KeyStore.ForHome(_home.Path);
        var good = store.Import(SpecKey, "pw", SpecVectors.TestCost);
        File.WriteAllText(Path.Combine(store.Directory, "notes.txt"), "not a key");
        File.WriteAllText(Path.Combine(store.Directory, "no-address.json"), SpecVectors.Pbkdf2File);
        File.Copy(good.Path, Path.Combine(store.Directory, ".hidden"));
        File.Copy(good.Path, Path.Combine(store.Directory, "backup~"));

        var skipped = new List<string>();
        var entries = store.List((path, reason) => skipped.Add($"{Path.GetFileName(path)}: {reason}"));

        Assert.Equal([good], entries);
        Assert.Equal(2, skipped.Count);
        Assert.Contains(skipped, s => s.StartsWith("notes.txt: file:", StringComparison.Ordinal));
        Assert.Contains(skipped, s => s.StartsWith("no-address.json:", StringComparison.Ordinal) && s.Contains("address", StringComparison.Ordinal));
    }

    [Fact]
    public void Lists_files_written_by_others_with_the_address_they_state()
    {
        var store = KeyStore.ForHome(_home.Path);
        Directory.CreateDirectory(store.Directory);
        var path = Path.Combine(store.Directory, "from-ethers.json");
        File.WriteAllText(path, SpecVectors.EthersFile);

        var entry = Assert.Single(store.List());

        Assert.Equal(SpecVectors.EthersAddress, entry.Address.ToString());
        Assert.Equal(SpecVectors.EthersSecret, Hex.Encode(KeyStore.Decrypt(entry, SpecVectors.EthersPassword), prefix: false));
    }

    [Fact]
    public void Decrypt_with_the_wrong_password_fails()
    {
        var entry = KeyStore.ForHome(_home.Path).Create("pw", SpecVectors.TestCost);
        Assert.Throws<KeystorePasswordException>(() => KeyStore.Decrypt(entry, "pW"));
    }

    [Fact]
    public void Decrypt_refuses_an_entry_whose_file_now_holds_another_account()
    {
        var store = KeyStore.ForHome(_home.Path);
        var first = store.Create("pw", SpecVectors.TestCost);
        var second = store.Create("pw", SpecVectors.TestCost);
        File.Copy(second.Path, first.Path, overwrite: true);

        var e = Assert.Throws<KeystoreException>(() => KeyStore.Decrypt(first, "pw"));
        Assert.Equal("address", e.Field);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
