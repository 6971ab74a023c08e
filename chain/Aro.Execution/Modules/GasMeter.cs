namespace Aro.Execution.Modules;

/// <summary>Gas left for one module call. Consuming past the limit throws <see cref="OutOfGasException"/> and uses it all.</summary>
public sealed class GasMeter
{
    public GasMeter(ulong limit) => Limit = limit;

    /// <summary>A meter for block hooks, which are part of the protocol and not paid for by anyone.</summary>
    public static GasMeter Unmetered() => new(ulong.MaxValue);

    public ulong Limit { get; }

    public ulong Used { get; private set; }

    public ulong Remaining => Limit - Used;

    public void Consume(ulong gas)
    {
        if (gas > Remaining)
        {
            Used = Limit;
            throw new OutOfGasException(gas, Limit);
        }

        Used += gas;
    }
}
