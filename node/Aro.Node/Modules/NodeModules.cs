using System.Collections.Immutable;
using Aro.Execution.Chain;
using Aro.Execution.Execution;
using Aro.Execution.Modules;
using Aro.Modules.Gpos;
using Aro.Modules.Gpos.Genesis;
using Aro.Modules.Gpow;
using Aro.Modules.Gpow.Genesis;
using Aro.State.World;

namespace Aro.Node.Modules;

/// <summary>
/// The native modules every node hosts (the same set for block production, eth_call and
/// eth_estimateGas, so a simulation runs exactly what a block would) and their genesis sections.
/// Sections are parsed when the node is built, so a malformed one stops the node before the
/// database is touched; a genesis without a section leaves that module uninitialised (its calls
/// revert with a clear message) instead of failing the chain.
/// </summary>
public sealed class NodeModules
{
    private readonly GposGenesis? _gpos;
    private readonly GpowGenesis? _gpow;

    private readonly ImmutableArray<GenesisValidator> _validators;

    private NodeModules(ModuleHost host, GposGenesis? gpos, GpowGenesis? gpow, IEvidenceHandler? evidence = null, ImmutableArray<GenesisValidator> validators = default)
    {
        _validators = validators.IsDefault ? [] : validators;
        Host = host;
        _gpos = gpos;
        _gpow = gpow;
        EvidenceHandler = evidence;
    }

    public ModuleHost Host { get; }

    /// <summary>
    /// Where a block's double-sign evidence is applied: GPoS slashing when the genesis has a GPoS section;
    /// null otherwise (the evidence is then only recorded in the block, readable with eth_getBlockBy*).
    /// </summary>
    public IEvidenceHandler? EvidenceHandler { get; }

    /// <summary>True when the genesis carries a GPoS section (the module is initialised at genesis).</summary>
    public bool HasGposGenesis => _gpos is not null;

    /// <summary>True when the genesis carries a GPoW section.</summary>
    public bool HasGpowGenesis => _gpow is not null;

    /// <summary>
    /// The only chain id whose genesis may enable GPoW's dev attestation kind: the devnet's
    /// (genesis/devnet.json). A chain id is the one field every network must own, so tying the
    /// devnet-only kind to it keeps a copied devnet section from switching it on elsewhere.
    /// </summary>
    public const ulong DevnetChainId = 7771;

    /// <summary>Whether GPoW accepts the devnet-only dev attestation kind (logged at start-up).</summary>
    public bool DevAttestationEnabled => _gpow?.DevAttestationEnabled ?? false;

    /// <summary>Builds the module set for <paramref name="genesis"/> and validates its module sections.</summary>
    /// <exception cref="GenesisException">An unknown module section, or a section its module refuses.</exception>
    public static NodeModules For(GenesisSpec genesis)
    {
        ArgumentNullException.ThrowIfNull(genesis);
        GposGenesis? gpos = null;
        GpowGenesis? gpow = null;
        // GenesisSpec keeps sections sorted by name, so errors come out in one order.
        foreach (var (name, section) in genesis.Modules)
        {
            switch (name)
            {
                case GposModule.GenesisSection:
                    gpos = GposGenesis.Parse(section);
                    break;
                case GpowModule.GenesisSection:
                    gpow = GpowGenesis.Parse(section);
                    break;
                default:
                    throw new GenesisException(
                        "$.modules." + name,
                        $"no module named '{name}' is hosted by this node (known: {GposModule.GenesisSection}, {GpowModule.GenesisSection})");
            }
        }

        if (gpow is not null && gpow.DevAttestationEnabled && genesis.ChainId != DevnetChainId)
        {
            throw new GenesisException(
                GpowGenesis.Path + ".devAttestation.enabled",
                $"the dev attestation kind is devnet only (chain id {DevnetChainId}); chain id {genesis.ChainId} must not enable it");
        }

        // GPoW's epochs are GPoS's: verdict windows, pools and stake limits line up only on the same boundaries.
        // (Without a gpos section GPoS has no epochs; GPoW's own length then drives the interim pool call.)
        var gposEpochBlocks = gpos?.Params.EpochBlocks ?? gpow?.Params.EpochBlocks ?? new GposParams().EpochBlocks;
        if (gpow is not null && gpow.Params.EpochBlocks != gposEpochBlocks)
        {
            throw new GenesisException(
                GpowGenesis.Path + ".params.epochBlocks",
                $"must equal GPoS's epochBlocks ({gposEpochBlocks}), got {gpow.Params.EpochBlocks}");
        }

        // GPoW asks GPoS who the keepers are and slashes false vouches through it; GPoS takes verified work and
        // hands the edge pool to GPoW. The registry is bound once both exist.
        var keepers = new KeeperRegistryBinding();
        var gpowModule = new GpowModule(keepers);
        var gposModule = gpow is null ? new GposModule() : new GposModule(gpowModule, gpowModule);
        keepers.Bind(gposModule);
        return new NodeModules(new ModuleHost([gposModule, gpowModule]), gpos, gpow, gpos is null ? null : new GposEvidenceHandler(gposModule), genesis.Validators);
    }

    /// <summary>An explicit module set that writes no genesis records (tests hosting their own modules).</summary>
    internal static NodeModules Hosting(ModuleHost host) => new(host, null, null);

    /// <summary>Writes every module's genesis records into the genesis state (the hook of <see cref="Genesis.Build"/>).</summary>
    /// <exception cref="GenesisException">A section that does not fit the rest of the genesis (e.g. the module account is not funded with the stake).</exception>
    public void InitializeGenesis(WorldState world)
    {
        ArgumentNullException.ThrowIfNull(world);
        _gpos?.Load(world);
        _gpow?.Load(world);
        if (_gpos is not null)
        {
            CheckValidatorsAreGposEpochZero(world);
        }
    }

    /// <summary>
    /// With GPoS, consensus runs GPoS's sets from height 1 on, and the genesis header's validator-set hash is
    /// the <c>validators</c> list's: the two must be one set (same keys, power = whole ARO of effective stake).
    /// </summary>
    private void CheckValidatorsAreGposEpochZero(WorldState world)
    {
        var set = GposModule.ValidatorSetOf(world, 0) ?? throw new GenesisException(GposGenesis.Path, "GPoS recorded no validator set for epoch 0");
        var listed = _validators.Sort(static (a, b) => a.Address.CompareTo(b.Address));
        var count = Math.Max(listed.Length, set.Members.Length);
        for (var i = 0; i < count; i++)
        {
            if (i >= set.Members.Length)
            {
                throw new GenesisException(
                    $"$.validators[{_validators.IndexOf(listed[i])}]",
                    $"validator {listed[i].Address} is not in GPoS's epoch-0 set (its keepers' consensus keys); with a gpos section the validators must be exactly that set");
            }

            var member = set.Members[i];
            if (i >= listed.Length || listed[i].Address != member.ConsensusAddress)
            {
                throw new GenesisException(
                    "$.validators",
                    $"GPoS's epoch-0 set has consensus key {member.ConsensusAddress} (keeper {member.Keeper}, power {member.Power}) where the validators list has "
                    + (i < listed.Length ? listed[i].Address.ToString() : "none") + "; with a gpos section the validators must be exactly that set");
            }

            if (listed[i].Power != member.Power)
            {
                throw new GenesisException(
                    $"$.validators[{_validators.IndexOf(listed[i])}].power",
                    $"must be {member.Power}, the whole ARO of keeper {member.Keeper}'s stake in GPoS's epoch-0 set; got {listed[i].Power}");
            }
        }
    }
}
