package dev.taskq.reliability.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * What Redis — taskq's one source of truth — says happened to tasks: per task id its state, result, error, the
 * {@code attempts} counter (executions: incremented when an attempt's work starts), the {@code commits} counter
 * (incremented inside the compare-and-set that makes the task terminal) and its e-mail "sent" record.
 */
public final class Ledger {
    private static final Set<String> TERMINAL = Set.of("SUCCESS", "FAILURE", "REVOKED");
    /** Attempts a task makes when nothing goes wrong around it: one, or four for a failing e-mail. */
    private static final Map<String, Integer> NORMAL_ATTEMPTS = Map.of("SUCCESS", 1, "FAILURE", 4);

    /** The tests' client of the lab's Redis: a new one after each restart of the server. */
    private final Supplier<JedisPooled> redis;
    private final String prefix;

    Ledger(Supplier<JedisPooled> redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    /** One task as Redis has it ({@code state} null when there is no record). */
    public record Entry(String id, String state, String result, String error, int attempts, int commits,
            long sentRecords) {
        public boolean terminal() {
            return state != null && TERMINAL.contains(state);
        }
    }

    /** The entries of {@code ids}, in their order. */
    public List<Entry> read(Collection<String> ids) {
        Map<String, Response<List<String>>> hashes = new LinkedHashMap<>();
        Map<String, Response<Long>> sent = new LinkedHashMap<>();
        try (AbstractPipeline pipeline = redis.get().pipelined()) {
            for (String id : ids) {
                hashes.put(id, pipeline.hmget(prefix + ":task:" + id, "state", "result", "error", "attempts",
                        "commits"));
                sent.put(id, pipeline.llen(prefix + ":email:sent:" + id));
            }
            pipeline.sync();
        }
        List<Entry> entries = new ArrayList<>(ids.size());
        hashes.forEach((id, response) -> {
            List<String> f = response.get();
            entries.add(new Entry(id, f.get(0), f.get(1), f.get(2), number(f.get(3)), number(f.get(4)),
                    sent.get(id).get()));
        });
        return entries;
    }

    /** How many of {@code ids} are terminal. */
    public long terminal(Collection<String> ids) {
        return read(ids).stream().filter(Entry::terminal).count();
    }

    /** Waits (up to three minutes) until at least {@code count} of the tasks {@code ids} names are terminal. */
    public void awaitTerminal(Supplier<Collection<String>> ids, int count) {
        Processes.await(count + " tasks terminal", Duration.ofMinutes(3), () -> terminal(ids.get()) >= count);
    }

    /**
     * Waits (up to three minutes) until at least {@code count} of the tasks {@code ids} names are not yet terminal:
     * a backlog, so that a fault hits tasks in the queue and in flight, not an idle worker.
     */
    public void awaitBacklog(Supplier<Collection<String>> ids, int count) {
        Processes.await(count + " tasks waiting or running", Duration.ofMinutes(3), () -> {
            Collection<String> current = ids.get();
            return current.size() - terminal(current) >= count;
        });
    }

    /** Waits until all of {@code ids} are terminal, or two minutes passed (then the tally shows the lost ones). */
    public void awaitAllTerminal(Collection<String> ids) {
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (terminal(ids) < ids.size() && System.nanoTime() < end) {
            Processes.sleep(Duration.ofMillis(250));
        }
    }

    /** How many of {@code ids} are in {@code state}. */
    public long inState(Collection<String> ids, String state) {
        return read(ids).stream().filter(e -> state.equals(e.state())).count();
    }

    /** Judges every accepted task against what it should have become. */
    public Tally tally(Map<String, TaskSpec> accepted) {
        Tally tally = new Tally();
        for (Entry e : read(accepted.keySet())) {
            TaskSpec spec = accepted.get(e.id());
            tally.accepted++;
            if (!e.terminal()) {
                tally.lost++;
                tally.example("not terminal: " + e);
                continue;
            }
            tally.terminal++;
            if (e.commits() > 1) {
                tally.duplicateCommits++;
                tally.example("committed " + e.commits() + " times: " + e);
            }
            if (e.attempts() > NORMAL_ATTEMPTS.getOrDefault(e.state(), 1)) {
                tally.executedTwice++;
            }
            boolean rightOutcome = e.commits() == 1 && e.state().equals(spec.expectedState())
                    && (e.state().equals("SUCCESS") ? spec.expectedResult().equals(e.result())
                    : e.error() != null && !e.error().isBlank() && e.result() == null);
            if (!rightOutcome) {
                tally.wrongOutcomes++;
                tally.example("wrong outcome for " + spec + ": " + e);
            }
            long expectedSent = spec.type().equals("email") && e.state().equals("SUCCESS") ? 1 : 0;
            if (e.sentRecords() != expectedSent) {
                tally.wrongSentRecords++;
                tally.example(e.sentRecords() + " sent records: " + e);
            }
        }
        return tally;
    }

    /** How many task records the instance has in Redis. */
    public long taskRecords() {
        return taskIds().size();
    }

    /**
     * Task records marked {@code tag} that belong to no accepted task: submissions whose 202 the user never got
     * (their request died with the instance) or that were answered 503 but left something behind.
     */
    public List<Entry> strays(String tag, Set<String> accepted) {
        List<String> ids = new ArrayList<>();
        for (String id : taskIds()) {
            String params = accepted.contains(id) ? null : redis.get().hget(prefix + ":task:" + id, "params");
            if (params != null && params.contains(tag + " task ")) {
                ids.add(id);
            }
        }
        return read(ids);
    }

    private List<String> taskIds() {
        List<String> ids = new ArrayList<>();
        ScanParams match = new ScanParams().match(prefix + ":task:*").count(1000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.get().scan(cursor, match);
            for (String key : page.getResult()) {
                String id = key.substring((prefix + ":task:").length());
                if (!id.contains(":")) {
                    ids.add(id);
                }
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return ids;
    }

    /** " (3 PENDING, 5 SUCCESS)": how many of {@code entries} are in each state; "" for none. */
    public static String byState(List<Entry> entries) {
        if (entries.isEmpty()) {
            return "";
        }
        return entries.stream().collect(Collectors.groupingBy(e -> String.valueOf(e.state()), TreeMap::new,
                        Collectors.counting())).entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ", " (", ")"));
    }

    private static int number(String value) {
        return value == null ? 0 : Integer.parseInt(value);
    }

    /** Counts over the accepted tasks of a scenario. */
    public static final class Tally {
        public int accepted;
        public int terminal;
        public int lost;
        public int duplicateCommits;
        public int executedTwice;
        public int wrongOutcomes;
        public int wrongSentRecords;
        public final List<String> examples = new ArrayList<>();

        private void example(String text) {
            if (examples.size() < 10) {
                examples.add(text);
            }
        }

        @Override
        public String toString() {
            return "accepted " + accepted + ", terminal " + terminal + ", lost " + lost + ", duplicate commits "
                    + duplicateCommits + ", executed twice " + executedTwice + ", wrong outcomes " + wrongOutcomes
                    + ", wrong sent records " + wrongSentRecords + (examples.isEmpty() ? "" : ", e.g. " + examples);
        }
    }
}
