namespace Aro.Network.Gossip;

/// <summary>What the node's transaction pool made of a gossiped transaction.</summary>
public enum TxAdmission
{
    /// <summary>New and valid: relayed to every other peer.</summary>
    Accepted,

    /// <summary>Well-formed but not taken (known, nonce too low, pool full): not relayed, no penalty.</summary>
    Ignored,

    /// <summary>Malformed or invalid beyond doubt (bad encoding, bad signature, wrong chain): the sender is penalised.</summary>
    Invalid,
}
