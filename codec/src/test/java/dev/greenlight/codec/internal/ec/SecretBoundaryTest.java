package dev.greenlight.codec.internal.ec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import dev.greenlight.codec.IdentitySecret;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Enforces, on the compiled production classes, what the packages' {@code package-info} promise:
 * a private key reaches only {@link ConstantTime} code in {@code internal.ec.sign}, and
 * {@link VariableTime} code never sees one. A reviewer should not have to spot the crossing
 * import; this test does, and names it.
 *
 * <p>It reads each class file's constant pool, so a reference counts whether it came through an
 * import or a fully qualified name, and an unused import (which javac drops) does not. Constants
 * that javac inlines (static final primitives and strings) leave no reference: they are public
 * numbers, not keys. Only production code is held to this: tests may sign with test keys.
 */
class SecretBoundaryTest {

    private static final String EC = "dev/greenlight/codec/internal/ec/";
    private static final String SIGN = EC + "sign/";
    private static final String VERIFY = EC + "verify/";

    /**
     * The production classes outside {@code internal.ec.sign} that may refer to it, each with its
     * reason. A new entry is a decision a reviewer makes, in this file.
     */
    private static final Map<String, String> SIGN_CALLERS = Map.of(
            "dev.greenlight.codec.Issuer", "signs the codes it issues with its private key, in memory (EcdsaP256Signer) "
                    + "or held by a JCA provider such as a PKCS#11 token (ProviderP256Signer)",
            "dev.greenlight.codec.P256KeyPairs", "derives a private key's public half, d G, as signing computes k G");

    /**
     * Types that hold a secret. A parameter, result or field of one of these types, or of a
     * supertype of one (other than Object), could carry a secret into variable-time code.
     */
    private static final List<Class<?>> SECRET_TYPES = List.of(PrivateKey.class, KeyPair.class, SecretKey.class,
            ECPrivateKeyParameters.class, AsymmetricCipherKeyPair.class, IdentitySecret.class);

    private static Path classesRoot;
    private static Map<String, Set<String>> references;

