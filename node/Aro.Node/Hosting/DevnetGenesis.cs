using Aro.Execution.Chain;
using Aro.Node.Validator;

namespace Aro.Node.Hosting;

/// <summary>
/// genesis/devnet.json, embedded in the binary so <c>aro-node devnet</c> runs from anywhere, and its
/// published DEVNET ONLY keys: each is keccak256 of its label (genesis/SCHEMA.md).
/// </summary>
internal static class DevnetGenesis
{
    public const string ValidatorLabel = "aro-devnet-validator-0";

    public static IReadOnlyList<string> AccountLabels { get; } =
        ["aro-devnet-account-0", "aro-devnet-account-1", "aro-devnet-account-2", "aro-devnet-account-3"];

    public static string Json { get; } = ReadResource();

    public static GenesisSpec Spec { get; } = GenesisSpec.Parse(Json);

    public static ValidatorKey ValidatorKey => ValidatorKey.FromLabel(ValidatorLabel);

    /// <summary>True when <paramref name="spec"/> is this devnet genesis, so its public validator key is the right one.</summary>
    public static bool IsDevnet(GenesisSpec spec) => spec.ComputeHash() == Spec.ComputeHash();

    private static string ReadResource()
    {
        using var stream = typeof(DevnetGenesis).Assembly.GetManifestResourceStream("Aro.Node.devnet.json")
            ?? throw new InvalidOperationException("the devnet genesis is not embedded in this build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
