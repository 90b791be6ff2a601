package io.plumeline.simulator;

/** The simulator cannot run as asked; the message says what and where (flag, site model path). */
public class SimulatorException extends RuntimeException {

    public SimulatorException(String message) {
        super(message);
    }

    public SimulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
