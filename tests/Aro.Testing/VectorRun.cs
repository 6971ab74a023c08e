using Xunit;

namespace Aro.Testing;

/// <summary>
/// Counts the cases a vector-driven test ran so it can fail when a file silently yields none
/// and report what it covered.
/// </summary>
public sealed class VectorRun
{
    private readonly string _name;
    private readonly List<string> _failures = [];

    public VectorRun(string name) => _name = name;

    public int Ran { get; private set; }

    public int Skipped { get; private set; }

    /// <summary>Runs one case; an exception or failed assertion is collected, so all failures show at once.</summary>
    public void Case(string caseName, Action check)
    {
        Ran++;
        try
        {
            check();
        }
        catch (Exception ex)
        {
            _failures.Add($"{caseName}: {ex.GetType().Name}: {ex.Message}");
        }
    }

    public void Skip() => Skipped++;

    /// <summary>Fails when a case failed or when fewer than <paramref name="atLeast"/> cases ran.</summary>
    public void AssertAll(int atLeast = 1)
    {
        Assert.True(Ran >= atLeast, $"{_name}: ran {Ran} cases, expected at least {atLeast} (skipped {Skipped}).");
        if (_failures.Count > 0)
        {
            Assert.Fail($"{_name}: {_failures.Count} of {Ran} cases failed:\n" + string.Join("\n", _failures.Take(50)));
        }
    }
}
