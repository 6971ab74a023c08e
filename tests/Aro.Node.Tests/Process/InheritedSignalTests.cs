using Aro.Node.Cli;

namespace Aro.Node.Tests.Process;

/// <summary>
/// A node whose parent ignores SIGINT (a background job of a non-interactive shell, such as a second test loop run
/// to load the machine) inherits the ignore, and the runtime then never delivers SIGINT to the node's handler.
/// This is how NetworkProcessTests failed with "aro-node did not stop on SIGINT" while its full node kept syncing.
/// </summary>
public sealed class InheritedSignalTests
{
    [Fact]
    public void A_node_whose_parent_ignores_SIGINT_warns_that_SIGINT_will_not_stop_it()
    {
        using var node = NodeProcessHarness.StartUnderParentIgnoringInterrupt(resetInterrupt: false, "devnet", "--rpc-port", "0", "--empty-block-interval", "never");
        node.WaitForRpc();

        Assert.Contains("warning: SIGINT is ignored in this process", node.Errors, StringComparison.Ordinal);
        Assert.Equal(0, node.Terminate());
    }

    [Fact]
    public void A_node_started_by_the_harness_stops_on_SIGINT_even_when_the_test_run_ignores_SIGINT()
    {
        using var node = NodeProcessHarness.StartUnderParentIgnoringInterrupt(resetInterrupt: true, "devnet", "--rpc-port", "0", "--empty-block-interval", "never");
        node.WaitForRpc();

        Assert.DoesNotContain("SIGINT is ignored", node.Errors, StringComparison.Ordinal);
        Assert.Equal(0, node.Interrupt());
    }

    [Theory]
    [InlineData("Name:\tdotnet\nSigIgn:\t0000000000001006\nSigCgt:\t0000000000004000\n", true)]
    [InlineData("Name:\tdotnet\nSigIgn:\t0000000000001000\nSigCgt:\t0000000000004002\n", false)]
    [InlineData("Name:\tdotnet\n", false)]
    [InlineData(null, false)]
    public void SIGINT_counts_as_ignored_only_when_its_bit_is_in_the_SigIgn_mask(string? status, bool ignored) =>
        Assert.Equal(ignored, NodeProcess.IgnoresAtStart(2, status));
}
