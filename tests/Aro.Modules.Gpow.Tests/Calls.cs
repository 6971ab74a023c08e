using Aro.Core;
using Aro.Core.Abi;
using Aro.Modules.Gpow.Abi;

namespace Aro.Modules.Gpow.Tests;

/// <summary>Calldata builders for the IWorkProof messages.</summary>
internal static class Calls
{
    public static byte[] DevEvidence(Account edge, ulong chainId = GpowChain.ChainId, Account? signer = null) =>
        (signer ?? GpowChain.DevSigner).Sign(EdgeAttestation.DevDigest(EdgeAttestation.Binding(chainId, edge.Address)));

    public static byte[] RegisterDev(Account edge, ulong chainId = GpowChain.ChainId, Account? signer = null, string region = "eu-west", DeclaredResources? declared = null) =>
        Register(EdgeKinds.Dev, DevEvidence(edge, chainId, signer), [], region, declared);

    /// <summary>What test edges declare: enough for <see cref="Report"/>'s figures (2,000,000 bytes stored, 300 compute units).</summary>
    public static DeclaredResources Declared { get; } = new(100, 1, 1_000);

    public static byte[] Register(byte kind, byte[] evidence, byte[] collateral, string region = "eu-west", DeclaredResources? declared = null)
    {
        var d = declared ?? Declared;
        return WorkProofAbi.RegisterEdge.EncodeCall(AbiValue.UInt(kind), AbiValue.Bytes(evidence), AbiValue.Bytes(collateral), AbiValue.String(region),
            AbiValue.UInt(d.BandwidthMbps), AbiValue.UInt(d.StorageGiB), AbiValue.UInt(d.ComputeUnits));
    }

    public static byte[] Renew(Account edge) =>
        WorkProofAbi.RenewAttestation.EncodeCall(AbiValue.UInt(EdgeKinds.Dev), AbiValue.Bytes(DevEvidence(edge)), AbiValue.Bytes([]));

    public static byte[] Report(ulong epoch, uint uptimePpm = 990_000, Hash256 dataRoot = default, ulong chunkCount = 0, ulong computeUnits = 300) =>
        WorkProofAbi.SubmitWorkReport.EncodeCall(AbiValue.UInt(epoch), AbiValue.UInt(1_000_000UL), AbiValue.UInt(2_000_000UL), AbiValue.UInt(computeUnits),
            AbiValue.UInt(uptimePpm), AbiValue.Bytes(dataRoot.ToArray()), AbiValue.UInt(chunkCount));

    public static byte[] Verdicts(ulong epoch, params Verdict[] verdicts) =>
        WorkProofAbi.SubmitVerdicts.EncodeCall(AbiValue.UInt(epoch), AbiValue.List([.. verdicts.Select(v => AbiValue.List(
            AbiValue.Address(v.Keeper), AbiValue.UInt(v.IpClass), AbiValue.UInt(v.IpChanges), AbiValue.UInt(v.UploadMbps), AbiValue.Bool(v.NatOpen), AbiValue.UInt(v.UptimePpm)))]));

    /// <summary>A verdict on <paramref name="edge"/> (the ABI tuple carries the edge where the record keeps the keeper).</summary>
    public static Verdict On(Account edge, byte ipClass = 2, ushort ipChanges = 0, uint uploadMbps = 20, bool natOpen = false, uint uptimePpm = 1_000_000) =>
        new(edge.Address, ipClass, ipChanges, uploadMbps, natOpen, uptimePpm);

    public static byte[] Answer(ulong epoch, byte[] chunk, Hash256[] proof) =>
        WorkProofAbi.AnswerChallenge.EncodeCall(AbiValue.UInt(epoch), AbiValue.Bytes(chunk), AbiValue.List([.. proof.Select(p => AbiValue.Bytes(p.ToArray()))]));

    public static byte[] AnswerCompute(ulong epoch, Hash256 result) =>
        WorkProofAbi.AnswerComputeChallenge.EncodeCall(AbiValue.UInt(epoch), AbiValue.Bytes(result.ToArray()));

    public static byte[] Claim() => WorkProofAbi.ClaimEdgeRewards.EncodeCall();

    public static byte[] Leave() => WorkProofAbi.LeaveEdge.EncodeCall();

    public static byte[] WithdrawBond() => WorkProofAbi.WithdrawBond.EncodeCall();
}
