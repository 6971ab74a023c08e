using Aro.Attestation.Nitro;
using Aro.Attestation.Tests.Cbor;
using Aro.Attestation.Tests.Manifest;

namespace Aro.Attestation.Tests.Nitro;

public class NitroDocumentTests
{
    private static readonly ManifestSample Sample = AttestationManifest.OfKind("nitro").First(s => s.Id == "nitro/evervault_2022_debug");

    private static readonly byte[] Es384Header = [0xA1, 0x01, 0x38, 0x22];

    [Fact]
    public void Accepts_a_document_wrapped_in_cose_tag_18()
    {
        var tagged = new byte[] { 0xD2 }.Concat(Sample.Read("document")).ToArray();
        var verdict = NitroVerifier.Verify(tagged, Sample.Read("trusted_root"), Sample.VerifyAt);
        Assert.True(verdict.IsValid);
        Assert.Equal("true", verdict.Details["cose_tagged"]);
    }

    [Fact]
    public void Rejects_a_tag_other_than_18()
    {
        var tagged = new byte[] { 0xD1 }.Concat(Sample.Read("document")).ToArray();
        var error = Assert.Throws<AttestationFormatException>(() => NitroDocument.Parse(tagged));
        Assert.Equal(("cose.tag", 0L), (error.Field, error.Offset));
    }

    [Fact]
    public void Rejects_a_trailing_byte_after_the_cose_message()
    {
        var document = Sample.Read("document");
        var error = Assert.Throws<AttestationFormatException>(() => NitroDocument.Parse([.. document, 0x00]));
        Assert.Equal(("cose", (long)document.Length), (error.Field, error.Offset));
    }

    [Fact]
    public void Accepts_null_for_the_optional_fields()
    {
        var document = NitroDocument.Parse(Sample.Read("document"));
        Assert.Null(document.Nonce);
        Assert.NotNull(document.UserData);
    }

    [Fact]
    public void Rejects_an_algorithm_other_than_es384()
    {
        var error = Assert.Throws<AttestationFormatException>(() => NitroDocument.Parse(Rebuild(protectedHeader: [0xA1, 0x01, 0x26])));
        Assert.Equal("cose.protected.alg", error.Field);
    }

    [Fact]
    public void Rejects_extra_protected_header_parameters()
    {
        byte[] header = [.. TestCbor.Map((TestCbor.UInt(1), TestCbor.NegInt(-35)), (TestCbor.UInt(4), TestCbor.Bytes([1])))];
        var error = Assert.Throws<AttestationFormatException>(() => NitroDocument.Parse(Rebuild(protectedHeader: header)));
        Assert.Equal("cose.protected", error.Field);
    }

    [Fact]
    public void Rejects_a_non_empty_unprotected_header()
    {
        var unprotected = TestCbor.Map((TestCbor.UInt(4), TestCbor.Bytes([1])));
        var error = Assert.Throws<AttestationFormatException>(() => NitroDocument.Parse(Rebuild(unprotected: unprotected)));
        Assert.Equal("cose.unprotected", error.Field);
    }

    [Fact]
    public void Rejects_a_signature_that_is_not_96_bytes()
    {
        var error = Assert.Throws<AttestationFormatException>(() => NitroDocument.Parse(Rebuild(signature: new byte[95])));
        Assert.Equal("cose.signature", error.Field);
    }

    [Fact]
    public void Rejects_a_duplicate_payload_key()
    {
        var error = ParsePayload(AppendEntries(("nonce", TestCbor.Null)));
        Assert.Equal("nitro.payload.nonce", error.Field);
    }

    [Fact]
    public void Rejects_an_unknown_payload_key()
    {
        var error = ParsePayload(AppendEntries(("extra", TestCbor.Null)));
        Assert.Equal("nitro.payload.key", error.Field);
    }

    [Fact]
    public void Rejects_a_payload_missing_a_required_key()
    {
        var error = ParsePayload(TestCbor.Map((TestCbor.Text("module_id"), TestCbor.Text("i-1"))));
        Assert.Equal("nitro.digest", error.Field);
    }

    [Fact]
    public void Rejects_a_digest_other_than_sha384()
    {
        var error = ParsePayload(TestCbor.Map((TestCbor.Text("digest"), TestCbor.Text("SHA256"))));
        Assert.Equal("nitro.digest", error.Field);
    }

