package dev.taskq.it;

import static dev.taskq.it.ServerUnderTest.adminPassword;
import static dev.taskq.it.ServerUnderTest.adminUrl;
import static dev.taskq.it.ServerUnderTest.adminUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Payara Server admin console of the taskq domain, as its administrator sees it: a login page that takes the
 * configured password (and no other), the taskq application with its web, EJB and connector modules, the
 * resource adapter's configuration, and monitoring of the message-driven bean.
 */
class AdminConsoleIT {
    /** The console loads on its first visit, answering 202 meanwhile. */
    private static final Duration CONSOLE_LOAD_TIMEOUT = Duration.ofSeconds(180);

    @BeforeAll
    static void consoleHasLoaded() {
        Console anonymous = new Console();
        await().atMost(CONSOLE_LOAD_TIMEOUT).pollInterval(Duration.ofSeconds(2))
                .until(() -> anonymous.get("/").status(), status -> status == 200);
    }

    @Test
    void consoleAsksForALoginAndAcceptsOnlyTheConfiguredPassword() {
        Page loginPage = new Console().get("/");
        assertThat(loginPage.status()).isEqualTo(200);
        assertThat(loginPage.title()).isEqualTo("Login");
        assertThat(loginPage.body()).contains("j_security_check", "j_password");

        Console intruder = new Console();
        intruder.logIn(adminUser(), adminPassword() + "-wrong");
        assertThat(intruder.get("/").title()).isEqualTo("Login");

        Console admin = new Console();
        admin.logIn(adminUser(), adminPassword());
        Page home = admin.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.title()).contains("Payara Server Console", "Common Tasks");
    }

    @Test
    void consoleShowsTheTaskqApplicationWithItsWebEjbAndConnectorModules() {
        Console admin = loggedIn();

        Page applications = admin.get("/common/applications/applications.jsf");
        assertThat(applications.text()).contains("taskq");
        // the only application, so the first row's "Engines" column; faulttolerance: MicroProfile FT is on
        Matcher engines = Pattern.compile("colsnif\"[^>]*>([^<]*)<").matcher(applications.body());
        assertThat(engines.find()).as("an Engines column").isTrue();
        assertThat(engines.group(1).split(",\\s*")).contains("connector", "ejb", "web", "faulttolerance");

        Page taskq = admin.get("/common/applications/applicationEdit.jsf?appName=taskq");
        assertThat(taskq.title()).isEqualTo("Edit Application");
        assertThat(taskq.text()).contains("taskq-web.war", "taskq-ejb.jar", "rabbitmq-ra.rar", "TaskConsumerBean");
    }

    @Test
    void consoleShowsTheResourceAdapterConfigurationAsTheTaskqRabbitmqKeys() {
        Page config = loggedIn().get("/jca/resourceAdapterConfigEdit.jsf?name=taskq%23rabbitmq-ra");

        assertThat(config.title()).isEqualTo("Edit Resource Adapter Config");
        assertThat(config.text()).contains("taskq#rabbitmq-ra");
        assertThat(config.body()).as("the property fields").contains("value=\"${taskq.rabbitmq.host}\"",
                "value=\"${taskq.rabbitmq.port}\"", "value=\"${taskq.rabbitmq.username}\"",
                "value=\"${taskq.rabbitmq.virtual-host}\"");
    }

    /** The numbers the console's monitoring pages show, read from the same admin REST monitoring API. */
    @Test
    void monitoringCountsTheMessagesOfTheMdbAndShowsAtMostFourBeansOfTheQueueAtATime() {
        String bean = "/monitoring/domain/server/applications/taskq/taskq-ejb.jar/TaskConsumerBean";
        long messagesBefore = monitored(bean).getJsonObject("messagecount").getJsonNumber("count").longValue();

        TaskqClient client = new TaskqClient(ServerUnderTest.url());
        List<String> ids = IntStream.range(0, 6)
                .mapToObj(i -> client.submit("{\"type\":\"sentiment\",\"text\":\"good " + i + "\"}")).toList();
        ids.forEach(id -> ServerUnderTest.awaitEnd(client, id));

        long messagesAfter = monitored(bean).getJsonObject("messagecount").getJsonNumber("count").longValue();
        assertThat(messagesAfter - messagesBefore).as("messages the MDB received").isGreaterThanOrEqualTo(6);
        JsonObject beansInPool = monitored(bean + "/bean-pool").getJsonObject("numbeansinpool");
        // the pool is a ceiling over all queues together; each queue's 4 consumers bound its concurrency
        assertThat(beansInPool.getInt("upperbound")).as("bean pool ceiling").isEqualTo(64);
        assertThat(beansInPool.getInt("highwatermark")).as("most beans of the one queue at a time").isBetween(1, 4);
    }

    private static Console loggedIn() {
        Console admin = new Console();
        admin.logIn(adminUser(), adminPassword());
        return admin;
    }

    private static JsonObject monitored(String path) {
        String credentials = Base64.getEncoder()
                .encodeToString((adminUser() + ":" + adminPassword()).getBytes(StandardCharsets.UTF_8));
        Page answer = new Console().send(HttpRequest.newBuilder(adminUrl().resolve(path))
                .header("Accept", "application/json").header("Authorization", "Basic " + credentials).GET());
        assertThat(answer.status()).as("GET %s", path).isEqualTo(200);
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.readObject().getJsonObject("extraProperties").getJsonObject("entity");
        }
    }

    /** A browser on the admin console: one session (cookies), following redirects. */
    private static final class Console {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();

        Page get(String path) {
            return send(HttpRequest.newBuilder(adminUrl().resolve(path)).GET());
        }

        /** Fills in the login form and sends it, as a user does. */
        void logIn(String user, String password) {
            get("/");
            String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                    + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&loginButton=Login";
            send(HttpRequest.newBuilder(adminUrl().resolve("/j_security_check"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        Page send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return new Page(response.statusCode(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A page of the console: its status, HTML and title. */
    private record Page(int status, String body) {
        String title() {
            int start = body.indexOf("<title>");
            int end = body.indexOf("</title>", start);
            return start < 0 || end < 0 ? "" : body.substring(start + "<title>".length(), end).strip();
        }

        /** The page's text without its markup, as a reader sees it. */
        String text() {
            return body.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]+>", " ")
                    .replace("&nbsp;", " ").replace("&#35;", "#").replaceAll("\\s+", " ");
        }
    }
}
