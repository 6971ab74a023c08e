using Aro.Node.Validator;

namespace Aro.Node.Hosting;

/// <summary>
/// A node's home directory: <c>config.json</c>, <c>genesis.json</c>, <c>priv_validator_key.json</c> (0600)
/// and <c>data/</c> (the RocksDB database). The home itself is created 0700.
/// </summary>
internal static class NodeHome
{
    public static string ConfigPath(string home) => Path.Combine(home, NodeConfig.FileName);

    public static bool IsInitialized(string home) => File.Exists(ConfigPath(home));

    /// <summary>Writes a new home. Refuses to touch one that already has any of the files (a key is never overwritten).</summary>
    /// <exception cref="NodeConfigException">The home already holds a config, genesis or key file.</exception>
    public static void Initialize(string home, string genesisJson, ValidatorKey key, NodeConfig config)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(config);
        var files = new[] { ConfigPath(home), Path.Combine(home, config.GenesisFile), Path.Combine(home, config.ValidatorKeyFile) };
        foreach (var file in files)
        {
            if (File.Exists(file))
            {
                throw new NodeConfigException($"{file} already exists; {home} is already initialised (remove it, or choose another --home)");
            }
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(home);
        }
        else
        {
            Directory.CreateDirectory(home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.CreateDirectory(Path.Combine(home, config.DataDir));
        File.WriteAllText(files[1], genesisJson);
        ValidatorKeyFile.Write(files[2], key);
        // Last: a home is initialised exactly when its config exists.
        config.Save(files[0]);
    }
}
