using Aro.Storage;
using Aro.Storage.Memory;

namespace Aro.Storage.Tests;

public sealed class MemoryStoreConformanceTests : KeyValueStoreConformance
{
    protected override IKeyValueStore OpenStore() => new MemoryStore();
}
