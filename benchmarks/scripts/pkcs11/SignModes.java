import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.Collections;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How codec's ProviderP256Signer shares the token among threads, measured: two threads signing N
 * messages in all through SunPKCS11 with one Signature under a lock, a pool of Signatures (what
 * ProviderP256Signer does), one per thread (ThreadLocal), and one thread alone, in turn, four
 * rounds (the first a warm-up). A token from batch-throughput-pkcs11 (KEEP=1):
 *
 * <pre>
 * KEEP=1 WORKDIR=/tmp/gl-p11 benchmarks/scripts/batch-throughput-pkcs11 1000 1
 * SOFTHSM2_CONF=/tmp/gl-p11/softhsm2.conf java benchmarks/scripts/pkcs11/SignModes.java \
 *     /tmp/gl-p11/token.cfg /tmp/gl-p11/pin 40000
 * </pre>
 */
public class SignModes {

    interface Mode {
        byte[] sign(byte[] message) throws Exception;
    }

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
        PrivateKey key = (PrivateKey) store.getKey(alias, null);
        Callable<Signature> fresh = () -> {
            Signature s = Signature.getInstance("SHA256withECDSA", provider);
            s.initSign(key);
            return s;
        };
        Signature one = fresh.call();
        Mode lock = m -> {
            synchronized (one) {
                one.update(m);
                return one.sign();
            }
        };
        ConcurrentLinkedQueue<Signature> idle = new ConcurrentLinkedQueue<>();
        Mode pool = m -> {
            Signature s = idle.poll();
            if (s == null) {
                s = fresh.call();
            }
            s.update(m);
            byte[] signature = s.sign();
            idle.add(s);
            return signature;
        };
        ThreadLocal<Signature> local = ThreadLocal.withInitial(() -> {
            try {
                return fresh.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Mode threadLocal = m -> {
            Signature s = local.get();
            s.update(m);
            return s.sign();
        };
        String[] names = {"lock", "pool", "threadlocal", "1-thread"};
        Mode[] modes = {lock, pool, threadLocal, lock};
        ExecutorService threads = Executors.newFixedThreadPool(2);
        for (int round = 0; round < 4; round++) {
            for (int k = 0; k < modes.length; k++) {
                Mode mode = modes[k];
                int perThread = k == 3 ? n : n / 2;
                Callable<Void> work = () -> {
                    byte[] message = new byte[36];
                    for (int i = 0; i < perThread; i++) {
                        mode.sign(message);
                    }
                    return null;
                };
                long start = System.nanoTime();
                Future<Void> first = threads.submit(work);
                Future<Void> second = k == 3 ? null : threads.submit(work);
                first.get();
                if (second != null) {
                    second.get();
                }
                long end = System.nanoTime();
                System.out.printf("round %d %-11s %6.0f signatures/s%s  load %s%n", round, names[k], n / ((end - start) / 1e9),
                        round == 0 ? " (warm-up)" : "", Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            }
        }
        threads.shutdown();
    }
}
