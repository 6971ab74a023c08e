using System.Reflection;
using System.Runtime.InteropServices;

namespace Aro.Storage.Native;

/// <summary>
/// Binds the "rocksdb" import name to Debian's soname so the product needs only the runtime
/// package (librocksdb7.8), not the -dev symlink.
/// </summary>
internal static class NativeLibraryLoader
{
    internal const string ImportName = "rocksdb";

    internal static readonly string[] Candidates = ["librocksdb.so.7.8", "librocksdb.so"];

    internal const string MissingMessage =
        "librocksdb.so.7.8 not found: install Debian package librocksdb7.8 (apt-get install -y librocksdb7.8) or run ./aro setup";

    private static readonly Lock Gate = new();
    private static IntPtr _handle;
    private static bool _resolverInstalled;

    /// <summary>Loads librocksdb once; call before the first native call.</summary>
    /// <exception cref="StorageNativeLibraryMissingException">No candidate could be loaded.</exception>
    public static void EnsureLoaded()
    {
        if (Volatile.Read(ref _handle) != IntPtr.Zero)
        {
            return;
        }

        lock (Gate)
        {
            if (_handle != IntPtr.Zero)
            {
                return;
            }

            IntPtr handle = Load(Candidates);
            if (!_resolverInstalled)
            {
                NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);
                _resolverInstalled = true;
            }

            Volatile.Write(ref _handle, handle);
        }
    }

    internal static IntPtr Load(IReadOnlyList<string> candidates)
    {
        foreach (string name in candidates)
        {
            if (NativeLibrary.TryLoad(name, out IntPtr handle))
            {
                return handle;
            }
        }

        throw new StorageNativeLibraryMissingException(MissingMessage);
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != ImportName)
        {
            return IntPtr.Zero;
        }

        EnsureLoaded();
        return _handle;
    }
}
