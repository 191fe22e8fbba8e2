package dev.asyncjavalin.lab.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Results as JSON, written with Jackson: escaping and nesting are its job, not ours. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A measured number with two decimals; {@code null} for one that could not be computed (JSON has no NaN). */
    public static JsonNode number(double value) {
        return Double.isFinite(value) ? NODES.numberNode(BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN)) : NODES.nullNode();
    }

    /** A count; {@code null} for one not measured (negative). */
    public static JsonNode count(long count) {
        return count >= 0 ? NODES.numberNode(count) : NODES.nullNode();
    }

    public static String write(JsonNode node) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }
}
