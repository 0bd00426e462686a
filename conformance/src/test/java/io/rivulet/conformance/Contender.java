package io.rivulet.conformance;

/** Runs a script through one side's operator and reports what it emitted. */
@FunctionalInterface
interface Contender {

    Outcome run(Script script) throws Exception;
}
