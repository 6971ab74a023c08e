namespace Aro.Core.Tests.Blocks.Builders;

/// <summary>Entry point of the block test builders: <c>Build.Header().WithNumber(5).WithParent(x).TestObject</c>.</summary>
internal static class Build
{
    public static HeaderBuilder Header() => new();

    public static CommitBuilder Commit() => new();

    public static BlockBuilder Block() => new();

    public static ReceiptBuilder Receipt() => new();
}
