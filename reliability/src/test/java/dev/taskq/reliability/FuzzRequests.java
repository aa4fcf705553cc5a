package dev.taskq.reliability;

import dev.taskq.reliability.FuzzRequest.Expect;
import dev.taskq.reliability.lab.TaskSpec;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of requests to the REST API — valid tasks and every sort of bad input the issue lists: garbled
 * and truncated JSON, wrong types, huge strings, deep nesting, unicode and control characters, wrong content types,
 * oversized bodies, odd methods and paths. Each request knows which answer it must get: validity is decided by the
 * input rules README states (type one of three, text not blank and at most 10 000 characters, …), not by taskq.
 */
final class FuzzRequests {
    static final int MAX_TEXT = 10_000;
    static final int MAX_BODY_BYTES = 256 * 1024;

    private FuzzRequests() {
    }

    /** Any request to the REST API (or the original app's paths), weighted towards submissions. */
    @SuppressWarnings("unchecked")
    static Arbitrary<FuzzRequest> any() {
        return Arbitraries.frequencyOf(
                Tuple.of(20, textTasks()),
                Tuple.of(10, emailTasks()),
                Tuple.of(10, truncatedJson()),
                Tuple.of(8, notJson()),
                Tuple.of(4, jsonThatIsNoObject()),
                Tuple.of(8, wrongTypes()),
                Tuple.of(5, unknownTypes()),
                Tuple.of(5, deepNesting()),
                Tuple.of(5, tooLongText()),
                Tuple.of(4, oversizedBodies()),
                Tuple.of(8, wrongContentTypes()),
                Tuple.of(8, oddMethods()),
                Tuple.of(5, oddPaths()),
                Tuple.of(5, seedSubmissions()),
                Tuple.of(6, batches()));
    }

    /** Text of every sort: printable, control characters, any BMP character but lone surrogates, emoji. */
    static Arbitrary<String> text(int min, int max) {
        Arbitrary<String> bmp = Arbitraries.strings().withCharRange('\u0000', '\uD7FF')
                .withCharRange('\uE000', '\uFFFD')
                .ofMinLength(min).ofMaxLength(max);
        return Arbitraries.oneOf(bmp, Arbitraries.strings().ascii().ofMinLength(min).ofMaxLength(max),
                Arbitraries.strings().whitespace().ofMinLength(min).ofMaxLength(max),
                bmp.map(s -> s + "👍" + s));
    }

    /** The text rules: not blank (after trimming control characters and spaces) and not too long. */
    static boolean validText(String text, int max) {
        return !text.trim().isEmpty() && text.length() <= max;
    }

    private static Arbitrary<FuzzRequest> textTasks() {
        Arbitrary<String> texts = Arbitraries.oneOf(text(0, 300),
                Arbitraries.strings().alpha().ofMinLength(MAX_TEXT - 50).ofMaxLength(MAX_TEXT));
        return Combinators.combine(Arbitraries.of("reverse", "sentiment"), texts).as((type, text) ->
                FuzzRequest.submission(type + " text", type.equals("reverse") ? TaskSpec.reverse(text)
                        : TaskSpec.sentiment(text), validText(text, MAX_TEXT)));
    }

    private static Arbitrary<FuzzRequest> emailTasks() {
        Arbitrary<String> goodAddress = Combinators.combine(Arbitraries.strings().alpha().numeric().ofMinLength(1)
                .ofMaxLength(20), Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(5))
                .as((local, domain, tld) -> local + "@" + domain + "." + tld);
        Arbitrary<String> badAddress = text(0, 40).map(s -> s.replace("@", ""));
        Arbitrary<String> address = Arbitraries.oneOf(goodAddress, badAddress);
        return Combinators.combine(address, text(0, 230), text(0, 100)).as((recipient, subject, body) ->
                FuzzRequest.submission("email", TaskSpec.email(recipient, subject, body), recipient.contains("@")
                        && validText(subject, 200)));
    }

    private static Arbitrary<FuzzRequest> truncatedJson() {
        return Combinators.combine(textTasks(), Arbitraries.integers().between(0, 999)).as((request, permille) -> {
            String json = new String(request.body(), StandardCharsets.UTF_8);
            int at = (int) ((long) json.length() * permille / 1000);
            if (at > 0 && Character.isLowSurrogate(json.charAt(at))) {
                at--;
            }
            return FuzzRequest.post("truncated JSON", "api/tasks", "application/json", json.substring(0, at),
                    Expect.REFUSED);
        });
    }