    [Fact]
    public void Rejects_a_pcr_that_is_not_48_bytes()
    {
        var pcrs = TestCbor.Map((TestCbor.UInt(0), TestCbor.Bytes(new byte[32])));
        var error = ParsePayload(TestCbor.Map((TestCbor.Text("pcrs"), pcrs)));
        Assert.Equal("nitro.pcrs[0]", error.Field);
    }

    [Fact]
    public void Rejects_a_duplicate_pcr_index()
    {
        var pcrs = TestCbor.Map((TestCbor.UInt(3), TestCbor.Bytes(new byte[48])), (TestCbor.UInt(3), TestCbor.Bytes(new byte[48])));
        var error = ParsePayload(TestCbor.Map((TestCbor.Text("pcrs"), pcrs)));
        Assert.Equal("nitro.pcrs.index", error.Field);
    }

    [Fact]
    public void Rejects_a_pcr_index_of_32_or_more()
    {
        var pcrs = TestCbor.Map((TestCbor.UInt(32), TestCbor.Bytes(new byte[48])));
        var error = ParsePayload(TestCbor.Map((TestCbor.Text("pcrs"), pcrs)));
        Assert.Equal("nitro.pcrs.index", error.Field);
    }

    [Fact]
    public void Rejects_user_data_over_512_bytes()
    {
        var error = ParsePayload(TestCbor.Map((TestCbor.Text("user_data"), TestCbor.Bytes(new byte[513]))));
        Assert.Equal("nitro.user_data", error.Field);
    }

    [Fact]
    public void Rejects_an_empty_cabundle()
    {
        var error = ParsePayload(TestCbor.Map((TestCbor.Text("cabundle"), TestCbor.Array())));
        Assert.Equal("nitro.cabundle", error.Field);
    }

    [Fact]
    public void Error_offsets_point_into_the_whole_document()
    {
        // 0x84, the protected bstr (5 bytes), 0xa0 and a one-byte payload head; then the map head and "digest".
        var payload = TestCbor.Map((TestCbor.Text("digest"), TestCbor.Text("SHA256")));
        var error = ParsePayload(payload);
        Assert.Equal(1 + 5 + 1 + 1 + 1 + 7, error.Offset);
    }

    [Fact]
    public void A_resigned_payload_with_another_leaf_fails_the_chain_but_not_the_signature()
    {
        // Swapping the leaf for the zonal CA keeps the chain shape but breaks the signature and CA constraints.
        var document = NitroDocument.Parse(Sample.Read("document"));
        var verdict = NitroVerifier.Verify(Rebuild(signature: new byte[96]), Sample.Read("trusted_root"), Sample.VerifyAt);
        Assert.False(verdict.FindCheck(NitroVerifier.CoseSig)!.Passed);
        Assert.True(verdict.FindCheck(NitroVerifier.CaBundleChain)!.Passed);
        Assert.Equal(document.Pcrs.Count, verdict.Measurements.Count);
    }

    private static AttestationFormatException ParsePayload(byte[] payload) =>
        Assert.Throws<AttestationFormatException>(() => NitroDocument.Parse(Rebuild(payload: payload)));

    /// <summary>The sample's payload map with extra entries appended (header count raised).</summary>
    private static byte[] AppendEntries(params (string Key, byte[] Value)[] extra)
    {
        var payload = NitroDocument.Parse(Sample.Read("document")).Cose.Payload.ToArray();
        Assert.Equal(0xA9, payload[0]);
        payload[0] = (byte)(0xA9 + extra.Length);
        return [.. payload, .. extra.SelectMany(e => TestCbor.Text(e.Key).Concat(e.Value))];
    }

    private static byte[] Rebuild(byte[]? protectedHeader = null, byte[]? unprotected = null, byte[]? payload = null, byte[]? signature = null)
    {
        var cose = NitroDocument.Parse(Sample.Read("document")).Cose;
        return TestCbor.Array(
            TestCbor.Bytes(protectedHeader ?? Es384Header),
            unprotected ?? TestCbor.Map(),
            TestCbor.Bytes(payload ?? cose.Payload.ToArray()),
            TestCbor.Bytes(signature ?? cose.Signature.ToArray()));
    }
}
