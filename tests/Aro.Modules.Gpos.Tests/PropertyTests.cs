using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Crypto;
using Aro.Execution.Execution;
using Aro.Modules.Gpos.Abi;

namespace Aro.Modules.Gpos.Tests;

/// <summary>
/// Seeded random operation sequences (register, edit, leave, delegate, undelegate, redelegate,
/// withdraw, unjail, double-sign evidence, validators going offline and back, epoch advance) through
/// real signed transactions and signed commits. The chain harness checks the module and supply
/// invariants after every block; these tests add coverage and determinism checks. Amounts are in
/// units of 10^15 wei so stakes carry consensus power (1 ARO = 1000 units).
/// </summary>
public class PropertyTests
{
    private const int Sequences = 300;
    private const int SoakSequences = 3_000;
    private const int BlocksPerSequence = 20;
    private const int DeterminismSequences = 60;
    private static readonly UInt256 Unit = UInt256.Parse("1000000000000000");

    // Stakes around 1 ARO so keepers reach consensus power (sign commits, miss, get slashed) and earn rewards.
    private static readonly GposParams Params = GposChain.RewardParams with { MinSelfStake = Unit * 1_000 };

    [Fact]
    public void Random_operation_sequences_keep_every_invariant_after_every_block() => RunMany(Sequences);

    [Fact]
    [Trait("Category", "Soak")]
    public void Soak_random_operation_sequences_keep_every_invariant_after_every_block() => RunMany(SoakSequences);

    private static void RunMany(int sequences)
    {
        var stats = new RunStats();

        for (var seed = 0; seed < sequences; seed++)
        {
            Run(seed, stats);
        }

        // Guard against a vacuous run: every message kind succeeded many times and every event fired.
        Assert.Equal(sequences * BlocksPerSequence, stats.Blocks);
        AbiFunction[] messages =
        [
            StakingAbi.Register, StakingAbi.EditKeeper, StakingAbi.LeaveKeeper, StakingAbi.Delegate, StakingAbi.Undelegate,
            StakingAbi.Redelegate, StakingAbi.Withdraw, SettlementAbi.ClaimRewards, SettlementAbi.ClaimCommission,
        ];
        foreach (var function in messages)
        {
            Assert.True(stats.Succeeded.GetValueOrDefault(function.Name) >= sequences / 50, $"{function.Name} succeeded only {stats.Succeeded.GetValueOrDefault(function.Name)} times");
        }

        foreach (var function in new[] { StakingAbi.Unjail, StakingAbi.SubmitDoubleSignEvidence })
        {
            Assert.True(stats.Succeeded.GetValueOrDefault(function.Name) >= 3, $"{function.Name} succeeded only {stats.Succeeded.GetValueOrDefault(function.Name)} times");
        }

        // EvidenceRefused is the block executor's, for evidence in blocks; no transaction sequence reaches it.
        foreach (var abiEvent in StakingAbi.Events.Concat(SettlementAbi.Events).Where(e => e != StakingAbi.EvidenceRefused))
        {
            Assert.True(stats.Topics.Contains(abiEvent.Topic0), $"{abiEvent.Name} was never emitted");
        }
    }

    [Fact]
    public void The_same_sequence_twice_gives_the_same_state_root_and_receipts()
    {
        for (var seed = 0; seed < DeterminismSequences; seed++)
        {
            var first = Run(seed + 50_000, new RunStats());
            var second = Run(seed + 50_000, new RunStats());

            Assert.Equal(first.Root, second.Root);
            Assert.Equal(first.ReceiptDigest, second.ReceiptDigest);
        }
    }

    [Fact]
    public void Different_sequences_give_different_state_roots()
    {
        Assert.NotEqual(Run(1, new RunStats()).Root, Run(2, new RunStats()).Root);
    }

    private static (Hash256 Root, Hash256 ReceiptDigest) Run(int seed, RunStats stats)
    {
        var random = new Random(seed);
        // Emission, fees to the module, and commits of the epoch's set minus the offline keepers: rewards and slashes every epoch.
        var chain = new GposChain(Params, accounts: 8, funds: Unit * 1_000_000_000, feesToModule: true);
        var digest = new List<byte>();
        for (var b = 0; b < BlocksPerSequence; b++)
        {
            if (random.Next(6) == 0)
            {
                // Jump to the last block of this epoch, so the recorded block runs the transition.
                while ((chain.Height + 2) % chain.Params.EpochBlocks != 0)
                {
                    chain.Block();
                }
            }

            if (random.Next(4) == 0)
            {
                // A validator goes offline or comes back; its misses reach the next blocks' commits.
                var consensus = chain[random.Next(6)].ConsensusAddress;
                if (!chain.Offline.Remove(consensus))
                {
                    chain.Offline.Add(consensus);
                }
            }

            var calls = new List<(string Name, SenderTx Tx)>();
            var count = 1 + random.Next(3);
            for (var i = 0; i < count; i++)
            {
                calls.Add(NextCall(chain, random));
            }

            var result = chain.Block([.. calls.Select(c => c.Tx)]);
            stats.Blocks++;
            for (var i = 0; i < result.Transactions.Length; i++)
            {
                var outcome = result.Transactions[i];
                digest.Add(outcome.Succeeded ? (byte)1 : (byte)0);
                digest.AddRange(outcome.Output);
                if (outcome.Succeeded)
                {
                    stats.Succeeded[calls[i].Name] = stats.Succeeded.GetValueOrDefault(calls[i].Name) + 1;
                }

                foreach (var log in result.Receipts[i].Logs)
                {
                    stats.Topics.Add(log.Topics[0]);
                    digest.AddRange(log.Data.Span);
                }
            }

            foreach (var log in result.BlockEvents)
            {
                stats.Topics.Add(log.Topics[0]);
                digest.AddRange(log.Data.Span);
            }
        }

        return (chain.StateRoot(), Keccak256.Hash(digest.ToArray()));
    }

