package dev.taskq.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.domain.TaskInput;
import dev.taskq.domain.TaskKind;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InputRulesTest {
    private final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();
    private final InputRules rules = new InputRules(validation.getValidator());

    @AfterEach
    void close() {
        validation.close();
    }

    @Test
    void theFormsMarkAsRequiredWhatTheDomainRulesRequire() {
        assertThat(rules.required(TaskKind.EMAIL, "recipient")).isTrue();
        assertThat(rules.required(TaskKind.EMAIL, "subject")).isTrue();
        assertThat(rules.required(TaskKind.EMAIL, "body")).isFalse();
        assertThat(rules.required(TaskKind.REVERSE, "text")).isTrue();
        assertThat(rules.required(TaskKind.SENTIMENT, "nothing")).isFalse();
    }

    @Test
    void theFormsLimitLengthsAsTheDomainRulesDo() {
        assertThat(rules.maxLength(TaskKind.EMAIL, "recipient")).isEqualTo(254);
        assertThat(rules.maxLength(TaskKind.EMAIL, "body")).isEqualTo(TaskInput.MAX_TEXT_LENGTH);
        assertThat(rules.maxLength(TaskKind.SENTIMENT, "text")).isEqualTo(TaskInput.MAX_TEXT_LENGTH);
        assertThat(rules.maxLength(TaskKind.EMAIL, "nothing")).isEqualTo(InputRules.UNSET);
    }
}
