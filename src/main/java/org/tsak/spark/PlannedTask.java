package org.tsak.spark;

import java.io.Serializable;

/**
 * A task of the plan as shipped to a Spark executor: its id, and whether it runs alone in its
 * process ({@code usesEngineRandomness}). The work itself is found by the id in the executor's
 * own plan of the same run folder.
 *
 * @param id        the plan's task id
 * @param runsAlone no other task of the process runs beside it
 */
record PlannedTask(String id, boolean runsAlone) implements Serializable {
}
