namespace Aro.Node.Production;

/// <summary>When <see cref="ProductionLoop"/> makes blocks.</summary>
public sealed record ProductionOptions
{
    /// <summary>How often the pool is looked at; a block is made then if it holds executable transactions.</summary>
    public TimeSpan BlockInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>When set, an empty block is made if none was made for this long (a heartbeat); null: never empty blocks.</summary>
    public TimeSpan? EmptyBlockInterval { get; init; }

    /// <exception cref="ArgumentOutOfRangeException">A non-positive interval.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BlockInterval, TimeSpan.Zero, nameof(BlockInterval));
        if (EmptyBlockInterval is { } empty)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(empty, TimeSpan.Zero, nameof(EmptyBlockInterval));
        }
    }
}
