using Aro.Core;
using Aro.Core.Abi;
using Aro.Core.Crypto;
using Aro.Core.Rlp;
using Aro.Execution.Modules;
using Aro.Modules.Gpow.State;
using static Aro.Modules.Gpow.Abi.WorkProofAbi;

namespace Aro.Modules.Gpow;

/// <summary>
/// The admin path of README §6a: the genesis <c>admin</c> replaces the attestation policy (record <c>04</c>)
/// or the roots of trust (record <c>05</c>). The argument is the record itself, decoded and checked with
/// the rules genesis uses and stored only when it re-encodes to the same bytes, so state never holds a
/// record that reads back differently. Registrations read the records per call, so a change applies from
/// the next transaction on; already registered edges keep their attestation until it expires.
/// </summary>
internal sealed class AttestationAdmin(GpowStore store, ModuleContext context)
{
    public void SetPolicy(in Address sender, byte[] policy)
    {
        RequireAdmin(sender);
        var current = AttestationSettings.Read(store.Records);
        var next = Decode(() => current.WithPolicy(policy));
        if (next.ValidatePolicy() is { } error)
        {
            throw ModuleRevertException.With(InvalidPolicy, AbiValue.String(error));
        }

        RequireCanonical(next.EncodePolicy(), policy);
        store.Records.Set(GpowKeys.Single(GpowKeys.Policy), policy);
        context.Emit(AttestationPolicyUpdated, AbiValue.Bytes(Keccak256.Hash(policy).ToArray()));
    }

    public void SetRoots(in Address sender, byte[] roots)
    {
        RequireAdmin(sender);
        var next = Decode(() => AttestationSettings.Read(store.Records).WithRoots(roots));
        RequireCanonical(next.EncodeRoots(), roots);
        store.Records.Set(GpowKeys.Single(GpowKeys.Roots), roots);
        context.Emit(RootsOfTrustUpdated, AbiValue.Bytes(Keccak256.Hash(roots).ToArray()));
    }

    private void RequireAdmin(in Address sender)
    {
        if (store.Admin is not { } admin || admin != sender)
        {
            throw ModuleRevertException.With(NotAdmin, AbiValue.Address(sender));
        }
    }

    private static AttestationSettings Decode(Func<AttestationSettings> decode)
    {
        try
        {
            return decode();
        }
        catch (Exception e) when (e is RlpException or ArgumentException)
        {
            throw ModuleRevertException.With(InvalidPolicy, AbiValue.String("not a record: " + e.Message));
        }
    }

    private static void RequireCanonical(byte[] reencoded, byte[] given)
    {
        if (!reencoded.AsSpan().SequenceEqual(given))
        {
            throw ModuleRevertException.With(InvalidPolicy, AbiValue.String("not the canonical encoding"));
        }
    }
}
