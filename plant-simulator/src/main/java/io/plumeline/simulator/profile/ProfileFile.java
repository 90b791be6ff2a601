package io.plumeline.simulator.profile;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.plumeline.core.site.SiteModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a profiles file: one entry per tag id, e.g.
 * {@code heater-1.fuel_gas_flow: {shape: sine, mean: 1200, amplitude: 100, periodS: 1800, phase: 0.0, noise: 0}}.
 * Unknown tags, shapes and keys are refused with the file and the path of the mistake.
 */
final class ProfileFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Keys each shape takes, besides {@code shape} and {@code noise}. */
    private static final Map<String, List<String>> KEYS = Map.of(
            "constant", List.of("value"),
            "sine", List.of("mean", "amplitude", "periodS", "phase"),
            "ramp", List.of("from", "to", "periodS"),
            "step", List.of("low", "high", "periodS", "duty"));

    private final Path file;
    private final SiteModel model;
    private final long seed;

    private ProfileFile(Path file, SiteModel model, long seed) {
        this.file = file;
        this.model = model;
        this.seed = seed;
    }

    static Map<String, TagProfile> read(Path file, SiteModel model, long seed) {
        return new ProfileFile(file, model, seed).read();
    }

    private Map<String, TagProfile> read() {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (JacksonException e) {
            throw fail("", "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw fail("", "cannot read the file: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Map.of();
        }
        if (!root.isObject()) {
            throw fail("", "must map tag ids to profiles, found " + root.getNodeType());
        }
        Map<String, TagProfile> profiles = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String tagId = entry.getKey();
            if (model.tag(tagId).isEmpty()) {
                throw fail(tagId, "unknown tag; the site model has no tag '" + tagId + "'");
            }
            profiles.put(tagId, profile(tagId, entry.getValue()));
        }
        return profiles;
    }

    private TagProfile profile(String tagId, JsonNode spec) {
        if (!spec.isObject()) {
            throw fail(tagId, "must be a mapping such as {shape: sine, mean: 1200, amplitude: 100, periodS: 1800}");
        }
        JsonNode shapeNode = spec.get("shape");
        if (shapeNode == null || !shapeNode.isTextual()) {
            throw fail(tagId + ".shape", "is required; one of " + new TreeSet<>(KEYS.keySet()));
        }
        String shape = shapeNode.asText();
        List<String> keys = KEYS.get(shape);
        if (keys == null) {
            throw fail(tagId + ".shape", "unknown shape '" + shape + "'; one of " + new TreeSet<>(KEYS.keySet()));
        }
        Set<String> allowed = new TreeSet<>(keys);
        allowed.add("shape");
        allowed.add("noise");
        for (Iterator<String> names = spec.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw fail(tagId + "." + name, "unknown key for shape " + shape + "; known keys: " + allowed);
            }
        }
        Fields f = new Fields(tagId, spec);
        try {
            Profile profile = switch (shape) {
                case "constant" -> new ConstantProfile(f.required("value"));
                case "sine" -> new SineProfile(f.required("mean"), f.required("amplitude"), f.required("periodS"),
                        f.optional("phase", 0));
                case "ramp" -> new RampProfile(f.required("from"), f.required("to"), f.required("periodS"));
                case "step" -> new StepProfile(f.required("low"), f.required("high"), f.required("periodS"),
                        f.optional("duty", 0.5));
                default -> throw new IllegalStateException(shape);
            };
            double noise = f.optional("noise", 0);
            if (noise < 0) {
                throw fail(tagId + ".noise", "must not be negative, found " + noise);
            }
            return new TagProfile(tagId, profile, new Noise(seed, tagId, noise));
        } catch (IllegalArgumentException e) {
            throw fail(tagId, e.getMessage());
        }
    }

    private ProfileException fail(String path, String message) {
        return new ProfileException(file + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    /** Numeric fields of one profile, each refused with its own path. */
    private final class Fields {
        private final String tagId;
        private final JsonNode spec;

        Fields(String tagId, JsonNode spec) {
            this.tagId = tagId;
            this.spec = spec;
        }

        double required(String name) {
            JsonNode node = spec.get(name);
            if (node == null) {
                throw fail(tagId + "." + name, "is required");
            }
            return number(name, node);
        }

        double optional(String name, double fallback) {
            JsonNode node = spec.get(name);
            return node == null ? fallback : number(name, node);
        }

        private double number(String name, JsonNode node) {
            if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
                throw fail(tagId + "." + name, "must be a number, found '" + node.asText() + "'");
            }
            return node.asDouble();
        }
    }
}
