package dev.taskq.reliability;

import dev.taskq.reliability.lab.FaultLab;
import org.junit.jupiter.api.Test;

/**
 * Redis dies ({@code kill -9}; it runs with an fsynced append-only file, as the guarantee requires) while users
 * submit and workers run tasks, and is started again: messages whose outcome could not be stored go back to the
 * queue, the Jedis pool reconnects, no task is marked done without its result, and none is lost. A submission
 * whose record reached Redis in the instant it died is answered 503 and may leave that record PENDING (never run).
 */
class RedisRestartIT {

    @Test
    void everyAcceptedTaskEndsOnceWithItsResultThoughRedisIsKilledAndRestarted() {
        ServiceOutage.run("3. Redis kill -9 + restart under load", "redis", FaultLab.get().redis(), 1_500,
                true);
    }
}
