/**
 * The codec's elliptic-curve code (ECDSA P-256 with SHA-256), split by what it may touch, so
 * that a private key cannot reach variable-time code without an import a reviewer sees:
 * <ul>
 *   <li>{@code sign}: {@link ConstantTime}, the only code that is handed a private key;</li>
 *   <li>{@code verify}: {@link VariableTime}, fast because it sees only public data;</li>
 *   <li>this package: what both sides must agree on, and only public values: the curve
 *       ({@link P256}) and the signature's wire form ({@link EcdsaP256}: 64-byte
 *       {@code r || s}, low S, SHA-256).</li>
 * </ul>
 * {@code sign} and {@code verify} never refer to each other, and this package to neither; the
 * only callers of {@code sign} from outside it are on an allow-list. {@code SecretBoundaryTest}
 * (beside this package's tests) checks all of it in the compiled classes, so that a reviewer
 * need not.
 *
 * <p>What every change here keeps:
 * <ul>
 *   <li>signatures are byte for byte those of BouncyCastle's {@code ECDSASigner} with RFC 6979
 *       nonces over SHA-256, normalised to low S: codes already issued and the spec vectors
 *       depend on it (see {@code sign});</li>
 *   <li>the fast verifiers accept exactly what the plain BouncyCastle verifier accepts, with the
 *       format's checks (see {@code verify});</li>
 *   <li>variable-time code only ever sees public data.</li>
 * </ul>
 *
 * <p>Not exported by {@code module-info.java}. Public classes here are still reachable on the
 * class path, and the benchmarks use that ({@code VerifyBenchmarks}: {@link P256},
 * {@link EcdsaP256}, {@code verify.FastEcdsaP256Verifier}); that is why they stay public, not an
 * invitation to other callers.
 */
@VariableTime
package dev.greenlight.codec.internal.ec;