    @BeforeAll
    static void readClassFiles() throws IOException, URISyntaxException {
        classesRoot = Path.of(P256.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        references = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classesRoot)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = classesRoot.relativize(file).toString().replace('\\', '/').replaceAll("\\.class$", "");
                if (!name.equals("module-info")) {
                    try (InputStream in = Files.newInputStream(file)) {
                        references.put(name, referencedClasses(in));
                    }
                }
            }
        }
        // Guard against a vacuous pass, such as a wrong classes directory.
        assertTrue(references.containsKey(SIGN + "EcdsaP256Signer") && references.containsKey(VERIFY + "FastEcdsaP256Verifier"),
                "no elliptic-curve classes under " + classesRoot);
    }

    @Test
    void signAndVerify_neverReferToEachOther_andTheSharedPackageToNeither() {
        List<String> violations = new ArrayList<>();
        references.forEach((user, used) -> {
            for (String target : used) {
                if (user.startsWith(SIGN) && target.startsWith(VERIFY)
                        || user.startsWith(VERIFY) && target.startsWith(SIGN)
                        || isDirectlyIn(user, EC) && (target.startsWith(SIGN) || target.startsWith(VERIFY))) {
                    violations.add(binaryName(user) + " refers to " + binaryName(target));
                }
            }
        });
        assertEquals(List.of(), violations);
    }

    @Test
    void signPackage_isReferredToFromOutsideOnlyByTheAllowList() {
        Set<String> callers = new TreeSet<>();
        references.forEach((user, used) -> {
            if (!user.startsWith(SIGN) && used.stream().anyMatch(target -> target.startsWith(SIGN))) {
                callers.add(binaryName(user));
            }
        });
        // Equal, not a subset: an entry nothing needs any more is a door left open.
        assertEquals(new TreeSet<>(SIGN_CALLERS.keySet()), callers,
                "callers of internal.ec.sign from outside it; a new one must be added to SIGN_CALLERS with its reason");
    }

    @Test
    void everyEllipticCurveClass_isMarkedForItsPackage() throws ClassNotFoundException {
        assertMarked(SIGN, ConstantTime.class);
        assertMarked(VERIFY, VariableTime.class);
        assertMarked(EC, VariableTime.class);
        List<String> violations = new ArrayList<>();
        for (String name : references.keySet()) {
            if (name.startsWith(EC) && !name.endsWith("package-info") && !name.contains("$")) {
                Class<?> type = load(name);
                Class<? extends java.lang.annotation.Annotation> expected =
                        name.startsWith(SIGN) ? ConstantTime.class : VariableTime.class;
                if (!type.isAnnotation() && !type.isAnnotationPresent(expected)) {
                    violations.add(type.getName() + " lacks @" + expected.getSimpleName());
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void variableTimeCode_neverDeclaresASecretType() throws ClassNotFoundException {
        List<String> violations = new ArrayList<>();
        for (String name : references.keySet()) {
            if (name.endsWith("package-info")) {
                continue;
            }
            Class<?> type = load(name);
            boolean wholeClass = isVariableTime(type);
            if (wholeClass && isMarked(type, ConstantTime.class)) {
                violations.add(type.getName() + " is marked both constant time and variable time");
            }
            for (Field field : type.getDeclaredFields()) {
                if (wholeClass) {
                    checkTypes(field, List.of(field.getGenericType()), violations);
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (wholeClass || method.isAnnotationPresent(VariableTime.class)) {
                    List<Type> types = new ArrayList<>(List.of(method.getGenericParameterTypes()));
                    types.add(method.getGenericReturnType());
                    checkTypes(method, types, violations);
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (wholeClass || constructor.isAnnotationPresent(VariableTime.class)) {
                    checkTypes(constructor, List.of(constructor.getGenericParameterTypes()), violations);
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    /** Catches what signatures do not show: a local variable or a call on a secret type inside a method body. */
    @Test
    void variableTimeClasses_neverNameASecretTypeInTheirCode() throws ClassNotFoundException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entry : references.entrySet()) {
            if (entry.getKey().endsWith("package-info") || !isVariableTime(load(entry.getKey()))) {
                continue;
            }
            for (String target : entry.getValue()) {
                Class<?> used = loadIfPresent(target);
                if (used != null && isSecretType(used)) {
                    violations.add(binaryName(entry.getKey()) + " names " + used.getName());
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    private static void assertMarked(String packagePath, Class<? extends java.lang.annotation.Annotation> marker)
            throws ClassNotFoundException {
        Class<?> packageInfo = load(packagePath + "package-info");
        assertTrue(packageInfo.isAnnotationPresent(marker),
                binaryName(packagePath) + " package-info lacks @" + marker.getSimpleName());
    }

    /** Marked itself, through an enclosing class, or through its package's package-info. */
    private static boolean isMarked(Class<?> type, Class<? extends java.lang.annotation.Annotation> marker)
            throws ClassNotFoundException {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (c.isAnnotationPresent(marker)) {
                return true;
            }
        }
        String packagePath = type.getPackageName().replace('.', '/') + "/package-info";
        return references.containsKey(packagePath) && load(packagePath).isAnnotationPresent(marker);
    }

    private static boolean isVariableTime(Class<?> type) throws ClassNotFoundException {
        return isMarked(type, VariableTime.class);
    }

    private static void checkTypes(Member member, List<Type> types, List<String> violations) {
        Set<Class<?>> raw = new HashSet<>();
        for (Type type : types) {
            collectRawTypes(type, raw, new HashSet<>());
        }
        for (Class<?> type : raw) {
            if (couldHoldSecret(type)) {
                violations.add(member.getDeclaringClass().getName() + "." + member.getName()
                        + " declares " + type.getName() + ", which can hold a secret");
            }
        }
    }

    /** A secret type or a subtype of one ({@code ECPrivateKey}, BouncyCastle's key classes...). */
    private static boolean isSecretType(Class<?> type) {
        return SECRET_TYPES.stream().anyMatch(secret -> secret.isAssignableFrom(type));
    }

    /**
     * Also a supertype of a secret type ({@code Key}, {@code CipherParameters}...), which could be
     * handed a secret; Object excepted, or no method could take anything.
     */
    private static boolean couldHoldSecret(Class<?> type) {
        return isSecretType(type) || type != Object.class && SECRET_TYPES.stream().anyMatch(type::isAssignableFrom);
    }

    private static void collectRawTypes(Type type, Set<Class<?>> into, Set<Type> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                collectRawTypes(c.getComponentType(), into, seen);
            } else {
                into.add(c);
            }
        } else if (type instanceof ParameterizedType p) {
            collectRawTypes(p.getRawType(), into, seen);
            for (Type argument : p.getActualTypeArguments()) {
                collectRawTypes(argument, into, seen);
            }
        } else if (type instanceof GenericArrayType a) {
            collectRawTypes(a.getGenericComponentType(), into, seen);
        } else if (type instanceof WildcardType w) {
            Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds())).forEach(b -> collectRawTypes(b, into, seen));
        } else if (type instanceof TypeVariable<?> v) {
            Stream.of(v.getBounds()).forEach(b -> collectRawTypes(b, into, seen));
        }
    }

    /** Class names in descriptors and generic signatures ({@code Lpkg/Name;} or {@code Lpkg/Name<}). */
    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([\\w$/]+)[;<]");

    /**
     * The classes a class file refers to, as internal names ({@code java/security/PrivateKey}):
     * those of its constant pool's class entries and of every descriptor and signature in it.
     * String literals are left out: text is not a reference.
     */
    private static Set<String> referencedClasses(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        Set<Integer> classNames = new HashSet<>();
        Set<Integer> literals = new HashSet<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();                           // Utf8 (modified UTF-8, as readUTF reads it)
                case 7 -> classNames.add(in.readUnsignedShort());           // Class
                case 8 -> literals.add(in.readUnsignedShort());             // String
                case 16, 19, 20 -> in.readUnsignedShort();                  // MethodType, Module, Package
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();           // numbers, member refs, NameAndType, dynamic
                case 15 -> in.skipNBytes(3);                                // MethodHandle
                case 5, 6 -> {                                              // Long, Double: two slots
                    in.readLong();
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> names = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            if (utf8[i] == null || literals.contains(i) && !classNames.contains(i)) {
                continue;
            }
            if (classNames.contains(i) && !utf8[i].startsWith("[")) {
                names.add(utf8[i]);
            }
            Matcher m = DESCRIPTOR_CLASS.matcher(utf8[i]);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static boolean isDirectlyIn(String internalName, String packagePath) {
        return internalName.startsWith(packagePath) && internalName.indexOf('/', packagePath.length()) < 0;
    }

    private static String binaryName(String internalName) {
        return internalName.replace('/', '.');
    }

    private static Class<?> load(String internalName) throws ClassNotFoundException {
        return Class.forName(binaryName(internalName), false, SecretBoundaryTest.class.getClassLoader());
    }

    private static Class<?> loadIfPresent(String internalName) {
        try {
            return load(internalName);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
