namespace Aro.Network.Transport;

/// <summary>Why a link is refused: the code sent to the peer and a sentence for both logs.</summary>
internal readonly record struct Refusal(ProtocolError Error, string Reason);
