package dev.greenlight.codec.internal;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The codec's one instance of BouncyCastle's JCA provider: private, never registered with
 * {@code Security}, so that embedding applications keep their provider order. Every JCA operation
 * of the codec names it, because the JDK's SunEC fails Wycheproof ECDSA cases on Java 17.
 */
public final class BouncyCastleJca {

    private BouncyCastleJca() {
    }

    /**
     * In a holder, because creating the provider registers every algorithm BouncyCastle has (about
     * 700 classes, 0.1 s of a cold start), and verifying a code never needs it.
     *
     * @return the shared provider
     */
    public static Provider provider() {
        return Holder.PROVIDER;
    }

    private static final class Holder {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }
}
