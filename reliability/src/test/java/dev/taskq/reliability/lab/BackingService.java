package dev.taskq.reliability.lab;

/** A backing service of the lab that a scenario may kill and start again. */
public interface BackingService {

    /** Starts it (again, on its existing data) and waits until it answers. */
    void start();

    /** {@code kill -9} of its process; returns once it no longer answers. */
    void kill();
}
