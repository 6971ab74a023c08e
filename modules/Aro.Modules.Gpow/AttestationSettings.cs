using System.Collections.Immutable;
using Aro.Attestation;
using Aro.Core;
using Aro.Modules.Gpow.State;

namespace Aro.Modules.Gpow;

/// <summary>An allowed value set of one named measurement of one evidence kind (genesis allow-list).</summary>
public sealed record MeasurementRule(AttestationKind Kind, string Name, ImmutableArray<byte[]> Values);

/// <summary>
/// The on-chain attestation policy (README §6): roots of trust, measurement allow-list, TCB/debug/VMPL
/// rules and the devnet-only dev kind. Loaded from genesis into records <c>04</c> (policy), <c>05</c>
/// (roots) and <c>06</c> (dev), and read back from them for every registration.
/// </summary>
public sealed record AttestationSettings
{
    /// <summary>Intel SGX Root CA (DER): anchor of SGX and TDX DCAP quotes; empty refuses both kinds.</summary>
    public byte[] IntelRootCa { get; init; } = [];

    /// <summary>AWS Nitro Enclaves root (DER or PEM); empty refuses Nitro.</summary>
    public byte[] NitroRoot { get; init; } = [];

    /// <summary>AMD ASK+ARK PEM bundles, one per product; a report is checked against each in order.</summary>
    public ImmutableArray<byte[]> AmdChains { get; init; } = [];

    public ImmutableArray<MeasurementRule> Measurements { get; init; } = [];

    public TcbStatus? MinimumTcbStatus { get; init; }

    public bool AllowDebug { get; init; }

    public int? MaxVmpl { get; init; }

    /// <summary>Whether the <c>dev</c> kind (a genesis key signs the binding) is accepted: devnet only.</summary>
    public bool DevEnabled { get; init; }

    public Address DevSigner { get; init; }

    internal AttestationPolicy ToPolicy() => new()
    {
        AllowedMeasurements = [.. Measurements.Select(static m => new AllowedMeasurement(m.Kind, m.Name, [.. m.Values.Select(static v => (ReadOnlyMemory<byte>)v)]))],
        MinimumTcbStatus = MinimumTcbStatus,
        AllowDebug = AllowDebug,
        MaxVmpl = MaxVmpl,
    };

    internal void Write(IRecordStore store)
    {
        var policy = new RecordWriter()
            .Add(MinimumTcbStatus is { } tcb ? (ulong)tcb + 1 : 0UL)
            .Add(AllowDebug)
            .Add(MaxVmpl is { } vmpl ? (ulong)vmpl + 1 : 0UL)
            .Add((ulong)Measurements.Length);
        foreach (var rule in Measurements)
        {
            policy.Add((ulong)rule.Kind).Add(rule.Name).AddList(rule.Values);
        }

        store.Set(GpowKeys.Single(GpowKeys.Policy), policy.ToArray());
        store.Set(GpowKeys.Single(GpowKeys.Roots), new RecordWriter().Add(IntelRootCa).Add(NitroRoot).AddList(AmdChains).ToArray());
        store.Set(GpowKeys.Single(GpowKeys.Dev), new RecordWriter().Add(DevEnabled).Add(DevSigner).ToArray());
    }

    internal static AttestationSettings Read(IRecordStore store)
    {
        var policy = new RecordReader(store.Get(GpowKeys.Single(GpowKeys.Policy)));
        var tcb = policy.UInt64();
        var allowDebug = policy.Bool();
        var vmpl = policy.UInt64();
        var count = policy.UInt64();
        var rules = ImmutableArray.CreateBuilder<MeasurementRule>();
        for (var i = 0UL; i < count; i++)
        {
            rules.Add(new MeasurementRule((AttestationKind)policy.UInt64(), policy.String(), [.. policy.List()]));
        }

        policy.End();
        var roots = new RecordReader(store.Get(GpowKeys.Single(GpowKeys.Roots)));
        var intel = roots.Bytes();
        var nitro = roots.Bytes();
        var amd = roots.List();
        roots.End();
        var dev = new RecordReader(store.Get(GpowKeys.Single(GpowKeys.Dev)));
        var devEnabled = dev.Bool();
        var devSigner = dev.Address();
        dev.End();
        return new AttestationSettings
        {
            IntelRootCa = intel,
            NitroRoot = nitro,
            AmdChains = [.. amd],
            Measurements = rules.ToImmutable(),
            MinimumTcbStatus = tcb == 0 ? null : (TcbStatus)(tcb - 1),
            AllowDebug = allowDebug,
            MaxVmpl = vmpl == 0 ? null : (int)(vmpl - 1),
            DevEnabled = devEnabled,
            DevSigner = devSigner,
        };
    }
}
