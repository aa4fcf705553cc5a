package dev.taskq.api.index;

import dev.taskq.api.TaskDefinition;
import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@value #INDEX} into the jar of every module that declares task kinds: one line per
 * {@link TaskDefinition} class, {@code name<TAB>queue<TAB>class}. javac runs it by itself when taskq-api is on the
 * class path, so a team writes nothing for it. taskq reads the index at deployment to know which queues the kinds
 * name before CDI has found the handlers (the message-driven bean is activated first).
 */
@SupportedAnnotationTypes("dev.taskq.api.TaskDefinition")
public class TaskKindIndexer extends AbstractProcessor {
    /** Where the index goes, in the module's jar. */
    public static final String INDEX = "META-INF/taskq/task-kinds";

    private final Set<String> lines = new TreeSet<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (Element element : round.getElementsAnnotatedWith(TaskDefinition.class)) {
            TaskDefinition definition = element.getAnnotation(TaskDefinition.class);
            lines.add(definition.name() + "\t" + definition.queue() + "\t" + ((TypeElement) element).getQualifiedName());
        }
        if (round.processingOver() && !lines.isEmpty()) {
            try {
                FileObject index = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", INDEX);
                try (Writer out = index.openWriter()) {
                    for (String line : lines) {
                        out.write(line + "\n");
                    }
                }
            } catch (IOException e) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + INDEX + ": " + e);
            }
        }
        return false;
    }
}
