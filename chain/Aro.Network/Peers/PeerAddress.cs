using System.Globalization;
using Aro.Network.Keys;

namespace Aro.Network.Peers;

/// <summary>
/// Where to dial a peer: <c>0x&lt;node id&gt;@host:port</c>, or <c>host:port</c> for a seed whose key is
/// not known in advance (any key is then accepted).
/// </summary>
public sealed record PeerAddress(NodeId? Id, string Host, int Port)
{
    /// <exception cref="FormatException">Not <c>[id@]host:port</c> with a valid id and a port in 1–65535.</exception>
    public static PeerAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        NodeId? id = null;
        var rest = text.Trim();
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            id = NodeId.Parse(rest[..at]);
            rest = rest[(at + 1)..];
        }

        var colon = rest.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(rest.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new FormatException($"'{text}' is not a peer address ([0x<node id>@]host:port)");
        }

        return new PeerAddress(id, rest[..colon].Trim('[', ']'), port);
    }

    public override string ToString() => Id is { } id ? $"{id}@{Host}:{Port}" : $"{Host}:{Port}";
}
