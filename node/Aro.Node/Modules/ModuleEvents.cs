using System.Collections.Frozen;
using System.Reflection;
using Aro.Core;
using Aro.Core.Abi;
using Aro.Modules.Gpos.Abi;

namespace Aro.Node.Modules;

/// <summary>
/// Names a module log for people: <c>Delegated(0x…, 0x…, 5000…, 5000…)</c>. The table is every
/// <see cref="AbiEvent"/> the module ABIs declare, keyed by topic 0.
/// </summary>
public static class ModuleEvents
{
    private static readonly FrozenDictionary<Hash256, AbiEvent> Known = BuildTable();

    /// <summary>The event with its decoded arguments, or null when no hosted module declares topic 0.</summary>
    public static string? Describe(IReadOnlyList<Hash256> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        if (topics.Count == 0 || !Known.TryGetValue(topics[0], out var abiEvent))
        {
            return null;
        }

        try
        {
            var values = abiEvent.Decode(topics, data);
            var parts = new string[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                parts[i] = RevertReasons.Format(values[i]);
            }

            return $"{abiEvent.Name}({string.Join(", ", parts)})";
        }
        catch (AbiFormatException)
        {
            return abiEvent.Name + " (malformed data)";
        }
    }

    private static FrozenDictionary<Hash256, AbiEvent> BuildTable()
    {
        var table = new Dictionary<Hash256, AbiEvent>();
        foreach (var abi in new[] { typeof(StakingAbi), typeof(SettlementAbi) })
        {
            foreach (var field in abi.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                if (field.GetValue(null) is AbiEvent abiEvent)
                {
                    table[abiEvent.Topic0] = abiEvent;
                }
            }
        }

        return table.ToFrozenDictionary();
    }
}
