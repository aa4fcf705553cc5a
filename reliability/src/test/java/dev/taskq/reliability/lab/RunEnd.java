package dev.taskq.reliability.lab;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * At the end of the test run (registered through {@code META-INF/services}): stops everything the lab started and
 * prints the summary table.
 */
public final class RunEnd implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        FaultLab.shutDown();
        if (!Summary.isEmpty()) {
            System.out.println("\n== taskq reliability summary ==\n" + Summary.table());
        }
    }
}
