/**
 * Verification: variable time ({@link VariableTime}), which is what makes it about 1.8 times
 * (one signature) and 2.8 times (batch) as fast as BouncyCastle, and safe only because everything
 * it sees is public: trusted keys, payloads, signatures. Nothing here may take a private key or
 * refer to {@code internal.ec.sign}; {@code SecretBoundaryTest} fails the build otherwise.
 *
 * <p>The contract: accept exactly what {@link PlainEcdsaP256Verifier} accepts, BouncyCastle's
 * {@code ECDSASigner} behind the format's checks (64 bytes, r and s in [1, n-1], s at most n/2).
 * The differential tests here hold the fast and batch verifiers to it on every Wycheproof case
 * and 100,000 random and mutated signatures, and the comb tests hold the combs to BouncyCastle's
 * point arithmetic, the addition law's exceptional cases included, which crafted signatures can
 * reach. An optimisation that changes one answer is a bug, however rare the input.
 *
 * <p>The comb shapes: a key's table 4 combs of 8 teeth (64 KiB per trusted key; 2 combs measured
 * about 10% slower), G's table 3 combs of 11 teeth (384 KiB, one for all keys), batches in slices
 * of 256. They were tuned with the JMH {@code VerifyBenchmarks} ({@code verifyFast},
 * {@code verifyFastBatch}, {@code decodeVerifyAllBatch}) against the plain BouncyCastle baseline
 * of the same run; {@code benchmarks/README.md} ("How the fast verifier works", "Reading the
 * tables") records the figures and the trade-offs (one more tooth doubles the memory for about
 * three fewer additions), {@code benchmarks/results/bulk.md} the end-to-end {@code gl-verify bulk}.
 * To re-measure: change {@code P256CombTable.forPublicKey} or {@code FastEcdsaP256Verifier}'s
 * {@code G_TABLE}, run the tests here ({@code FastP256JointCombTest} covers other shapes), then
 * {@code benchmarks/run 'VerifyBenchmarks'} and compare the ratios to plain BouncyCastle, not the
 * absolute rates, which move with the machine's load.
 *
 * <p>When: a trusted key verifies on {@link PlainEcdsaP256Verifier} until
 * {@link LazyEcdsaP256Verifier} judges it busy enough to earn its tables, so that a one-shot
 * command builds none; batches build them at once.
 *
 * <p>Public: only {@link FastEcdsaP256Verifier}'s {@code forKey}, offset {@code verify} and
 * {@code verifyBatch}, and {@link LazyEcdsaP256Verifier}'s {@code forKey}, {@code verify} and
 * {@code tables}, for {@code TrustedKey} and {@code Verifier} in the API package, and measured
 * directly by {@code VerifyBenchmarks} on the class path. The rest is package-private, its tests
 * beside it.
 */
@VariableTime
package dev.greenlight.codec.internal.ec.verify;

import dev.greenlight.codec.internal.ec.VariableTime;
