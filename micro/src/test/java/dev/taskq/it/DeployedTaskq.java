package dev.taskq.it;

import java.io.File;
import dev.taskq.api.index.TaskKindIndexer;
import dev.taskq.it.kinds.CountingTask;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.asset.StringAsset;
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
     * micro/target/taskq.war, as built, with two jars added to WEB-INF/lib as a team adds its task kinds: the example
     * kind's jar as examples/ builds it ({@code digest}), and the test-only kinds ({@code dev.taskq.it.kinds}). What
     * every IT class deploys.
     */
    static WebArchive war() {
        JavaArchive testKinds = ShrinkWrap.create(JavaArchive.class, "it-kinds.jar")
                .addPackage(CountingTask.class.getPackage())
                .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml")
                // the index javac wrote for the test sources (TaskKindIndexer), cut to this package's kinds
                .addAsResource(new StringAsset(indexOf(CountingTask.class.getPackageName())), TaskKindIndexer.INDEX);
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("taskq.it.war")))
                .addAsLibrary(new File(System.getProperty("taskq.it.exampleJar")), "taskq-example-digest.jar")
                .addAsLibrary(testKinds);
    }

    /** The lines of the test classes' task-kind index whose class is in {@code packageName}. */
    private static String indexOf(String packageName) {
        try (InputStream in = DeployedTaskq.class.getClassLoader().getResourceAsStream(TaskKindIndexer.INDEX)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> line.split("\t")[2].startsWith(packageName + "."))
                    .collect(Collectors.joining("\n", "", "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
