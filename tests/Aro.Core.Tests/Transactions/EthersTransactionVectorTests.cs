using Aro.Core.Crypto;
using Aro.Core.Transactions;
using Aro.Testing;

namespace Aro.Core.Tests.Transactions;

/// <summary>
/// ethers transaction.json.gz: 896 field sets in four forms each (pre-155 legacy, EIP-155, EIP-2930,
/// EIP-1559). The testdata README rules out the EIP-155 form of every vector without a chain id
/// (v = 35/36: chain id 0, which ethers itself refuses and encodes non-canonically).
/// </summary>
public class EthersTransactionVectorTests
{
    private const int VectorCount = 896;

    // The README: 401 signedEip155 entries have chain id 0. Derived independently below from the JSON.
    private const int ChainIdZeroEip155Vectors = 401;

    private static readonly Lazy<IReadOnlyList<EthersTransactionVector>> Vectors = new(EthersTransactionVector.Load);

    [Fact]
    public void Decoding_each_signed_form_recovers_the_key_address_and_re_encodes_byte_identically()
    {
        var run = new VectorRun("ethers transaction.json.gz decode");
        ForEachCheckedForm(run, (vector, form, signed) =>
        {
            var tx = TxDecoder.Decode(signed);
            Assert.Equal(vector.SenderAddress(), TxSender.Recover(tx));
            Assert.Equal(signed, TxEncoder.Encode(tx));
            Assert.Equal(Keccak256.Hash(signed), tx.Hash);
        });

        AssertRan(run);
    }

    [Fact]
    public void Encoding_the_fields_for_signing_gives_each_unsigned_form()
    {
        var run = new VectorRun("ethers transaction.json.gz unsigned");
        ForEachCheckedForm(run, (vector, form, _) =>
            Assert.Equal(Hex.Encode(vector.Unsigned[form]), Hex.Encode(TxEncoder.EncodeForSigning(vector.Build(form)))));

        AssertRan(run);
    }

    [Fact]
    public void Signing_the_fields_with_the_private_key_reproduces_each_signed_form()
    {
        var run = new VectorRun("ethers transaction.json.gz sign");
        ForEachCheckedForm(run, (vector, form, signed) =>
        {
            var tx = TxSigner.Sign(vector.Build(form), vector.PrivateKey);
            Assert.Equal(Hex.Encode(signed), Hex.Encode(TxEncoder.Encode(tx)));
            Assert.Equal(Keccak256.Hash(signed), tx.Hash);
            Assert.Equal(Keccak256.Hash(vector.Unsigned[form]), TxEncoder.SigningHash(tx));
        });

        AssertRan(run);
    }

    [Fact]
    public void The_skipped_eip155_vectors_are_exactly_the_chain_id_zero_ones_and_fail_chain_validation()
    {
        var withoutChainId = Vectors.Value.Count(vector => !vector.HasChainId || vector.Build("Eip155").ChainId == 0);
        Assert.Equal(ChainIdZeroEip155Vectors, withoutChainId);

        var run = new VectorRun("ethers chain-id-0 EIP-155");
        foreach (var vector in Vectors.Value)
        {
            var tx = TxDecoder.Decode(vector.Signed["Eip155"]);
            if (tx.V is 35 or 36)
            {
                run.Case(vector.Name, () =>
                {
                    Assert.Equal(0UL, tx.ChainId);
                    var error = Assert.Throws<TransactionFormatException>(() => TxValidator.ValidateStatic(tx, chainId: 1));
                    Assert.Equal(TxError.InvalidChainId, error.Error);
                });
            }
        }

        run.AssertAll(atLeast: ChainIdZeroEip155Vectors);
        Assert.Equal(ChainIdZeroEip155Vectors, run.Ran);
    }

    private static void ForEachCheckedForm(VectorRun run, Action<EthersTransactionVector, string, byte[]> check)
    {
        Assert.Equal(VectorCount, Vectors.Value.Count);
        foreach (var vector in Vectors.Value)
        {
            foreach (var form in EthersTransactionVector.Forms)
            {
                var signed = vector.Signed[form];
                if (form == "Eip155" && TxDecoder.Decode(signed).V is 35 or 36)
                {
                    run.Skip();
                    continue;
                }

                run.Case($"{vector.Name}/{form}", () => check(vector, form, signed));
            }
        }
    }

    private static void AssertRan(VectorRun run)
    {
        Assert.Equal(ChainIdZeroEip155Vectors, run.Skipped);
        run.AssertAll(atLeast: (VectorCount * EthersTransactionVector.Forms.Length) - ChainIdZeroEip155Vectors);
    }
}
