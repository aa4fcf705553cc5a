package dev.taskq.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedisTaskIndexTest {

    @Test
    void theRedisScriptsGetTheTaskLifecycleFromTaskState() {
        assertThat(RedisTaskIndex.CONSTANTS)
                .contains("local TASK_STATES = {'SCHEDULED', 'PENDING', 'STARTED', 'RETRY', 'SUCCESS', 'FAILURE',"
                        + " 'REVOKED'}")
                .contains("local TERMINAL = {SUCCESS = true, FAILURE = true, REVOKED = true}")
                .contains("SUCCESS = {STARTED = true}")
                .contains("REVOKED = {SCHEDULED = true, PENDING = true, STARTED = true, RETRY = true}")
                .contains("PENDING = {SCHEDULED = true}")
                .contains("local REQUEUE_FROM = 'FAILURE'");
        for (String script : new String[] {"begin-attempt.lua", "finish.lua", "record-retry.lua", "remove.lua",
                "requeue.lua", "revoke.lua", "report.lua", "create.lua", "task-create.lua", "schedule-fire.lua"}) {
            assertThat(LuaScript.source(script)).as(script).doesNotContainPattern("state\\s*[~=]=\\s*'");
        }
    }
}
