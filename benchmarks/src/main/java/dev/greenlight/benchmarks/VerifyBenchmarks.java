package dev.greenlight.benchmarks;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.text.ParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import dev.greenlight.codec.CodeClaims;
import dev.greenlight.codec.CodeFormatException;
import dev.greenlight.codec.UnverifiedCode;
import dev.greenlight.codec.VerificationResult;
import dev.greenlight.codec.Verifier;
import dev.greenlight.codec.internal.wire.Base45;
import dev.greenlight.codec.internal.wire.PayloadV1;
import dev.greenlight.codec.internal.PublicKeyEncoding;
import dev.greenlight.codec.internal.wire.TextForm;
import dev.greenlight.codec.internal.ec.EcdsaP256;
import dev.greenlight.codec.internal.ec.P256;
import dev.greenlight.codec.internal.ec.verify.FastEcdsaP256Verifier;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding and verifying one code, the fast verifier against plain BouncyCastle, and the JDK
 * (SunEC) and nimbus-jose-jwt (ES256 JWS) baselines, all in the same run so that their ratios
 * hold on a noisy machine. Each benchmark cycles through a pool of distinct codes.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class VerifyBenchmarks {

    /** The JDK's and nimbus's paths run more code through the JIT: warm them longer, not to flatter the ratios. */
    static final int BASELINE_WARMUP_ITERATIONS = 5;

    /** Everything that is shared and thread-safe. */
    @State(Scope.Benchmark)
    public static class Shared {
        Fixtures fixtures;
        Verifier verifier;
        String[] texts;
        List<String> textList;
        byte[][] payloads;
        FastEcdsaP256Verifier fast;
        FastEcdsaP256Verifier[] poolKeys;
        ECPublicKeyParameters bouncyCastleKey;
        String[] jwsTokens;
        ECDSAVerifier nimbusVerifier;

        @Setup(Level.Trial)
        public void setUp() throws GeneralSecurityException, JOSEException {
            fixtures = new Fixtures();
            verifier = fixtures.verifier;
            texts = fixtures.texts;
            textList = List.of(texts);
            payloads = new byte[texts.length][];
            for (int i = 0; i < texts.length; i++) {
                payloads[i] = Base45.getDecoder().decode(texts[i], TextForm.PREFIX.length(), texts[i].length());
            }
            bouncyCastleKey = PublicKeyEncoding.toParameters(fixtures.publicKey());
            fast = FastEcdsaP256Verifier.forKey(bouncyCastleKey.getQ());
            poolKeys = new FastEcdsaP256Verifier[texts.length];
            Arrays.fill(poolKeys, fast);
            ECDSASigner jwsSigner = new ECDSASigner(fixtures.sunEcPrivateKey());
            jwsTokens = new String[texts.length];
            for (int i = 0; i < texts.length; i++) {
                jwsTokens[i] = jws(fixtures.codes[i].claims(), jwsSigner);
            }
            nimbusVerifier = new ECDSAVerifier(fixtures.sunEcPublicKey());
            if (!verifier.verify(texts[0]).isValid() || !fast.verify(payloads[0], 0, PayloadV1.SIGNED_BYTES, payloads[0], PayloadV1.OFFSET_SIGNATURE)) {
                throw new IllegalStateException("the fixtures do not verify");
            }
        }

        /** The same claims as a code, as a compact JWS: what a SMART Health Card style verifier parses. */
        private static String jws(CodeClaims claims, ECDSASigner signer) throws JOSEException {
            Map<String, Object> body = Map.of(
                    "sn", claims.serial().toString(),
                    "idh", claims.identityHash().toString(),
                    "col", claims.colour().name().toLowerCase(),
                    "iat", claims.issuedAt().getEpochSecond(),
                    "exp", claims.expiresAt().getEpochSecond());
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(claims.keyId().toString()).build(),
                    new Payload(body));
            jws.sign(signer);
            return jws.serialize();
        }
    }

    /** Per-thread state: the position in the pool, and the verifiers that are not thread-safe. */
    @State(Scope.Thread)
    public static class PerThread {
        int next;
        org.bouncycastle.crypto.signers.ECDSASigner bouncyCastle;
        Signature sunEc;

        @Setup(Level.Trial)
        public void setUp(Shared shared) throws GeneralSecurityException {
            // Key reused across calls: the fairest setting for the plain verifier.
            bouncyCastle = new org.bouncycastle.crypto.signers.ECDSASigner();
            bouncyCastle.init(false, shared.bouncyCastleKey);
            sunEc = Signature.getInstance("SHA256withECDSAinP1363Format", "SunEC");
            sunEc.initVerify(shared.fixtures.sunEcPublicKey());
        }

        int next() {
            next = (next + 1) & (Fixtures.POOL - 1);
            return next;
        }
    }

    /** Base45 and the byte layout, no signature check. */
    @Benchmark
    public UnverifiedCode decodeOnly(Shared shared, PerThread thread) throws CodeFormatException {
        return Verifier.inspectUnverified(shared.texts[thread.next()]);
    }

    @Benchmark
    public boolean verifyFast(Shared shared, PerThread thread) {
        byte[] payload = shared.payloads[thread.next()];
        return shared.fast.verify(payload, 0, PayloadV1.SIGNED_BYTES, payload, PayloadV1.OFFSET_SIGNATURE);
    }

    /**
     * The whole pool in one batch (Montgomery's trick over the field and scalar inversions):
     * the score is signatures per second, as for the others.
     */
    @Benchmark
    @OperationsPerInvocation(Fixtures.POOL)
    public boolean[] verifyFastBatch(Shared shared) {
        return FastEcdsaP256Verifier.verifyBatch(shared.poolKeys, shared.payloads, PayloadV1.OFFSET_SIGNATURE);
    }

    /** BouncyCastle's ECDSASigner on its custom P-256 curve, key reused, same strict checks. */
    @Benchmark
    public boolean verifyPlainBouncyCastle(Shared shared, PerThread thread) {
        return plainVerify(shared.payloads[thread.next()], thread.bouncyCastle);
    }

    /** The whole public path: text to a verified code with its claims and time checks. */
    @Benchmark
    @Threads(1)
    public VerificationResult decodeVerifyFast(Shared shared, PerThread thread) {
        return shared.verifier.verify(shared.texts[thread.next()]);
    }

    /**
     * The whole public path for a batch, as {@code bulk} runs it: {@code Verifier.verifyAll} on the
     * pool, sharing inversions across the batch. Score per code.
     */
    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(Fixtures.POOL)
    public List<VerificationResult> decodeVerifyAllBatch(Shared shared) {
        return shared.verifier.verifyAll(shared.textList);
    }

    /** The same with two threads sharing one verifier: the scaling on this machine's cores. */
    @Benchmark
    @Threads(2)
    public VerificationResult decodeVerifyFast2Threads(Shared shared, PerThread thread) {
        return shared.verifier.verify(shared.texts[thread.next()]);
    }

    /** Base45, layout and fields, then the plain verifier: the same work as decodeVerifyFast but the curve arithmetic. */
    @Benchmark
    public CodeClaims decodeVerifyPlainBouncyCastle(Shared shared, PerThread thread) throws CodeFormatException {
        String text = shared.texts[thread.next()];
        UnverifiedCode code = Verifier.inspectUnverified(text);
        byte[] payload = Base45.getDecoder().decode(text, TextForm.PREFIX.length(), text.length());
        return plainVerify(payload, thread.bouncyCastle) ? code.claims() : null;
    }

    @Benchmark
    @Warmup(iterations = BASELINE_WARMUP_ITERATIONS, time = 2)
    public boolean baselineSunEcVerify(Shared shared, PerThread thread) throws GeneralSecurityException {
        byte[] payload = shared.payloads[thread.next()];
        thread.sunEc.update(payload, 0, PayloadV1.SIGNED_BYTES);
        return thread.sunEc.verify(payload, PayloadV1.OFFSET_SIGNATURE, EcdsaP256.SIGNATURE_BYTES);
    }

    /** Parse the compact JWS, verify ES256, parse the claims JSON. */
    @Benchmark
    @Warmup(iterations = BASELINE_WARMUP_ITERATIONS, time = 2)
    public Map<String, Object> baselineNimbusJwsParseVerify(Shared shared, PerThread thread) throws ParseException, JOSEException {
        JWSObject jws = JWSObject.parse(shared.jwsTokens[thread.next()]);
        return jws.verify(shared.nimbusVerifier) ? jws.getPayload().toJSONObject() : null;
    }

    private static boolean plainVerify(byte[] payload, org.bouncycastle.crypto.signers.ECDSASigner signer) {
        BigInteger r = EcdsaP256.scalar(payload, PayloadV1.OFFSET_SIGNATURE);
        BigInteger s = EcdsaP256.scalar(payload, PayloadV1.OFFSET_SIGNATURE + P256.SCALAR_BYTES);
        return EcdsaP256.isInRangeLowS(r, s)
                && signer.verifySignature(EcdsaP256.sha256(payload, 0, PayloadV1.SIGNED_BYTES), r, s);
    }
}
