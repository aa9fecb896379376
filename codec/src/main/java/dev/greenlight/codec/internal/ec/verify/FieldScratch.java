package dev.greenlight.codec.internal.ec.verify;

import dev.greenlight.codec.internal.ec.VariableTime;

/**
 * The scratch registers both combs compute their point formulas in: field elements of
 * {@code SecP256R1Field} (8 limbs) and one double-width product (16 limbs). Each instance of a
 * comb owns its own, allocated once, so that no step of a multiplication allocates. Inherited
 * rather than held, so that the hot loops read a register as a field of {@code this}, as before.
 */
@VariableTime
abstract class FieldScratch {

    final int[] t1 = new int[8];
    final int[] t2 = new int[8];
    final int[] t3 = new int[8];
    final int[] t4 = new int[8];
    final int[] wide = new int[16];
}
