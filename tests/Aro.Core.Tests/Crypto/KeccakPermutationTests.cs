using Aro.Core.Crypto;

namespace Aro.Core.Tests.Crypto;

public class KeccakPermutationTests
{
    [Fact]
    public void Permuting_zero_state_gives_the_reference_first_lane()
    {
        // Keccak team KeccakF-1600-IntermediateValues.txt: first lane after one permutation of zero.
        var state = default(KeccakState);
        KeccakF1600.Permute(ref state);
        Assert.Equal(0xF1258F7940E1DDE7UL, state[0]);
    }
}
