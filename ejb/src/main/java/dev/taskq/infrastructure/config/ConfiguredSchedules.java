package dev.taskq.infrastructure.config;

import dev.taskq.application.ScheduleRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * The recurring schedules of the configuration: every {@code taskq.schedules.<id>.cron} (or environment variable
 * {@code TASKQ_SCHEDULES_<ID>_CRON}, the id then in lower case) with {@code .type}, and optionally {@code .input}
 * (a JSON object), {@code .zone}, {@code .name}, {@code .enabled}, {@code .missed-runs} and
 * {@code .skip-if-running}.
 */
@ApplicationScoped
public class ConfiguredSchedules {
    private static final Logger LOG = Logger.getLogger(ConfiguredSchedules.class.getName());
    private static final Pattern PROPERTY = Pattern.compile("taskq\\.schedules\\.([^.]+)\\.cron");
    private static final Pattern VARIABLE = Pattern.compile("TASKQ_SCHEDULES_([A-Z0-9_]+)_CRON");

    @Inject
    Config config;

    /** Each configured schedule, by id; one whose input is not a JSON object is logged and left out. */
    public List<ScheduleRequest> read() {
        TreeSet<String> ids = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            Matcher property = PROPERTY.matcher(name);
            Matcher variable = VARIABLE.matcher(name);
            if (property.matches()) {
                ids.add(property.group(1));
            } else if (variable.matches()) {
                ids.add(variable.group(1).toLowerCase(Locale.ROOT));
            }
        }
        List<ScheduleRequest> requests = new ArrayList<>();
        for (String id : ids) {
            String input = value(id, "input").orElse("{}");
            JsonObject json;
            try (JsonReader reader = Json.createReader(new StringReader(input))) {
                json = reader.readObject();
            } catch (JsonException | IllegalStateException e) {
                LOG.severe(() -> "schedule " + id + " of the configuration is left out: taskq.schedules." + id
                        + ".input is not a JSON object: " + input);
                continue;
            }
            requests.add(new ScheduleRequest(id, value(id, "name").orElse(null), value(id, "cron").orElse(null),
                    value(id, "zone").orElse(null), value(id, "type").orElse(null), json,
                    value(id, "enabled").map(Boolean::parseBoolean).orElse(null),
                    value(id, "missed-runs").orElse(null),
                    value(id, "skip-if-running").map(Boolean::parseBoolean).orElse(null)));
        }
        return requests;
    }

    private Optional<String> value(String id, String attribute) {
        return config.getOptionalValue("taskq.schedules." + id + "." + attribute, String.class);
    }
}
