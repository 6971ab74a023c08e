using System.Buffers.Binary;
using Aro.Attestation.Dcap;

namespace Aro.Attestation.Tests.Dcap;

/// <summary>
/// SGX quotes in the v4 and v5 layouts. No real SGX v4/v5 quote with collateral is public, so these re-pack the
/// real v3 sample's parts: everything the QE and PCK signed still verifies, and only the quote signature (over
/// the changed header) fails.
/// </summary>
public class DcapLayoutTests
{
    private static readonly DcapSample Sgx = DcapSample.Get("sgx/dcapqvl_v3");

    private static byte[] Repack(int version)
    {
        var v3 = DcapQuote.Parse(Sgx.Quote);
        var qeSection = new List<byte>();
        qeSection.AddRange(v3.QeReport.ToArray());
        qeSection.AddRange(v3.QeReportSignature.ToArray());
        qeSection.AddRange(U16((ushort)v3.QeAuthData.Length));
        qeSection.AddRange(v3.QeAuthData.ToArray());
        qeSection.AddRange(U16(5));
        qeSection.AddRange(U32((uint)v3.PckChainPem.Length));
        qeSection.AddRange(v3.PckChainPem.ToArray());

        var signatureData = new List<byte>();
        signatureData.AddRange(v3.QuoteSignature.ToArray());
        signatureData.AddRange(v3.AttestationKey.ToArray());
        signatureData.AddRange(U16(6));
        signatureData.AddRange(U32((uint)qeSection.Count));
        signatureData.AddRange(qeSection);

        var header = Sgx.Quote.AsSpan(0, DcapQuote.HeaderSize).ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(header, (ushort)version);
        var quote = new List<byte>(header);
        if (version == 5)
        {
            quote.AddRange(U16(1));
            quote.AddRange(U32(DcapQuote.SgxReportSize));
        }

        quote.AddRange(v3.Body.ToArray());
        quote.AddRange(U32((uint)signatureData.Count));
        quote.AddRange(signatureData);
        return [.. quote];
    }

    private static byte[] U16(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void An_SGX_quote_in_a_later_layout_parses_and_fails_only_the_quote_signature(int version)
    {
        var bytes = Repack(version);

        var quote = DcapQuote.Parse(bytes);
        Assert.Equal(version, quote.Version);
        Assert.Equal(AttestationKind.Sgx, quote.Kind);
        Assert.Equal(DcapBodyType.SgxEnclaveReport, quote.BodyType);
        Assert.Equal(0, quote.TrailingBytes);

        var verdict = DcapVerifier.Verify(bytes, Sgx.Collateral, Sgx.RootDer, Sgx.VerifyAt);
        Assert.Equal(["quote_sig"], DcapSample.Failed(verdict).Order());
        Assert.Equal(TcbStatus.ConfigurationAndSWHardeningNeeded, verdict.TcbStatus);
        Assert.Equal(Convert.ToHexStringLower(DcapQuote.Parse(Sgx.Quote).SgxBody.MrEnclave.Span), Convert.ToHexStringLower(verdict.FindMeasurement("mrenclave")!.Value.Span));
    }

    [Fact]
    public void A_v4_certification_data_that_is_not_a_QE_report_section_is_rejected()
    {
        var bytes = Repack(4);
        var typeOffset = DcapQuote.HeaderSize + DcapQuote.SgxReportSize + 4 + 128;
        Assert.Equal(6, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(typeOffset)));
        bytes[typeOffset] = 5;

        var error = Assert.Throws<AttestationFormatException>(() => DcapQuote.Parse(bytes));
        Assert.Equal("quote.signature_data.certification_data.type", error.Field);
        Assert.Equal(typeOffset, error.Offset);
    }
}
