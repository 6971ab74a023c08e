using Aro.Core;
using Aro.Execution.Chain;
using Aro.Modules.Gpow.State;
using Aro.State.World;

namespace Aro.Modules.Gpow.Genesis;

/// <summary>
/// The module's genesis section <c>modules.gpow</c> (README §12): params, roots of trust, the measurement
/// allow-list and policy, and the devnet-only dev attestation. Edge nodes are never in genesis: they
/// register with an attestation verified at a block time. <see cref="ToJson"/> is canonical, so
/// <c>Export(Load(x)).ToJson() == x.ToJson()</c>.
/// </summary>
public sealed record GpowGenesis(GpowParams Params, AttestationSettings Attestation)
{
    public const string Path = "$.modules." + GpowModule.GenesisSection;

    /// <exception cref="GenesisException">A structural or rule violation, with the JSON path.</exception>
    public static GpowGenesis Parse(string json) => GpowGenesisJson.Read(json);

    /// <exception cref="GenesisException">A structural or rule violation, with the JSON path.</exception>
    public static GpowGenesis Parse(System.Text.Json.JsonElement section) => GpowGenesisJson.Read(section);

    /// <summary>Who may replace the attestation policy and roots of trust (README §6a); null: nobody can.</summary>
    public Address? Admin { get; init; }

    public string ToJson() => GpowGenesisJson.Write(this);

    /// <summary>Whether this genesis accepts the dev attestation kind; the node logs it at start-up.</summary>
    public bool DevAttestationEnabled => Attestation.DevEnabled;

    public void Load(WorldState world)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (Params.Validate() is { } error)
        {
            throw new GenesisException(Path + ".params", error);
        }

        if (Attestation.ValidatePolicy() is { } policyError)
        {
            throw new GenesisException(Path + ".policy", policyError);
        }

        if (Admin is { IsZero: true })
        {
            throw new GenesisException(Path + ".admin", "the zero address cannot be the admin; leave admin out for none");
        }

        if (Attestation.DevEnabled && Attestation.DevSigner.IsZero)
        {
            throw new GenesisException(Path + ".devAttestation.signer", "an enabled dev attestation needs a signer address");
        }

        // Every wei the module holds is booked (bonds, pools, claims, carry); genesis books none.
        if (!world.GetBalance(GpowModule.Address).IsZero)
        {
            throw new GenesisException(Path, $"the module account {GpowModule.Address} must not be funded in alloc");
        }

        var store = new GpowStore(new WritableRecordStore(world.GetModuleStore(GpowModule.Address)));
        if (store.IsInitialized)
        {
            throw new GenesisException(Path, "the module state is already initialised");
        }

        store.SetParams(Params);
        Attestation.Write(store.Records);
        store.Admin = Admin;
    }

    /// <summary>The section of a chain's current state; refuses a state holding edge nodes or funds (they have no genesis form).</summary>
    public static GpowGenesis Export(WorldState world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var store = new GpowStore(new WritableRecordStore(world.GetModuleStore(GpowModule.Address)));
        if (!store.IsInitialized)
        {
            throw new InvalidOperationException("the GPoW module has no state");
        }

        if (store.EdgeCount > 0 || !store.Totals.Sum.IsZero)
        {
            throw new InvalidOperationException("edge nodes and their funds have no genesis form");
        }

        return new GpowGenesis(store.Params, AttestationSettings.Read(store.Records)) { Admin = store.Admin };
    }
}
