namespace Aro.Storage;

/// <summary>A failure reported by the storage engine; <see cref="Exception.Message"/> carries its text.</summary>
public class StorageException : Exception
{
    public StorageException()
    {
    }

    public StorageException(string message)
        : base(message)
    {
    }

    public StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageException(string operation, string engineMessage)
        : base($"{operation}: {engineMessage}")
    {
        Operation = operation;
        EngineMessage = engineMessage;
    }

    /// <summary>The storage call that failed, e.g. "open" or "write".</summary>
    public string? Operation { get; }

    /// <summary>The engine's own error text, unchanged.</summary>
    public string? EngineMessage { get; }
}

/// <summary>The native RocksDB library could not be loaded.</summary>
public sealed class StorageNativeLibraryMissingException : StorageException
{
    public StorageNativeLibraryMissingException()
    {
    }

    public StorageNativeLibraryMissingException(string message)
        : base(message)
    {
    }

    public StorageNativeLibraryMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
