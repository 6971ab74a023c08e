using Aro.State.World;

namespace Aro.Execution.Modules.Records;

/// <summary>The module's key-value records, writable in calls and hooks, read-only in views.</summary>
public interface IRecordStore
{
    byte[]? Get(ReadOnlySpan<byte> key);

    void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    void Delete(ReadOnlySpan<byte> key);
}

public sealed class WritableRecordStore(ModuleStore store) : IRecordStore
{
    public byte[]? Get(ReadOnlySpan<byte> key) => store.Get(key);

    public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => store.Set(key, value);

    public void Delete(ReadOnlySpan<byte> key) => store.Delete(key);
}

public sealed class ReadOnlyRecordStore(ModuleQueryContext context) : IRecordStore
{
    public byte[]? Get(ReadOnlySpan<byte> key) => context.Get(key);

    public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) =>
        throw new InvalidOperationException("A view cannot write module records.");

    public void Delete(ReadOnlySpan<byte> key) =>
        throw new InvalidOperationException("A view cannot write module records.");
}
