package dev.greenlight.codec.internal.ec.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import dev.greenlight.codec.internal.ec.P256;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.raw.Nat256;
import org.junit.jupiter.api.Test;

/** The batched affine comb against BouncyCastle's point arithmetic, exceptional cases mixed into ordinary ones. */
class FastP256BatchCombTest {

    private static final BigInteger N = P256.ORDER;
    private static final ECPoint G = P256.PARAMETERS.getG();

    private record Item(BigInteger a, BigInteger b, ECPoint q, P256CombTable qTable) {
    }

    @Test
    void multiplyAdd_mixedBatch_matchesBouncyCastleForEveryItem() {
        Random random = new Random(20260502L);
        // Same shape for P and Q, so that with Q = P and b = a every column adds an entry to itself.
        P256CombTable gTable = P256CombTable.of(G, 8, 2);
        ECPoint q1 = G.multiply(new BigInteger(250, random)).normalize();
        ECPoint q2 = G.multiply(new BigInteger(250, random)).normalize();
        P256CombTable q1Table = P256CombTable.of(q1, 8, 2);
        P256CombTable q2Table = P256CombTable.of(q2, 8, 2);
        P256CombTable gAsQ = P256CombTable.of(G, 8, 2);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(new Item(new BigInteger(256, random), new BigInteger(256, random), q1, q1Table));
            items.add(new Item(new BigInteger(256, random), new BigInteger(256, random), q2, q2Table));
            BigInteger a = new BigInteger(255, random).add(BigInteger.ONE);
            items.add(new Item(a, a, G, gAsQ));                    // doublings inside additions
            items.add(new Item(a, N.subtract(a), G, gAsQ));        // cancels to infinity
        }
        for (BigInteger edge : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, N.subtract(BigInteger.ONE)}) {
            items.add(new Item(edge, BigInteger.ZERO, q1, q1Table));
            items.add(new Item(BigInteger.ZERO, edge, q2, q2Table));
            items.add(new Item(edge, edge, G, gAsQ));
        }

        int count = items.size();
        int[][] a = new int[count][];
        int[][] b = new int[count][];
        P256CombTable[] tables = new P256CombTable[count];
        for (int i = 0; i < count; i++) {
            a[i] = Nat256.fromBigInteger(items.get(i).a());
            b[i] = Nat256.fromBigInteger(items.get(i).b());
            tables[i] = items.get(i).qTable();
        }
        P256BatchComb batch = new P256BatchComb(count);
        batch.multiplyAdd(count, a, gTable, b, tables);

        for (int i = 0; i < count; i++) {
            Item item = items.get(i);
            ECPoint expected = G.multiply(item.a()).add(item.q().multiply(item.b())).normalize();
            String what = "item " + i + ": a = " + item.a().toString(16) + ", b = " + item.b().toString(16);
            assertEquals(expected.isInfinity(), batch.isInfinity(i), what);
            if (!expected.isInfinity()) {
                assertTrue(batch.affineEquals(i, Nat256.fromBigInteger(expected.getAffineXCoord().toBigInteger()),
                        Nat256.fromBigInteger(expected.getAffineYCoord().toBigInteger())), what);
            }
        }
    }
}
