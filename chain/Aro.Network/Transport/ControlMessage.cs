using System.Buffers.Binary;
using System.Text;
using Aro.Core;
using Aro.Core.Crypto;

namespace Aro.Network.Transport;

/// <summary>
/// Messages of channel 0 (the link itself). Fixed layouts, decoded strictly:
/// <list type="bullet">
/// <item>auth = <c>0x01 ‖ static public key (65, uncompressed) ‖ signature (64, r ‖ s) ‖ chain id (8, BE) ‖ genesis hash (32)</c></item>
/// <item>accept = <c>0x02</c></item>
/// <item>disconnect = <c>0x03 ‖ reason (1, <see cref="ProtocolError"/>) ‖ UTF-8 text (≤ 200 bytes)</c></item>
/// </list>
/// </summary>
internal static class ControlMessage
{
    public const byte Channel = 0;
    public const byte AuthType = 1;
    public const byte AcceptType = 2;
    public const byte DisconnectType = 3;

    public const int AuthLength = 1 + Secp256k1.UncompressedPublicKeyLength + Secp256k1.SignatureLength + 8 + Hash256.Size;
    public const int MaxReasonBytes = 200;

    public static byte[] Auth(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> signature, ChainIdentity chain)
    {
        var message = new byte[AuthLength];
        message[0] = AuthType;
        publicKey.CopyTo(message.AsSpan(1));
        signature.CopyTo(message.AsSpan(1 + 65));
        BinaryPrimitives.WriteUInt64BigEndian(message.AsSpan(1 + 65 + 64), chain.ChainId);
        chain.GenesisHash.CopyTo(message.AsSpan(1 + 65 + 64 + 8));
        return message;
    }

    public static (byte[] PublicKey, byte[] Signature, ChainIdentity Chain) ReadAuth(ReadOnlySpan<byte> message)
    {
        if (message.Length != AuthLength || message[0] != AuthType)
        {
            throw new PeerProtocolException(ProtocolError.HandshakeMalformed, $"expected a {AuthLength}-byte auth message, got {message.Length} bytes of type {(message.IsEmpty ? -1 : message[0])}");
        }

        var publicKey = message.Slice(1, 65).ToArray();
        if (publicKey[0] != 0x04)
        {
            throw new PeerProtocolException(ProtocolError.HandshakeMalformed, "the static key in auth is not an uncompressed secp256k1 key");
        }

        return (publicKey, message.Slice(66, 64).ToArray(),
            new ChainIdentity(BinaryPrimitives.ReadUInt64BigEndian(message.Slice(130, 8)), new Hash256(message.Slice(138, 32))));
    }

    public static byte[] Accept() => [AcceptType];

    public static byte[] Disconnect(ProtocolError reason, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var length = Math.Min(bytes.Length, MaxReasonBytes);
        var message = new byte[2 + length];
        message[0] = DisconnectType;
        message[1] = (byte)reason;
        bytes.AsSpan(0, length).CopyTo(message.AsSpan(2));
        return message;
    }

    public static bool TryReadDisconnect(ReadOnlySpan<byte> message, out ProtocolError reason, out string text)
    {
        reason = ProtocolError.None;
        text = string.Empty;
        if (message.Length < 2 || message.Length > 2 + MaxReasonBytes || message[0] != DisconnectType)
        {
            return false;
        }

        reason = Enum.IsDefined((ProtocolError)message[1]) ? (ProtocolError)message[1] : ProtocolError.None;
        var chars = Encoding.UTF8.GetString(message[2..]).ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            // The text is the peer's; keep it printable before it reaches a log line.
            if (char.IsControl(chars[i]))
            {
                chars[i] = '?';
            }
        }

        text = new string(chars);
        return true;
    }
}
