/**
 * A deterministic, seeded simulator of a packaging line ({@link org.tsak.data.sim.FactorySimulator}):
 * workers with their own style follow a work schedule of the ten operations, and
 * {@link org.tsak.data.sim.HandSignalSynthesizer} turns each wrist's motion into sensor signals,
 * for tests and demos without the real dataset.
 */
package org.tsak.data.sim;