    private static (string, SenderTx) NextCall(GposChain chain, Random random)
    {
        var from = chain[random.Next(chain.Accounts.Length)];
        var keeper = chain[random.Next(6)];
        var other = chain[random.Next(6)];
        switch (random.Next(21))
        {
            case 16:
                return (StakingAbi.Unjail.Name, chain.Tx(from, SlashingHarness.Unjail()));
            case 17:
                {
                    // A double sign by a random account at a recent height: valid only when it was in that set.
                    var height = chain.Height - (ulong)random.Next((int)Math.Min(chain.Height, 10UL));
                    return (StakingAbi.SubmitDoubleSignEvidence.Name, chain.Tx(from, SlashingHarness.Evidence(SlashingHarness.DoubleSign(keeper, Math.Max(1UL, height)))));
                }

            case 18 or 19:
                keeper = DelegatedTo(chain, from, random) ?? keeper;
                return (SettlementAbi.ClaimRewards.Name, chain.Tx(from, Calls.ClaimRewards(keeper)));
            case 20:
                return (SettlementAbi.ClaimCommission.Name, chain.Tx(from, Calls.ClaimCommission()));
            case 0 or 1 or 2:
                return (StakingAbi.Register.Name, chain.Tx(from, Calls.Register(from, (ushort)random.Next(4_000), "k" + from.Seed), Unit * (ulong)(900 + random.Next(3_000))));
            case 3:
                {
                    var current = KeeperField(chain, from, 2)?.AsUInt64() ?? 500UL;
                    var commission = (ushort)Math.Max(0, (int)current + random.Next(-150, 151));
                    return (StakingAbi.EditKeeper.Name, chain.Tx(from, Calls.Edit(commission, "e" + random.Next(100))));
                }

            case 4:
                return random.Next(3) == 0 ? (StakingAbi.LeaveKeeper.Name, chain.Tx(from, Calls.Leave())) : NextCall(chain, random);
            case 5 or 6 or 7 or 8:
                return (StakingAbi.Delegate.Name, chain.Tx(from, Calls.Delegate(keeper), Unit * (ulong)random.Next(600)));
            case 9 or 10 or 11:
                keeper = DelegatedTo(chain, from, random) ?? keeper;
                return (StakingAbi.Undelegate.Name, chain.Tx(from, Calls.Undelegate(keeper, Portion(chain, from, keeper, random))));
            case 12 or 13:
                keeper = DelegatedTo(chain, from, random) ?? keeper;
                return (StakingAbi.Redelegate.Name, chain.Tx(from, Calls.Redelegate(keeper, other, Portion(chain, from, keeper, random))));
            default:
                return (StakingAbi.Withdraw.Name, chain.Tx(from, Calls.Withdraw()));
        }
    }

    /// <summary>Mostly a part of the current delegation, sometimes all of it, sometimes one wei too much.</summary>
    private static UInt256 Portion(GposChain chain, Account delegator, Account keeper, Random random)
    {
        var amount = chain.View(StakingAbi.GetDelegation, AbiValue.Address(delegator.Address), AbiValue.Address(keeper.Address))[1].AsUInt256();
        return random.Next(4) switch
        {
            0 => amount,
            1 => amount + UInt256.One,
            _ => amount.IsZero ? UInt256.One : amount / (ulong)(2 + random.Next(3)),
        };
    }

    /// <summary>One of the keepers <paramref name="delegator"/> delegates to, or null.</summary>
    private static Account? DelegatedTo(GposChain chain, Account delegator, Random random)
    {
        var keepers = chain.View(StakingAbi.GetDelegatorKeepers, AbiValue.Address(delegator.Address))[0].AsList();
        if (keepers.Length == 0)
        {
            return null;
        }

        var address = keepers[random.Next(keepers.Length)].AsAddress();
        return chain.Accounts.First(a => a.Address == address);
    }

    private static AbiValue? KeeperField(GposChain chain, Account keeper, int index)
    {
        var k = chain.View(StakingAbi.GetKeeper, AbiValue.Address(keeper.Address));
        return k[0].AsBool() ? k[index] : null;
    }

    private sealed class RunStats
    {
        public int Blocks { get; set; }

        public Dictionary<string, int> Succeeded { get; } = [];

        public HashSet<Hash256> Topics { get; } = [];
    }
}
