/**
 * Savepoints from plain Java, as Flink's State Processor API: {@link io.rivulet.api.savepoint.ExistingSavepoint}
 * reads the keyed state of an operator out of a savepoint with the serdes the job uses, and
 * {@link io.rivulet.api.savepoint.SavepointBuilder} writes a savepoint from data, to bootstrap a new job's state
 * (started with {@code rivulet.savepoint.restore-from}).
 */
package io.rivulet.api.savepoint;
