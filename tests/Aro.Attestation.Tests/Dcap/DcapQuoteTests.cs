using System.Buffers.Binary;
using Aro.Attestation.Dcap;

namespace Aro.Attestation.Tests.Dcap;

public class DcapQuoteTests
{
    private static byte[] Quote(string id) => (byte[])DcapSample.Get(id).Quote.Clone();

    [Fact]
    public void Splits_an_SGX_v3_quote_at_the_documented_offsets()
    {
        var quote = DcapQuote.Parse(Quote("sgx/dcapqvl_v3"));

        Assert.Equal(3, quote.Version);
        Assert.Equal(DcapBodyType.SgxEnclaveReport, quote.BodyType);
        Assert.Equal(48 + 384, quote.SignedRegion.Length);
        Assert.Equal(432 + 4 + 128, quote.QeReportOffset);
        Assert.Equal(32, quote.QeAuthData.Length);
        Assert.Equal(0, quote.PckChainPem.Span[^1]);
        Assert.Equal(0, quote.TrailingBytes);
    }

    [Fact]
    public void Splits_a_TDX_v4_quote_and_tolerates_the_padding_after_its_signature_data()
    {
        var quote = DcapQuote.Parse(Quote("tdx/dcapqvl_v4"));

        Assert.Equal(DcapBodyType.TdReport10, quote.BodyType);
        Assert.Equal(632, quote.SignedRegion.Length);
        Assert.Equal(70, quote.TrailingBytes);
    }

    [Fact]
    public void Splits_a_TDX_v5_quote_with_a_TD_report_1_5_body()
    {
        var quote = DcapQuote.Parse(Quote("tdx/dcapqvl_v5_tcb_not_supported"));

        Assert.Equal(DcapBodyType.TdReport15, quote.BodyType);
        Assert.Equal(48 + 6 + 648, quote.SignedRegion.Length);
        Assert.Equal(54, quote.BodyOffset);
        Assert.True(quote.TdBody.IsVersion15);
    }

    [Fact]
    public void Rejects_an_unknown_version_naming_the_field()
    {
        var bytes = Quote("sgx/dcapqvl_v3");
        bytes[0] = 6;

        var error = Assert.Throws<AttestationFormatException>(() => DcapQuote.Parse(bytes));
        Assert.Equal("quote.header.version", error.Field);
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public void Rejects_a_P384_attestation_key_type()
    {
        var bytes = Quote("sgx/dcapqvl_v3");
        bytes[2] = 3;

        Assert.Equal("quote.header.att_key_type", Assert.Throws<AttestationFormatException>(() => DcapQuote.Parse(bytes)).Field);
    }

    [Fact]
    public void Rejects_a_quoting_enclave_that_is_not_Intels()
    {
        var bytes = Quote("tdx/dcapqvl_v4");
        bytes[12] ^= 0xFF;

        var error = Assert.Throws<AttestationFormatException>(() => DcapQuote.Parse(bytes));
        Assert.Equal("quote.header.qe_vendor_id", error.Field);
        Assert.Equal(12, error.Offset);
    }

    [Fact]
    public void Rejects_a_v5_body_type_that_contradicts_the_TEE_type()
    {
        var bytes = Quote("tdx/dcapqvl_v5_tcb_not_supported");
        bytes[48] = 1;

        Assert.Equal("quote.body_descriptor.type", Assert.Throws<AttestationFormatException>(() => DcapQuote.Parse(bytes)).Field);
    }

    [Fact]
    public void Rejects_a_TDX_TEE_type_in_a_v3_quote()
    {
        var bytes = Quote("sgx/dcapqvl_v3");
        bytes[4] = 0x81;

        Assert.Equal("quote.header.tee_type", Assert.Throws<AttestationFormatException>(() => DcapQuote.Parse(bytes)).Field);
    }

    [Fact]
    public void Rejects_a_signature_data_length_beyond_the_input()
    {
        var bytes = Quote("sgx/dcapqvl_v3");
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(432), (uint)bytes.Length);

        var error = Assert.Throws<AttestationFormatException>(() => DcapQuote.Parse(bytes));
        Assert.Equal("quote.signature_data_len", error.Field);
        Assert.Equal(432, error.Offset);
    }

    [Fact]
    public void Rejects_signature_data_longer_than_its_certification_data_explains()
    {
        var bytes = Quote("tdx/dcapqvl_v4");
        var length = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(632));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(632), length + 1);

        var error = Assert.Throws<AttestationFormatException>(() => DcapQuote.Parse(bytes));
        Assert.Equal("quote.signature_data", error.Field);
    }

    [Fact]
    public void Rejects_certification_data_that_is_not_a_PCK_chain()
    {
        var bytes = Quote("sgx/dcapqvl_v3");
        var certTypeOffset = 436 + 576 + 2 + 32;
        Assert.Equal(5, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(certTypeOffset)));
        bytes[certTypeOffset] = 4;

        var error = Assert.Throws<AttestationFormatException>(() => DcapQuote.Parse(bytes));
        Assert.Equal("quote.signature_data.certification_data.type", error.Field);
        Assert.Equal(certTypeOffset, error.Offset);
    }
}
