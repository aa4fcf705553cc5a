package dev.taskq.infrastructure.plugins;

import dev.taskq.api.TaskDefinition;
import dev.taskq.api.TaskHandler;
import dev.taskq.domain.TaskKind;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Finds the task handlers at deployment: every CDI bean that implements {@link TaskHandler} and carries
 * {@link TaskDefinition}, in any bean archive of the application (taskq's own modules, a team's jar in
 * {@code WEB-INF/lib} or the EAR's {@code lib/}). Fails the deployment with a clear message when two handlers share a
 * name, a name is not valid, or a handler lacks its annotation.
 */
public class TaskHandlerDiscovery implements Extension {
    private static final Logger LOG = Logger.getLogger(TaskHandlerDiscovery.class.getName());
    private final Map<String, List<Class<?>>> byName = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    <T> void handlerFound(@Observes ProcessManagedBean<T> event) {
        Class<?> type = event.getAnnotatedBeanClass().getJavaClass();
        if (!TaskHandler.class.isAssignableFrom(type) || type.isInterface()
                || java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
            return;
        }
        TaskDefinition definition = type.getAnnotation(TaskDefinition.class);
        if (definition == null) {
            problems.add("task handler " + type.getName() + " has no @TaskDefinition (its name and policy)");
            return;
        }
        if (!TaskKind.isValidName(definition.name())) {
            problems.add("task handler " + type.getName() + ": '" + definition.name() + "' is not a valid task kind"
                    + " name (1-63 lower-case letters, digits, '-' or '_')");
            return;
        }
        byName.computeIfAbsent(definition.name(), n -> new ArrayList<>()).add(type);
        LOG.fine(() -> "task handler " + type.getName() + " (" + definition.name() + ", queue " + definition.queue()
                + ") found");
    }

    void checkNames(@Observes AfterDeploymentValidation event) {
        byName.forEach((name, types) -> {
            if (types.size() > 1) {
                problems.add("two task handlers are named '" + name + "': "
                        + types.stream().map(Class::getName).sorted().toList()
                        + "; each kind of task needs a name of its own (@TaskDefinition(name = ...))");
            }
        });
        for (String problem : problems) {
            event.addDeploymentProblem(new DeploymentException(problem));
        }
        if (problems.isEmpty()) {
            LOG.info(() -> "task kinds found: " + String.join(", ", byName.keySet()));
        }
    }

    /** The handler classes found, by kind name (one each once the deployment is valid). */
    public Map<String, Class<?>> handlers() {
        Map<String, Class<?>> handlers = new LinkedHashMap<>();
        byName.forEach((name, types) -> handlers.put(name, types.get(0)));
        return Collections.unmodifiableMap(handlers);
    }
}
