using Aro.Storage.RocksDb;
using Aro.Storage;
using Aro.Testing;

namespace Aro.Storage.Tests;

public sealed class RocksDbStoreConformanceTests : KeyValueStoreConformance
{
    private readonly TempDirectory _directory = new();
    private int _opened;

    protected override IKeyValueStore OpenStore() =>
        RocksDbStore.Open(Path.Combine(_directory.Path, "db" + _opened++), new StorageOptions { BlockCacheBytes = 1 << 20 });

    public override void Dispose()
    {
        base.Dispose();
        _directory.Dispose();
    }
}
