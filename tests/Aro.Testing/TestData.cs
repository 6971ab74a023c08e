using System.IO.Compression;

namespace Aro.Testing;

/// <summary>
/// Locates the public test vectors in <c>../shared/testdata/</c> beside the repository.
/// They are consumed in place, never copied into the project.
/// </summary>
public static class TestData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>Absolute path of a file or folder under shared/testdata.</summary>
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Root.Value, .. parts]);

    public static string ReadText(params string[] parts) => File.ReadAllText(Path(parts));

    public static byte[] ReadBytes(params string[] parts) => File.ReadAllBytes(Path(parts));

    /// <summary>Reads a gzip-compressed text file as the test data README asks (left compressed on disk).</summary>
    public static string ReadGzipText(params string[] parts)
    {
        using var file = File.OpenRead(Path(parts));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd();
    }

    /// <summary>The repository root (the folder holding Aro.Chain.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("ARO_TESTDATA");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return RequireDirectory(fromEnvironment, "ARO_TESTDATA");
        }

        var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared", "testdata"));
        return RequireDirectory(candidate, "../shared/testdata beside the repository");
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Aro.Chain.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Aro.Chain.sln not found above " + AppContext.BaseDirectory);
    }

    private static string RequireDirectory(string path, string what) =>
        Directory.Exists(path)
            ? path
            : throw new DirectoryNotFoundException(
                $"Test vectors not found at {path} ({what}). Clone the repository next to shared/ or set ARO_TESTDATA.");
}
