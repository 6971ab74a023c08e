using System.Text.Json.Serialization;
using Aro.Core;
using Aro.JsonRpc.Json;

namespace Aro.JsonRpc;

/// <summary>
/// A storage slot key as eth_getStorageAt takes it: "0x" and up to 64 hex digits, left-padded to
/// 32 bytes. Shorter keys are accepted because clients send slot numbers like "0x0".
/// </summary>
[JsonConverter(typeof(StorageKeyJsonConverter))]
public readonly record struct StorageKey(Hash256 Value)
{
    public static implicit operator Hash256(StorageKey key) => key.Value;

    public Hash256 ToHash256() => Value;

    public override string ToString() => Value.ToString();
}
