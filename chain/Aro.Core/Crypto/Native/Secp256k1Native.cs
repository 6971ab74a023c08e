using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Aro.Core.Crypto.Native;

/// <summary>
/// Raw bindings to Debian's libsecp256k1 (package libsecp256k1-1, soname libsecp256k1.so.1).
/// Opaque structs (secp256k1_pubkey: 64 bytes, secp256k1_ecdsa_signature: 64,
/// secp256k1_ecdsa_recoverable_signature: 65) are passed as stack buffers.
/// </summary>
internal static unsafe partial class Secp256k1Native
{
    internal const string LibraryName = "secp256k1";
    internal const int PublicKeyStructSize = 64;
    internal const int SignatureStructSize = 64;
    internal const int RecoverableSignatureStructSize = 65;

    internal const uint ContextSign = 0x0201;
    internal const uint ContextVerify = 0x0101;
    internal const uint EcUncompressed = 0x0002;
    internal const uint EcCompressed = 0x0102;

    internal static readonly string[] Candidates = ["libsecp256k1.so.1", "libsecp256k1.so", "secp256k1"];

    internal const string MissingMessage =
        "libsecp256k1.so.1 not found: install Debian package libsecp256k1-1 (apt-get install -y libsecp256k1-1) or run ./aro setup";

    private static readonly Lock InitLock = new();
    private static nint s_library;
    private static nint s_context;

    /// <summary>
    /// The process-wide context (sign + verify), created and blinded once, never destroyed.
    /// libsecp256k1 documents const-context calls (sign, verify, recover, ecdh) as thread-safe.
    /// </summary>
    internal static nint Context
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var context = Volatile.Read(ref s_context);
            return context != 0 ? context : Initialize();
        }
    }

    /// <summary>Loads the first candidate that exists, or throws the one error that names the package.</summary>
    internal static nint LoadLibrary(IEnumerable<string> candidates, Assembly assembly)
    {
        foreach (var name in candidates)
        {
            if (NativeLibrary.TryLoad(name, assembly, DllImportSearchPath.SafeDirectories | DllImportSearchPath.System32, out var handle))
            {
                return handle;
            }
        }

        throw new NativeLibraryMissingException(MissingMessage);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint Initialize()
    {
        lock (InitLock)
        {
            if (s_context != 0)
            {
                return s_context;
            }

            if (s_library == 0)
            {
                var assembly = typeof(Secp256k1Native).Assembly;
                s_library = LoadLibrary(Candidates, assembly);

                // Aro.Core's only resolver: it maps the logical name to the handle loaded above.
                NativeLibrary.SetDllImportResolver(assembly, static (name, _, _) => name == LibraryName ? s_library : 0);
            }

            var context = secp256k1_context_create(ContextSign | ContextVerify);
            if (context == 0)
            {
                throw new InvalidOperationException("secp256k1_context_create failed.");
            }

            // Blinding against side channels; the seed never influences signatures or keys.
            Span<byte> seed = stackalloc byte[32];
            System.Security.Cryptography.RandomNumberGenerator.Fill(seed);
            fixed (byte* seedPtr = seed)
            {
                if (secp256k1_context_randomize(context, seedPtr) != 1)
                {
                    throw new InvalidOperationException("secp256k1_context_randomize failed.");
                }
            }

            Volatile.Write(ref s_context, context);
            return context;
        }
    }

    [LibraryImport(LibraryName)]
    internal static partial nint secp256k1_context_create(uint flags);

    [LibraryImport(LibraryName)]
    internal static partial int secp256k1_context_randomize(nint context, byte* seed32);

    [LibraryImport(LibraryName)]
    internal static partial int secp256k1_ec_seckey_verify(nint context, byte* seckey32);

    [LibraryImport(LibraryName)]
    internal static partial int secp256k1_ec_pubkey_create(nint context, byte* pubkey, byte* seckey32);

    [LibraryImport(LibraryName)]
    internal static partial int secp256k1_ec_pubkey_parse(nint context, byte* pubkey, byte* input, nuint inputLength);

    [LibraryImport(LibraryName)]
    internal static partial int secp256k1_ec_pubkey_serialize(nint context, byte* output, nuint* outputLength, byte* pubkey, uint flags);

    [LibraryImport(LibraryName)]
    internal static partial int secp256k1_ecdsa_sign_recoverable(nint context, byte* signature, byte* msghash32, byte* seckey32, nint nonceFunction, nint nonceData);

    [LibraryImport(LibraryName)]
    internal static partial int secp256k1_ecdsa_recoverable_signature_serialize_compact(nint context, byte* output64, int* recoveryId, byte* signature);

    [LibraryImport(LibraryName)]
    internal static partial int secp256k1_ecdsa_recoverable_signature_parse_compact(nint context, byte* signature, byte* input64, int recoveryId);

    [LibraryImport(LibraryName)]
    internal static partial int secp256k1_ecdsa_recover(nint context, byte* pubkey, byte* signature, byte* msghash32);

    [LibraryImport(LibraryName)]
    internal static partial int secp256k1_ecdsa_signature_parse_compact(nint context, byte* signature, byte* input64);

    [LibraryImport(LibraryName)]
    internal static partial int secp256k1_ecdsa_verify(nint context, byte* signature, byte* msghash32, byte* pubkey);

    [LibraryImport(LibraryName)]
    internal static partial int secp256k1_ecdh(
        nint context,
        byte* output,
        byte* pubkey,
        byte* seckey32,
        nint hashFunction,
        nint data);
}
