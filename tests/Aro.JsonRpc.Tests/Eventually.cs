namespace Aro.JsonRpc.Tests;

/// <summary>Waits for state another thread changes (connection cleanup); not a timing assertion.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition(), what);
    }
}
