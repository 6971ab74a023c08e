/*
 * C baseline for EcRecoverBenchmarks: the same work the managed binding does per call
 * (parse compact r||s + recovery id, recover, serialize uncompressed) straight against
 * libsecp256k1. Prints ns/op so ./aro bench can compare the binding's overhead.
 *
 * Build: gcc -O2 -o ecrecover_bench ecrecover_bench.c -lsecp256k1   (headers: libsecp256k1-dev)
 */
#include <secp256k1.h>
#include <secp256k1_recovery.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

int main(int argc, char **argv)
{
    long iterations = argc > 1 ? strtol(argv[1], NULL, 10) : 20000;
    if (iterations <= 0) {
        fprintf(stderr, "usage: %s [iterations]\n", argv[0]);
        return 2;
    }

    /* Same fixed inputs as EcRecoverBenchmarks.cs: key of BasicTests "cow", hash bytes 0..31. */
    static const unsigned char key[32] = {
        0xc8, 0x5e, 0xf7, 0xd7, 0x96, 0x91, 0xfe, 0x79, 0x57, 0x3b, 0x1a, 0x70, 0x64, 0xc1, 0x9c, 0x1a,
        0x98, 0x19, 0xeb, 0xdb, 0xd1, 0xfa, 0xaa, 0xb1, 0xa8, 0xec, 0x92, 0x34, 0x44, 0x38, 0xaa, 0xf4,
    };
    unsigned char hash[32];
    for (int i = 0; i < 32; i++) {
        hash[i] = (unsigned char)i;
    }

    secp256k1_context *ctx = secp256k1_context_create(SECP256K1_CONTEXT_SIGN | SECP256K1_CONTEXT_VERIFY);
    secp256k1_ecdsa_recoverable_signature sig;
    unsigned char rs[64];
    int recid;
    if (!secp256k1_ecdsa_sign_recoverable(ctx, &sig, hash, key, NULL, NULL)
        || !secp256k1_ecdsa_recoverable_signature_serialize_compact(ctx, rs, &recid, &sig)) {
        fprintf(stderr, "signing failed\n");
        return 1;
    }

    unsigned char out[65];
    unsigned long check = 0;
    for (long i = 0; i < iterations / 10; i++) { /* warm-up */
        secp256k1_pubkey pub;
        size_t len = sizeof out;
        if (!secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, &sig, rs, recid)
            || !secp256k1_ecdsa_recover(ctx, &pub, &sig, hash)) {
            fprintf(stderr, "recovery failed\n");
            return 1;
        }
        secp256k1_ec_pubkey_serialize(ctx, out, &len, &pub, SECP256K1_EC_UNCOMPRESSED);
    }

    double start = now_ns();
    for (long i = 0; i < iterations; i++) {
        secp256k1_pubkey pub;
        size_t len = sizeof out;
        if (!secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, &sig, rs, recid)
            || !secp256k1_ecdsa_recover(ctx, &pub, &sig, hash)) {
            fprintf(stderr, "recovery failed\n");
            return 1;
        }
        secp256k1_ec_pubkey_serialize(ctx, out, &len, &pub, SECP256K1_EC_UNCOMPRESSED);
        check += out[64]; /* keeps the loop observable */
    }
    double elapsed = now_ns() - start;

    printf("ecrecover_c iterations=%ld ns/op=%.0f (check %lu)\n", iterations, elapsed / (double)iterations, check);
    secp256k1_context_destroy(ctx);
    return 0;
}
