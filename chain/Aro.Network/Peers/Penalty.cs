namespace Aro.Network.Peers;

/// <summary>Misbehaviours and what each costs (README: scoring). A peer starts at 0; at −100 it is banned.</summary>
public enum Penalty
{
    /// <summary>−10: a request timed out or an answer was useless.</summary>
    Unresponsive = 10,

    /// <summary>−25: a channel message failed strict decoding.</summary>
    MalformedMessage = 25,

    /// <summary>−40: an oversized, malformed or unauthenticated frame (the link is also closed).</summary>
    BadFrame = 40,

    /// <summary>−50: a block or commit that failed verification.</summary>
    BadData = 50,
}