    private static Arbitrary<FuzzRequest> notJson() {
        Arbitrary<FuzzRequest> garbage = text(0, 200).map(s -> FuzzRequest.post("garbage", "api/tasks",
                "application/json", "x" + s, Expect.REFUSED));
        Arbitrary<FuzzRequest> bytes = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300)
                .map(b -> new FuzzRequest("random bytes", "POST", "api/tasks", "application/json",
                        b[0] == '{' ? prefix(b) : b, Expect.REFUSED, null));
        return Arbitraries.oneOf(garbage, bytes);
    }

    private static byte[] prefix(byte[] bytes) {
        byte[] prefixed = new byte[bytes.length + 1];
        prefixed[0] = 'x';
        System.arraycopy(bytes, 0, prefixed, 1, bytes.length);
        return prefixed;
    }

    private static Arbitrary<FuzzRequest> jsonThatIsNoObject() {
        return Arbitraries.of("[]", "[[]]", "[{\"type\":\"reverse\",\"text\":\"x\"},42]", "\"reverse\"", "42", "-1e999", "true",
                        "null", "", "   ", "{", "}", "{}")
                .map(json -> FuzzRequest.post("JSON but no task", "api/tasks", "application/json", json,
                        Expect.REFUSED));
    }

    /** Arrays of 1 to 6 submissions, valid or not: accepted only when every one of them is valid (all or none). */
    private static Arbitrary<FuzzRequest> batches() {
        return Arbitraries.oneOf(textTasks(), emailTasks()).list().ofMinSize(1).ofMaxSize(6)
                .map(FuzzRequest::batch);
    }

    private static Arbitrary<FuzzRequest> wrongTypes() {
        // (a one-element array holding a string is read as that string by JSON-B: lenient, not refused)
        Arbitrary<String> value =
                Arbitraries.of("[]", "[\"reverse\", \"email\"]", "{}", "{\"text\":\"x\"}", "[1,2,{}]");
        Arbitrary<String> field = Arbitraries.of("type", "text");
        return Combinators.combine(field, value, Arbitraries.of("reverse", "sentiment")).as((name, v, type) ->
                FuzzRequest.post("wrong type", "api/tasks", "application/json", name.equals("type")
                        ? "{\"type\":" + v + ",\"text\":\"hello\"}"
                        : "{\"type\":\"" + type + "\",\"text\":" + v + "}", Expect.REFUSED));
    }

    private static Arbitrary<FuzzRequest> unknownTypes() {
        return text(0, 30).filter(t -> !t.equals("email") && !t.equals("reverse") && !t.equals("sentiment"))
                .map(type -> FuzzRequest.post("unknown type", "api/tasks", "application/json",
                        jsonObject("type", type, "text", "hello"), Expect.REFUSED));
    }

    private static Arbitrary<FuzzRequest> deepNesting() {
        return Combinators.combine(Arbitraries.integers().between(50, 100_000), Arbitraries.of("[", "{\"a\":"),
                Arbitraries.of(true, false)).as((depth, open, asType) -> {
            String close = open.equals("[") ? "]" : "}";
            String nested = open.repeat(depth) + "1" + close.repeat(depth);
            String body = asType ? "{\"type\":" + nested + ",\"text\":\"x\"}" : nested;
            return FuzzRequest.post("deep nesting", "api/tasks", "application/json", body, Expect.REFUSED);
        });
    }

    private static Arbitrary<FuzzRequest> tooLongText() {
        return Combinators.combine(Arbitraries.of("reverse", "sentiment"),
                Arbitraries.integers().between(MAX_TEXT + 1, 60_000)).as((type, length) ->
                FuzzRequest.post("text too long", "api/tasks", "application/json",
                        jsonObject("type", type, "text", "é".repeat(length)), Expect.REFUSED));
    }

    private static Arbitrary<FuzzRequest> oversizedBodies() {
        return Arbitraries.integers().between(MAX_BODY_BYTES + 1, 1_500_000).map(size ->
                FuzzRequest.post("oversized body", "api/tasks", "application/json",
                        jsonObject("type", "reverse", "text", "y".repeat(size)), Expect.REFUSED));
    }

    private static Arbitrary<FuzzRequest> wrongContentTypes() {
        return Combinators.combine(Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=xyz", "application/octet-stream", "foo/bar", "json"),
                textTasks()).as((type, request) -> new FuzzRequest("wrong content type", "POST", "api/tasks", type,
                request.body(), Expect.REFUSED, null));
    }

    private static Arbitrary<FuzzRequest> oddMethods() {
        Arbitrary<String> refused = Arbitraries.of("PUT", "DELETE", "PATCH", "PROPFIND", "BREW", "MKCOL");
        // TRACE goes without a body (RFC 9110 forbids one): Payara answers a TRACE with a body without reading it
        // and keeps the connection, so the body prefixes the next request on it (docs/reliability.md)
        Arbitrary<String> harmless = Arbitraries.of("OPTIONS", "HEAD", "GET", "TRACE");
        Arbitrary<String> path = Arbitraries.of("api/tasks", "api/tasks/" + UUID.randomUUID(), "submit");
        return Arbitraries.oneOf(
                Combinators.combine(refused, path, textTasks()).as((method, p, task) -> new FuzzRequest(
                        "odd method", method, p, "application/json", task.body(), Expect.REFUSED, null)),
                Combinators.combine(harmless, path).as((method, p) -> new FuzzRequest("safe method", method, p, null,
                        null, Expect.HARMLESS, null)));
    }

    private static Arbitrary<FuzzRequest> oddPaths() {
        Arbitrary<String> segment = Arbitraries.oneOf(text(1, 60), Arbitraries.create(() -> UUID.randomUUID()
                .toString()), Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40))
                .filter(s -> !s.matches("\\.+")); // "." and ".." are path navigation, not ids
        return Combinators.combine(Arbitraries.of("api/tasks/", "check_status/", "api/"), segment).as((base, s) ->
                new FuzzRequest("unknown path or id", "GET", base + URLEncoder.encode(s, StandardCharsets.UTF_8)
                        .replace("+", "%20"), null, null, Expect.REFUSED, null));
    }

    private static Arbitrary<FuzzRequest> seedSubmissions() {
        Arbitrary<String> types = Arbitraries.of("reverse", "sentiment", "nope", "");
        return Combinators.combine(types, text(0, 100)).as((type, text) -> {
            boolean valid = !type.isEmpty() && !type.equals("nope") && validText(text, MAX_TEXT);
            TaskSpec task = type.equals("sentiment") ? TaskSpec.sentiment(text) : TaskSpec.reverse(text);
            return FuzzRequest.post("original /submit", "submit", "application/json",
                    jsonObject("form_type", type, "text", text), valid ? Expect.ACCEPTED : Expect.REFUSED)
                    .withTask(valid ? task : null);
        });
    }

    private static String jsonObject(String... namesAndValues) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return object.build().toString();
    }
}
