package dev.taskq.it;

import java.io.File;
import dev.taskq.it.kinds.CountingTask;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The system the integration tests run: the real taskq.war (deployed by Arquillian on Payara Micro, next to the
 * resource adapter) and its task records in the real Redis, under the test instance's key prefix.
 */
final class DeployedTaskq {

    private DeployedTaskq() {
    }

    /**
     * micro/target/taskq.war, as built, with the test-only task kinds ({@code dev.taskq.it.kinds}) in a jar of their
     * own in WEB-INF/lib, as a team adds its kinds: what every IT class deploys.
     */
    static WebArchive war() {
        JavaArchive testKinds = ShrinkWrap.create(JavaArchive.class, "it-kinds.jar")
                .addPackage(CountingTask.class.getPackage())
                .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("taskq.it.war")))
                .addAsLibrary(testKinds);
    }

    /** How many task records the test instance has in Redis. */
    static long taskRecordCount() {
        try (JedisPooled redis = new JedisPooled("127.0.0.1", 6379)) {
            long count = 0;
            String cursor = ScanParams.SCAN_POINTER_START;
            ScanParams match = new ScanParams().match(System.getProperty("taskq.it.keyPrefix") + ":task:*")
                    .count(1000);
            do {
                ScanResult<String> page = redis.scan(cursor, match);
                count += page.getResult().size();
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            return count;
        }
    }
}
