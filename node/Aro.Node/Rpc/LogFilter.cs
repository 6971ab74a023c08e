using Aro.Core;
using Aro.Core.Blocks;
using Aro.Node.Rpc.Dto;

namespace Aro.Node.Rpc;

/// <summary>
/// The address and topic criteria of a log filter, with the bloom probe that skips blocks which
/// cannot hold a match. Immutable; shared by eth_getLogs and the logs subscription.
/// </summary>
internal sealed class LogFilter
{
    private readonly Address[] _addresses;
    private readonly Hash256[]?[] _topics;

    public LogFilter(IReadOnlyList<Address> addresses, IReadOnlyList<Hash256[]?> topics)
    {
        _addresses = [.. addresses];
        _topics = [.. topics];
    }

    public static LogFilter From(LogFilterRequest request) => new(request.Addresses, request.Topics);

    /// <summary>False only when the bloom proves no log of the block can match.</summary>
    public bool MayMatch(in Bloom bloom)
    {
        if (_addresses.Length > 0 && !AnyIn(bloom, _addresses))
        {
            return false;
        }

        foreach (var position in _topics)
        {
            if (position is not null && !AnyIn(bloom, position))
            {
                return false;
            }
        }

        return true;
    }

    public bool Matches(Log log) => Matches(log.Address, log.Topics.AsSpan());

    public bool Matches(LogDto log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return Matches(log.Address, log.Topics is Hash256[] array ? array : [.. log.Topics]);
    }

    private bool Matches(in Address address, ReadOnlySpan<Hash256> topics)
    {
        if (_addresses.Length > 0 && Array.IndexOf(_addresses, address) < 0)
        {
            return false;
        }

        // More positions than the log has topics cannot match (geth's rule), even if they are wildcards.
        if (_topics.Length > topics.Length)
        {
            return false;
        }

        for (var i = 0; i < _topics.Length; i++)
        {
            if (_topics[i] is { } alternatives && Array.IndexOf(alternatives, topics[i]) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnyIn(in Bloom bloom, Address[] addresses)
    {
        foreach (var address in addresses)
        {
            if (bloom.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyIn(in Bloom bloom, Hash256[] topics)
    {
        foreach (var topic in topics)
        {
            if (bloom.Contains(topic))
            {
                return true;
            }
        }

        return false;
    }
}
