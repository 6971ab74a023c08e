namespace Aro.Attestation.Cbor;

/// <summary>The eight CBOR major types (RFC 8949 §3.1), the top three bits of an item's initial byte.</summary>
internal enum CborMajorType : byte
{
    UnsignedInteger = 0,
    NegativeInteger = 1,
    ByteString = 2,
    TextString = 3,
    Array = 4,
    Map = 5,
    Tag = 6,
    SimpleOrFloat = 7,
}
