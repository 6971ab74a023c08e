namespace Aro.Network.Transport;

/// <summary>A decrypted frame: its channel id and payload (owned by the receiver; handlers may keep it).</summary>
internal readonly record struct Frame(byte Channel, ReadOnlyMemory<byte> Payload);
