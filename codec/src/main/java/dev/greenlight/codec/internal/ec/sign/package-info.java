/**
 * Signing: the only code in the codec that is handed a private key, hence constant time
 * ({@link ConstantTime}), as far as BouncyCastle's signer that it builds on is.
 *
 * <p>A package of its own so that a secret cannot wander into variable-time code unseen: nothing
 * here refers to {@code internal.ec.verify}, and the callers from outside (today only
 * {@code Issuer}) are on {@code SecretBoundaryTest}'s allow-list, each with its reason.
 *
 * <p>Signatures are byte for byte those of BouncyCastle's RFC 6979 {@code ECDSASigner}:
 * {@link EcdsaP256Signer} only swaps the k G multiplier ({@link P256GeneratorComb}) into it, and
 * the nonce, r and s remain BouncyCastle's. The spec vectors ({@code SpecVectorsTest}) and
 * {@code FastSignMultiplierTest} (500 random keys and messages against a plain
 * {@code ECDSASigner}) pin that. A change that alters one byte of one signature breaks the
 * format's reproducibility, whatever it gains.
 *
 * <p>The comb shape (13 combs of 5 teeth, 26 KiB) was tuned in {@code benchmarks/results/batch.md},
 * section "Faster signing": its table of shapes, k G alone, and the JMH {@code issue} and
 * {@code batch-throughput} runs before and after. To re-measure: time
 * {@code P256GeneratorComb.of(teeth, combs)} for the shapes against BouncyCastle's
 * {@code FixedPointCombMultiplier} in a harness declared in this package (the factory is
 * package-private; compile the harness and put it on the class path beside
 * {@code codec/target/classes}, as a single-file source launch gets a class loader of its own and
 * cannot reach it), interleaving the shapes in one JVM; then compare
 * {@code IssueAndQrBenchmarks.issue} (see {@code benchmarks/README.md}) and
 * {@code benchmarks/scripts/batch-throughput} before and after, alternating builds, as the
 * machine is noisy. {@code FastSignMultiplierTest} checks any shape against BouncyCastle.
 */
@ConstantTime
package dev.greenlight.codec.internal.ec.sign;

import dev.greenlight.codec.internal.ec.ConstantTime;
