package org.tsak.data;

import java.util.List;

/**
 * The OpenPack work operations: ten operation classes plus Null (8100), shared by every data
 * source of the project (the simulator and the CSV format use the same ids).
 *
 * <p>Models predict a class index in {@code [0, CLASS_COUNT)}: the ten operations in id order,
 * then Null at {@link #NULL_INDEX}. Scoring drops Null seconds (docs/METHOD.md, "Evaluation:
 * the official OpenPack macro-F1").
 */
public final class Operations {

    /** Operation id of the Null class (no operation / transition). */
    public static final int NULL_ID = 8100;

    /** Operation ids of the ten scored classes, in class-index order. */
    public static final List<Integer> OPERATION_IDS =
            List.of(100, 200, 300, 400, 500, 600, 700, 800, 900, 1000);

    /** Human-readable names, parallel to {@link #OPERATION_IDS}, then Null. */
    public static final List<String> NAMES = List.of(
            "Picking", "Relocate Item Label", "Assemble Box", "Insert Items", "Close Box",
            "Attach Box Label", "Scan Label", "Attach Shipping Label", "Put on Back Table",
            "Fill out Order", "Null");

    /** Number of model outputs: ten operations and Null. */
    public static final int CLASS_COUNT = 11;

    /** Class index of Null. */
    public static final int NULL_INDEX = 10;

    private Operations() {
    }

    /** True if {@code id} is one of the ten operations or Null. */
    public static boolean isKnownId(int id) {
        return id == NULL_ID || (id >= 100 && id <= 1000 && id % 100 == 0);
    }

    /**
     * Class index of an operation id.
     *
     * @throws IllegalArgumentException if the id is not an OpenPack operation id
     */
    public static int indexOf(int id) {
        if (id == NULL_ID) {
            return NULL_INDEX;
        }
        if (!isKnownId(id)) {
            throw new IllegalArgumentException("unknown operation id " + id
                    + "; valid ids are " + OPERATION_IDS + " and " + NULL_ID + " (Null)");
        }
        return id / 100 - 1;
    }

    /** Operation id of a class index. */
    public static int idOf(int classIndex) {
        if (classIndex == NULL_INDEX) {
            return NULL_ID;
        }
        return OPERATION_IDS.get(classIndex);
    }

    /** Name of an operation id. */
    public static String nameOf(int id) {
        return NAMES.get(indexOf(id));
    }
}
