// Child process for the storage crash test: commits write batches in a loop until it is killed.
// Batch k sets every probe key to k and then Metadata/"last" to k, so after a crash every probe
// key must equal "last" if batches are all-or-nothing. After each commit it prints "committed k"
// so the parent knows which batches were acknowledged before the kill.
// Mode "chain" (ChainProbe.cs) commits whole blocks through Aro.Execution's ChainStore instead;
// mode "signer" (SignerProbe.cs) signs consensus steps through Aro.Consensus' GuardedSigner.
using System.Buffers.Binary;
using Aro.Storage;
using Aro.Storage.CrashProbe;
using Aro.Storage.RocksDb;

if (args.Length == 3 && args[0] == "chain")
{
    return ChainProbe.Run(args[1], args[2]);
}

if (args.Length == 2 && args[0] == "signer")
{
    return SignerProbe.Run(args[1]);
}

if (args.Length != 2 || (args[1] != "sync" && args[1] != "nosync"))
{
    Console.Error.WriteLine("usage: Aro.Storage.CrashProbe <dbdir> sync|nosync | chain <dbdir> <genesis.json> | signer <statefile>");
    return 2;
}

bool sync = args[1] == "sync";
using RocksDbStore store = RocksDbStore.Open(args[0]);
string[] columns = [Columns.Headers, Columns.Blocks, Columns.Receipts, Columns.TrieNodes];
byte[] lastKey = "last"u8.ToArray();

long k = store.TryGet(Columns.Metadata, lastKey, out byte[]? last) ? BinaryPrimitives.ReadInt64BigEndian(last) : 0;
byte[] key = new byte[4];
byte[] value = new byte[64];
using IWriteBatch batch = store.CreateBatch();
Console.Out.WriteLine("ready");
Console.Out.Flush();
while (true)
{
    k++;
    BinaryPrimitives.WriteInt64BigEndian(value, k);
    for (int i = 0; i < 50; i++)
    {
        BinaryPrimitives.WriteInt32BigEndian(key, i);
        batch.Put(columns[i % columns.Length], key, value);
    }

    batch.Put(Columns.Metadata, lastKey, value.AsSpan(0, 8));
    batch.Commit(sync);
    Console.Out.WriteLine("committed " + k);
    Console.Out.Flush();
}
