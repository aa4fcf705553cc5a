package dev.taskq.domain;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TaskInputRulesTest {
    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static Set<String> brokenFields(TaskInput input) {
        return validator.validate(input).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .collect(Collectors.toSet());
    }

    @Test
    void aCompleteEmailIsValidAndItsBodyIsOptional() {
        assertThat(brokenFields(new EmailTask("ada@example.com", "Hi", "Hello"))).isEmpty();
        assertThat(brokenFields(new EmailTask("ada@example.com", "Hi", null))).isEmpty();
    }

    @Test
    void anEmailNeedsAnAddressAndASubject() {
        assertThat(brokenFields(new EmailTask("not an address", "Hi", ""))).containsExactly("recipient");
        assertThat(brokenFields(new EmailTask(null, " ", ""))).containsExactlyInAnyOrder("recipient", "subject");
    }

    @Test
    void textMustBeThereAndAtMostTenThousandCharacters() {
        assertThat(brokenFields(new TextTask(TaskKind.REVERSE, "x".repeat(10_000)))).isEmpty();
        assertThat(brokenFields(new TextTask(TaskKind.REVERSE, "x".repeat(10_001)))).containsExactly("text");
        assertThat(brokenFields(new TextTask(TaskKind.SENTIMENT, "  "))).containsExactly("text");
        assertThat(brokenFields(new TextTask(TaskKind.SENTIMENT, null))).containsExactly("text");
    }

    @Test
    void anInputSurvivesItsParameters() {
        EmailTask email = new EmailTask("ada@example.com", "Hi", "Hello");
        EmailTask rebuilt = (EmailTask) TaskInput.of(TaskKind.EMAIL, email.parameters());
        assertThat(rebuilt.getRecipient()).isEqualTo("ada@example.com");
        assertThat(rebuilt.getSubject()).isEqualTo("Hi");
        assertThat(rebuilt.getBody()).isEqualTo("Hello");
        assertThat(TaskInput.of(TaskKind.SENTIMENT, Map.of("text", "t")).kind()).isEqualTo(TaskKind.SENTIMENT);
    }
}
