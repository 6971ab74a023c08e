using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Aro.Storage.Native;

// Parent-child lifetimes are enforced with SafeHandle reference counts: a child (column family,
// snapshot, iterator, read options bound to a snapshot) holds a reference on its parents, so
// rocksdb_close runs only after every child is destroyed even when disposal order is wrong or
// a finalizer does the cleanup.

internal abstract class RocksHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private SafeHandle[] _parents = [];

    protected RocksHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Takes ownership of <paramref name="native"/> and keeps <paramref name="parents"/> alive until release.</summary>
    internal void Attach(IntPtr native, params SafeHandle[] parents)
    {
        try
        {
            foreach (SafeHandle parent in parents)
            {
                KeepAlive(parent);
            }
        }
        catch
        {
            ReleaseParents();
            Destroy(native);
            throw;
        }

        SetHandle(native);
    }

    /// <summary>Holds a reference on <paramref name="parent"/> until this handle is released.</summary>
    internal void KeepAlive(SafeHandle parent)
    {
        bool success = false;
        parent.DangerousAddRef(ref success);
        _parents = [.. _parents, parent];
    }

    protected abstract void Destroy(IntPtr native);

    protected override bool ReleaseHandle()
    {
        Destroy(handle);
        ReleaseParents();
        return true;
    }

    private void ReleaseParents()
    {
        SafeHandle[] parents = _parents;
        _parents = [];
        foreach (SafeHandle parent in parents)
        {
            parent.DangerousRelease();
        }
    }
}

internal sealed class DbHandle : RocksHandle
{
    protected override void Destroy(IntPtr native) => RocksDbNative.rocksdb_close(native);
}

internal sealed class ColumnFamilyHandle : RocksHandle
{
    protected override void Destroy(IntPtr native) => RocksDbNative.rocksdb_column_family_handle_destroy(native);
}

internal sealed class OptionsHandle : RocksHandle
{
    protected override void Destroy(IntPtr native) => RocksDbNative.rocksdb_options_destroy(native);
}

internal sealed class BlockBasedTableOptionsHandle : RocksHandle
{
    protected override void Destroy(IntPtr native) => RocksDbNative.rocksdb_block_based_options_destroy(native);
}

internal sealed class CacheHandle : RocksHandle
{
    protected override void Destroy(IntPtr native) => RocksDbNative.rocksdb_cache_destroy(native);
}

internal sealed class WriteOptionsHandle : RocksHandle
{
    protected override void Destroy(IntPtr native) => RocksDbNative.rocksdb_writeoptions_destroy(native);
}

internal sealed class FlushOptionsHandle : RocksHandle
{
    protected override void Destroy(IntPtr native) => RocksDbNative.rocksdb_flushoptions_destroy(native);
}

internal sealed class WriteBatchHandle : RocksHandle
{
    protected override void Destroy(IntPtr native) => RocksDbNative.rocksdb_writebatch_destroy(native);
}

internal sealed class IteratorHandle : RocksHandle
{
    protected override void Destroy(IntPtr native) => RocksDbNative.rocksdb_iter_destroy(native);
}

internal sealed class SnapshotHandle : RocksHandle
{
    private IntPtr _db;

    internal void Attach(IntPtr snapshot, DbHandle db)
    {
        _db = db.DangerousGetHandle();
        base.Attach(snapshot, db);
    }

    protected override void Destroy(IntPtr native) => RocksDbNative.rocksdb_release_snapshot(_db, native);
}

/// <summary>
/// Read options plus the native copies of its iterate bounds: RocksDB keeps pointers to the
/// bound bytes, so they must live exactly as long as the options.
/// </summary>
internal sealed unsafe class ReadOptionsHandle : RocksHandle
{
    private byte* _bounds;

    /// <summary>Sets both bounds (either may be null) from one native allocation.</summary>
    internal void SetBounds(byte[]? lower, byte[]? upper)
    {
        int lowerLength = lower?.Length ?? 0;
        int upperLength = upper?.Length ?? 0;
        if (lower is null && upper is null)
        {
            return;
        }

        // Zero-length bounds still need a non-null pointer.
        _bounds = (byte*)NativeMemory.Alloc((nuint)Math.Max(1, lowerLength + upperLength));
        if (lower is not null)
        {
            lower.CopyTo(new Span<byte>(_bounds, lowerLength));
            RocksDbNative.rocksdb_readoptions_set_iterate_lower_bound(this, _bounds, (nuint)lowerLength);
        }

        if (upper is not null)
        {
            upper.CopyTo(new Span<byte>(_bounds + lowerLength, upperLength));
            RocksDbNative.rocksdb_readoptions_set_iterate_upper_bound(this, _bounds + lowerLength, (nuint)upperLength);
        }
    }

    protected override void Destroy(IntPtr native)
    {
        RocksDbNative.rocksdb_readoptions_destroy(native);
        if (_bounds is not null)
        {
            NativeMemory.Free(_bounds);
            _bounds = null;
        }
    }
}
