package io.plumeline.reporting.calculations;

import static io.plumeline.reporting.api.QueryParameters.shorten;

import io.plumeline.core.emissions.CalculationMethod;
import io.plumeline.core.emissions.CarbonStream;
import io.plumeline.core.units.Quantity;
import io.plumeline.core.units.UnitOfMeasure;
import io.plumeline.reporting.api.BadFieldException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON body of a calculation request into core's types, naming the field of anything it cannot read
 * by its path in the body. Whether the inputs suit the method (names, dimensions, signs) is the calculator's
 * to say: it is checked there once, for the API and the Flink job alike.
 */
@Component
class CalculationRequestReader {

    static final String EXAMPLE = "{\"method\":\"EPA_C1\",\"fuel\":\"natural_gas\",\"gwp\":\"AR5\","
            + "\"inputs\":{\"fuelQuantity\":{\"value\":1.0E8,\"uom\":\"scf\"}}}";
    private static final Set<String> FIELDS = Set.of("method", "fuel", "gwp", "inputs", "streams");
    private static final Set<String> QUANTITY_FIELDS = Set.of("value", "uom");
    private static final Set<String> STREAM_FIELDS = Set.of("name", "quantity", "carbonContent", "output");

    private static final List<String> UNITS = UnitOfMeasure.all().stream().map(UnitOfMeasure::symbol).toList();

    private final JsonMapper json;

    CalculationRequestReader(JsonMapper json) {
        this.json = json;
    }

    CalculationRequest read(String body) {
        if (body == null || body.isBlank()) {
            throw new BadFieldException("body", "is empty; send a JSON object such as " + EXAMPLE);
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new BadFieldException("body", "is not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()));
        }
        if (!root.isObject()) {
            throw new BadFieldException("body", "must be a JSON object such as " + EXAMPLE);
        }
        onlyKnown(root, "", FIELDS);
        return new CalculationRequest(method(root.get("method")), text(root, "fuel", ""), text(root, "gwp", ""),
                inputs(root.get("inputs")), streams(root.get("streams")));
    }

    private static CalculationMethod method(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new BadFieldException("method", "is required: one of " + Arrays.toString(CalculationMethod.values()));
        }
        if (!node.isString()) {
            throw new BadFieldException("method", "must be a method id (a string), one of "
                    + Arrays.toString(CalculationMethod.values()));
        }
        return CalculationMethod.find(node.stringValue()).orElseThrow(() -> new BadFieldException("method",
                "unknown method '" + shorten(node.stringValue()) + "'; one of " + Arrays.toString(CalculationMethod.values())));
    }

    private static Map<String, Quantity> inputs(JsonNode node) {
        Map<String, Quantity> inputs = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return inputs;
        }
        if (!node.isObject()) {
            throw new BadFieldException("inputs", "must be an object of input names to {\"value\", \"uom\"}");
        }
        for (Map.Entry<String, JsonNode> input : node.properties()) {
            inputs.put(input.getKey(), quantity(input.getValue(), "inputs." + input.getKey()));
        }
        return inputs;
    }

    private static List<CarbonStream> streams(JsonNode node) {
        List<CarbonStream> streams = new ArrayList<>();
        if (node == null || node.isNull()) {
            return streams;
        }
        if (!node.isArray()) {
            throw new BadFieldException("streams", "must be a list of {\"name\", \"quantity\", \"carbonContent\", \"output\"}");
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "streams[" + i + "]";
            JsonNode stream = node.get(i);
            if (!stream.isObject()) {
                throw new BadFieldException(path, "must be an object {\"name\", \"quantity\", \"carbonContent\", \"output\"}");
            }
            onlyKnown(stream, path + ".", STREAM_FIELDS);
            JsonNode output = stream.get("output");
            if (output == null || !output.isBoolean()) {
                throw new BadFieldException(path + ".output", "is required: true for a stream out of the installation"
                        + " (counted negative), false for one into it");
            }
            streams.add(new CarbonStream(text(stream, "name", path + "."),
                    optionalQuantity(stream.get("quantity"), path + ".quantity"),
                    optionalQuantity(stream.get("carbonContent"), path + ".carbonContent"), output.booleanValue()));
        }
        return streams;
    }

    /** Absent stays null, for the calculator to refuse as missing with the method's own words. */
    private static Quantity optionalQuantity(JsonNode node, String path) {
        return node == null || node.isNull() ? null : quantity(node, path);
    }

    private static Quantity quantity(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new BadFieldException(path, "must be an object {\"value\": number, \"uom\": unit}, e.g. {\"value\":1200,\"uom\":\"Nm3\"}");
        }
        onlyKnown(node, path + ".", QUANTITY_FIELDS);
        JsonNode value = node.get("value");
        if (value == null || !value.isNumber()) {
            throw new BadFieldException(path, "value must be a number, found " + (value == null ? "none" : shorten(value.toString())));
        }
        JsonNode uom = node.get("uom");
        if (uom == null || !uom.isString()) {
            throw new BadFieldException(path, "uom must be a unit of measure such as \"Nm3\", found "
                    + (uom == null ? "none" : shorten(uom.toString())));
        }
        UnitOfMeasure unit = UnitOfMeasure.find(uom.stringValue()).orElseThrow(() -> new BadFieldException(path,
                "unknown unit '" + shorten(uom.stringValue()) + "'; units are spelled exactly so: " + UNITS));
        // Through Number, so that an integer beyond double range becomes Infinity for the calculator to refuse.
        return new Quantity(value.numberValue().doubleValue(), unit);
    }

    private static String text(JsonNode parent, String name, String pathPrefix) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new BadFieldException(pathPrefix + name, "must be a string, found " + shorten(node.toString()));
        }
        return node.stringValue();
    }

    private static void onlyKnown(JsonNode object, String pathPrefix, Set<String> known) {
        for (String name : object.propertyNames()) {
            if (!known.contains(name)) {
                throw new BadFieldException(pathPrefix + name, "is not a field here; the fields are " + known.stream().sorted().toList());
            }
        }
    }
}
