/**
 * Greenlight health codes: issue, encode, render and verify offline.
 * The wire stages live in {@code dev.greenlight.codec.internal}, which is not exported.
 *
 * <p>No {@code requires java.desktop}: that keeps {@code java.awt} and {@code javax.imageio} out
 * at compile time, so the library runs on Android scanners.
 */
// zxing core ships no module-info, only the Automatic-Module-Name com.google.zxing in its manifest:
// a name its authors chose and keep, so the lint's fear (a name derived from a jar file) does not apply.
@SuppressWarnings("requires-automatic")
module dev.greenlight.codec {
    requires org.bouncycastle.provider;
    requires com.nimbusds.jose.jwt;
    requires com.google.zxing;

    exports dev.greenlight.codec;
    exports dev.greenlight.codec.qr;
    exports dev.greenlight.codec.trust;
    exports dev.greenlight.codec.revocation;
}
