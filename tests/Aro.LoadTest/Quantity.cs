using System.Globalization;
using System.Text.Json;
using Aro.Core;

namespace Aro.LoadTest;

internal static class Quantity
{
    public static ulong ToUInt64(JsonElement value) =>
        ulong.Parse(value.GetString()!.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    public static UInt256 ToUInt256(JsonElement value) => UInt256.ParseHexQuantity(value.GetString()!);

    public static string Of(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);
}
