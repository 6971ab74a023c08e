using System.Collections.Immutable;
using Aro.Attestation;
using Aro.Core;
using Aro.Core.Rlp;
using Aro.Modules.Gpow.State;

namespace Aro.Modules.Gpow;

/// <summary>An allowed value set of one named measurement of one evidence kind (allow-list set at genesis, replaceable by the admin).</summary>
public sealed record MeasurementRule(AttestationKind Kind, string Name, ImmutableArray<byte[]> Values);

/// <summary>
/// The on-chain attestation policy (README §6): roots of trust, measurement allow-list, TCB/debug/VMPL
/// rules and the devnet-only dev kind. Loaded from genesis into records <c>04</c> (policy), <c>05</c>
/// (roots) and <c>06</c> (dev), and read back from them for every registration; the genesis admin may
/// replace <c>04</c> and <c>05</c> (README §6a).
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

    /// <summary>The rule checks genesis and <c>setAttestationPolicy</c> share; null when the policy is acceptable.</summary>
    internal string? ValidatePolicy()
    {
        if (MinimumTcbStatus is { } tcb && !Enum.IsDefined(tcb))
        {
            return "minimumTcbStatus is not a TCB status";
        }

        if (MaxVmpl is < 0 or > 3)
        {
            return "maxVmpl is 0..3";
        }

        foreach (var rule in Measurements)
        {
            if (!Enum.IsDefined(rule.Kind))
            {
                return "measurement kind is not sgx, tdx, sev-snp or nitro";
            }

            if (rule.Values.IsDefaultOrEmpty)
            {
                return "measurement " + rule.Name + " needs at least one allowed value";
            }
        }

        return null;
    }

    /// <summary>Record <c>04</c>: the policy part, also the argument of <c>setAttestationPolicy</c>.</summary>
    internal byte[] EncodePolicy()
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

        return policy.ToArray();
    }

    /// <summary>Record <c>05</c>: the roots of trust, also the argument of <c>setRootsOfTrust</c>.</summary>
    internal byte[] EncodeRoots() => new RecordWriter().Add(IntelRootCa).Add(NitroRoot).AddList(AmdChains).ToArray();

    /// <summary>This settings with the policy part taken from a record <c>04</c>.</summary>
    /// <exception cref="RlpException">The bytes are not a policy record.</exception>
    internal AttestationSettings WithPolicy(ReadOnlySpan<byte> bytes)
    {
        var policy = new RecordReader(bytes);
        var tcb = policy.UInt64();
        var allowDebug = policy.Bool();
        var vmpl = policy.UInt64();
        var count = policy.UInt64();
        var rules = ImmutableArray.CreateBuilder<MeasurementRule>();
        for (var i = 0UL; i < count; i++)
        {
            rules.Add(new MeasurementRule((AttestationKind)Int(policy.UInt64()), policy.String(), [.. policy.List()]));
        }

        policy.End();
        return this with
        {
            Measurements = rules.ToImmutable(),
            MinimumTcbStatus = tcb == 0 ? null : (TcbStatus)Int(tcb - 1),
            AllowDebug = allowDebug,
            MaxVmpl = vmpl == 0 ? null : Int(vmpl - 1),
        };
    }

    /// <summary>This settings with the roots taken from a record <c>05</c>.</summary>
    /// <exception cref="RlpException">The bytes are not a roots record.</exception>
    internal AttestationSettings WithRoots(ReadOnlySpan<byte> bytes)
    {
        var roots = new RecordReader(bytes);
        var intel = roots.Bytes();
        var nitro = roots.Bytes();
        var amd = roots.List();
        roots.End();
        return this with { IntelRootCa = intel, NitroRoot = nitro, AmdChains = [.. amd] };
    }

    // Out-of-range numbers saturate instead of wrapping, so ValidatePolicy sees and refuses them.
    private static int Int(ulong value) => (int)Math.Min(value, int.MaxValue);

    internal void Write(IRecordStore store)
    {
        store.Set(GpowKeys.Single(GpowKeys.Policy), EncodePolicy());
        store.Set(GpowKeys.Single(GpowKeys.Roots), EncodeRoots());
        store.Set(GpowKeys.Single(GpowKeys.Dev), new RecordWriter().Add(DevEnabled).Add(DevSigner).ToArray());
    }

    internal static AttestationSettings Read(IRecordStore store)
    {
        var dev = new RecordReader(store.Get(GpowKeys.Single(GpowKeys.Dev)));
        var devEnabled = dev.Bool();
        var devSigner = dev.Address();
        dev.End();
        return new AttestationSettings { DevEnabled = devEnabled, DevSigner = devSigner }
            .WithPolicy(store.Get(GpowKeys.Single(GpowKeys.Policy)))
            .WithRoots(store.Get(GpowKeys.Single(GpowKeys.Roots)));
    }
}
