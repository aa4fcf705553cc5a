package dev.taskq.interfaces.rest;

import dev.taskq.infrastructure.plugins.ConfiguredTaskKinds;
import dev.taskq.domain.InputField;
import dev.taskq.domain.TaskKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Discriminator;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Adds one OpenAPI schema per task kind of this deployment ({@code Task_<name>}: {@code type} plus the kind's
 * fields, with their types, required marks and limits, read from the input record and its constraints), and
 * {@code Task}, one of them; the body of {@code POST /api/tasks} is a {@code Task} or an array of 1 to
 * {@value TaskSubmissions#MAX_TASKS} of them. Registered as {@code mp.openapi.filter}.
 */
public class KindSchemas implements OASFilter {
    private static final Logger LOG = Logger.getLogger(KindSchemas.class.getName());
    static final String TASKS_PATH = RestApplication.PATH + "/tasks";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        List<TaskKind> kinds = List.copyOf(ConfiguredTaskKinds.deployed());
        if (kinds.isEmpty()) {
            LOG.warning("OpenAPI: no task kinds are deployed (yet); the submit body has no schema");
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        List<Schema> oneOf = new ArrayList<>();
        Discriminator discriminator = OASFactory.createDiscriminator().propertyName("type");
        for (TaskKind kind : kinds) {
            String name = "Task_" + kind.name();
            openAPI.getComponents().addSchema(name, schemaOf(kind));
            String ref = "#/components/schemas/" + name;
            oneOf.add(OASFactory.createSchema().ref(ref));
            discriminator.addMapping(kind.name(), ref);
        }
        PathItem tasks = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem(TASKS_PATH);
        Operation submit = tasks == null ? null : tasks.getPOST();
        if (submit == null || submit.getRequestBody() == null) {
            return;
        }
        openAPI.getComponents().addSchema("Task", OASFactory.createSchema().oneOf(oneOf)
                .discriminator(discriminator));
        Schema task = OASFactory.createSchema().ref("#/components/schemas/Task");
        Schema body = OASFactory.createSchema().oneOf(List.of(task, OASFactory.createSchema()
                .type(SchemaType.ARRAY).items(task).minItems(1).maxItems(TaskSubmissions.MAX_TASKS)
                .description("a batch: accepted all or none, answered with one id per task, in order")));
        Content content = submit.getRequestBody().getContent();
        if (content == null) {
            content = OASFactory.createContent();
            submit.getRequestBody().setContent(content);
        }
        MediaType json = content.getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
        if (json == null) {
            json = OASFactory.createMediaType();
            content.addMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON, json);
        }
        json.setSchema(body);
    }

    static Schema schemaOf(TaskKind kind) {
        Schema schema = OASFactory.createSchema().type(SchemaType.OBJECT).title(kind.title())
                .description(kind.description().isEmpty() ? null : kind.description())
                .addProperty("type", OASFactory.createSchema().type(SchemaType.STRING)
                        .enumeration(List.of(kind.name())))
                .addRequired("type");
        for (InputField field : kind.fields()) {
            schema.addProperty(field.name(), schemaOf(field));
            if (field.required()) {
                schema.addRequired(field.name());
            }
        }
        return schema;
    }

    private static Schema schemaOf(InputField field) {
        Schema schema = OASFactory.createSchema().title(field.label());
        if (!field.help().isEmpty()) {
            schema.description(field.help());
        }
        switch (field.type()) {
            case TEXT -> {
                schema.type(SchemaType.STRING).maxLength(field.maxLength());
                if (field.email()) {
                    schema.format("email");
                }
            }
            case CHOICE -> schema.type(SchemaType.STRING).enumeration(new ArrayList<>(field.choices()));
            case INTEGER -> schema.type(SchemaType.INTEGER);
            case DECIMAL -> schema.type(SchemaType.NUMBER);
            case BOOLEAN -> schema.type(SchemaType.BOOLEAN);
        }
        if (field.min() != null) {
            schema.minimum(BigDecimal.valueOf(field.min()));
        }
        if (field.max() != null) {
            schema.maximum(BigDecimal.valueOf(field.max()));
        }
        return schema;
    }
}
