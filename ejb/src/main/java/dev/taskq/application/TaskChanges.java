package dev.taskq.application;

import java.util.Collection;
import java.util.function.Consumer;

/**
 * The committed state changes of tasks, heard as they are committed (not by reading the store in a loop). Every
 * listener of a task hears each of its changes made after it was registered; a change made while the store could
 * not be heard is made up for by the current state of each watched task once it can be again.
 */
public interface TaskChanges {

    /**
     * Calls {@code listener} with every change of the tasks {@code ids} from now on, until the returned
     * subscription is closed. The listener runs on the one thread that hears all changes: it must not block.
     */
    Subscription watch(Collection<String> ids, Consumer<TaskChange> listener);

    /** A registered listener; closing it unregisters it. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
