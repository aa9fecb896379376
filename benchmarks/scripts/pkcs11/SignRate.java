import dev.greenlight.codec.Colour;
import dev.greenlight.codec.IdentityHash;
import dev.greenlight.codec.IdentitySecret;
import dev.greenlight.codec.Issuer;
import dev.greenlight.codec.P256KeyPairs;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;

/**
 * Issuer.issue on one thread, a key file's Issuer against one whose key is in the token, in turn,
 * four rounds (the first a warm-up): codes/s and codes per CPU-second of the thread (SoftHSM2 runs
 * in it, through JNI, so its work counts). Without the batch around it, this is the signing itself.
 *
 * <pre>
 * KEEP=1 WORKDIR=/tmp/gl-p11 benchmarks/scripts/batch-throughput-pkcs11 1000 1
 * SOFTHSM2_CONF=/tmp/gl-p11/softhsm2.conf java -cp issuer-cli/target/issuer-cli.jar \
 *     benchmarks/scripts/pkcs11/SignRate.java /tmp/gl-p11/token.cfg /tmp/gl-p11/pin 20000
 * </pre>
 */
public class SignRate {

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[2]);
        Provider provider = Security.getProvider("SunPKCS11").configure(args[0]);
        KeyStore store = KeyStore.getInstance("PKCS11", provider);
        store.load(null, Files.readString(Path.of(args[1])).strip().toCharArray());
        String alias = null;
        for (String a : Collections.list(store.aliases())) {
            if (store.isKeyEntry(a)) {
                alias = a;
            }
        }
        IdentitySecret secret = IdentitySecret.of(new byte[32]);
        Issuer token = Issuer.builder(secret, Clock.systemUTC())
                .signingKey((PrivateKey) store.getKey(alias, null), (ECPublicKey) store.getCertificate(alias).getPublicKey(), provider)
                .build();
        Issuer file = Issuer.builder(secret, Clock.systemUTC())
                .signingKey((ECPrivateKey) P256KeyPairs.generate(new SecureRandom()).getPrivate())
                .build();
        IdentityHash holder = secret.pseudonymOf(dev.greenlight.codec.Identity.chineseResidentId("11010519491231002X"));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 4; round++) {
            for (Issuer issuer : new Issuer[] {file, token}) {
                long cpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    issuer.issue(holder, Colour.GREEN, Duration.ofHours(24));
                }
                long end = System.nanoTime();
                cpu = threads.getCurrentThreadCpuTime() - cpu;
                System.out.printf("round %d %-6s %6.0f codes/s, %6.0f codes per CPU-second%s  load %s%n", round,
                        issuer == file ? "file" : "token", n / ((end - start) / 1e9), n / (cpu / 1e9),
                        round == 0 ? " (warm-up)" : "", Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            }
        }
    }
}
