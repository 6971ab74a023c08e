using Aro.Consensus.Core;
using Aro.Consensus.Signing;
using Aro.Core;
using Aro.Core.Crypto;

namespace Aro.Storage.CrashProbe;

/// <summary>
/// "signer" mode: signs a prevote then a precommit digest for heights 1, 2, … (round 0) through a
/// <see cref="GuardedSigner"/> on the given state file, resuming after the last signed height, and
/// prints "committed k" (k = 2·height + step − 2) after each signature the signer returned.
/// </summary>
internal static class SignerProbe
{
    public static int Run(string statePath)
    {
        var signer = GuardedSigner.Open(statePath, Keccak256.Hash("consensus-test-validator-0"u8).ToArray());
        var height = signer.LastSigned is { } last ? last.Height + 1 : 1;
        Span<byte> signature = stackalloc byte[65];
        Console.Out.WriteLine("ready");
        Console.Out.Flush();
        while (true)
        {
            foreach (var step in (ReadOnlySpan<SignStep>)[SignStep.Prevote, SignStep.Precommit])
            {
                var digest = Keccak256.Hash(System.Text.Encoding.ASCII.GetBytes($"{height}/{step}"));
                if (!signer.TrySign(step, height, 0, digest, signature))
                {
                    Console.Error.WriteLine($"refused {height}/{step}");
                    return 3;
                }

                Console.Out.WriteLine("committed " + (((long)height * 2) + (long)step - 2));
                Console.Out.Flush();
            }

            height++;
        }
    }
}
