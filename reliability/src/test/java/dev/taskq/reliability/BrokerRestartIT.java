package dev.taskq.reliability;

import dev.taskq.reliability.lab.FaultLab;
import org.junit.jupiter.api.Test;

/**
 * RabbitMQ dies ({@code kill -9} of the node) while users submit and workers run tasks, and is started again: the
 * publisher and the resource adapter's consumers reconnect by themselves, nothing accepted is lost.
 */
class BrokerRestartIT {

    @Test
    void everyAcceptedTaskEndsOnceThoughRabbitMqIsKilledAndRestarted() {
        ServiceOutage.run("2. RabbitMQ kill -9 + restart under load", "broker", FaultLab.get().broker(), 1_500,
                false);
    }
}
