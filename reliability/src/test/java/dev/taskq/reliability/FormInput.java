package dev.taskq.reliability;

import dev.taskq.reliability.lab.TaskSpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One generated submission of a Faces form of the main page ({@code email}, {@code reverse} or {@code sentiment}),
 * posted the way a browser posts it — with the page's real view state, or with a forged one.
 *
 * @param form       the form id
 * @param fields     field name (without the form prefix) → value
 * @param forgeState whether to send a made-up view state instead of the page's
 * @param task       the task it must become when valid ({@code null} when the input breaks a rule)
 */
record FormInput(String form, Map<String, String> fields, boolean forgeState, TaskSpec task) {

    static Arbitrary<FormInput> any() {
        Arbitrary<Boolean> forged = Arbitraries.of(false, false, false, true);
        Arbitrary<FormInput> text = Combinators.combine(Arbitraries.of("reverse", "sentiment"),
                FuzzRequests.text(0, 300), forged).as((form, value, forge) -> new FormInput(form,
                Map.of("text", value), forge, FuzzRequests.validText(value, FuzzRequests.MAX_TEXT)
                ? (form.equals("reverse") ? TaskSpec.reverse(value) : TaskSpec.sentiment(value)) : null));
        Arbitrary<String> recipient = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12)
                        .map(s -> s + "@example.org"),
                FuzzRequests.text(0, 40).map(s -> s.replace("@", "")));
        Arbitrary<FormInput> email = Combinators.combine(recipient, FuzzRequests.text(0, 230),
                FuzzRequests.text(0, 100), forged).as((to, subject, body, forge) -> {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("recipient", to);
            fields.put("subject", subject);
            fields.put("body", body);
            boolean valid = to.contains("@") && FuzzRequests.validText(subject, 200);
            return new FormInput("email", fields, forge, valid ? TaskSpec.email(to, subject, body) : null);
        });
        return Arbitraries.oneOf(text, email);
    }

    /** The url-encoded form body, as a browser sends it when the form's button is pressed. */
    String body(String viewState) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(form, form);
        fields.forEach((name, value) -> params.put(form + ":" + name, value));
        params.put(form + ":submit", "submit");
        params.put("jakarta.faces.ViewState", forgeState ? "-1234567890:987654321" : viewState);
        return params.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return form + " form " + fields.toString().replaceAll("\\p{Cntrl}", "·")
                + (forgeState ? " (forged state)" : "");
    }
}
