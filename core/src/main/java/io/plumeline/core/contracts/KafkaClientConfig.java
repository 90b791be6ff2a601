package io.plumeline.core.contracts;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Kafka client settings an operator gives a process in a properties file ({@value #OPTION} FILE): TLS,
 * SASL and whatever else the process does not set itself. Every Kafka client of the process gets all of them.
 * A file that would change what the process relies on (where it connects, how it serializes, its consumer
 * group, its delivery guarantees) is refused at start, as is a setting no client of the process knows: Kafka
 * only warns about an unknown key, so a misspelt {@code security.protocol} would silently mean plaintext.
 * Messages name keys, never values, since the file holds passwords.
 */
public final class KafkaClientConfig {

    public static final String OPTION = "--kafka-config";

    private static final KafkaClientConfig NONE = new KafkaClientConfig(Map.of());

    private final Map<String, String> settings;

    private KafkaClientConfig(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    public static KafkaClientConfig none() {
        return NONE;
    }

    /**
     * Reads {@code file}, or gives {@link #none()} when it is null.
     *
     * @param known the settings the process's clients take
     * @param reserved the settings the process sets itself
     * @throws IllegalArgumentException naming the option, the file and the key at fault
     */
    public static KafkaClientConfig read(Path file, Set<String> known, Set<String> reserved) {
        if (file == null) return NONE;
        String where = OPTION + " " + file + ": ";
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            loaded.load(reader);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(where + "no such file");
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "cannot read it (" + e.getMessage() + ")");
        }
        Map<String, String> settings = new TreeMap<>();
        loaded.stringPropertyNames().forEach(key -> settings.put(key, loaded.getProperty(key).strip()));
        for (String key : settings.keySet()) {
            if (reserved.contains(key)) {
                throw new IllegalArgumentException(where + key + " is set by the process itself; remove it");
            }
            if (!known.contains(key)) {
                throw new IllegalArgumentException(where + "unknown Kafka client setting " + key);
            }
            // Kafka would only say so when a client is made, deep in a retry loop.
            if (key.endsWith(".location") && !Files.isReadable(Path.of(settings.get(key)))) {
                throw new IllegalArgumentException(where + key + " " + settings.get(key) + ": no such file or not readable");
            }
        }
        return new KafkaClientConfig(settings);
    }

    /** The file's settings, a new copy for each client. */
    public Properties properties() {
        Properties properties = new Properties();
        properties.putAll(settings);
        return properties;
    }

    /** The file's settings, then {@code own} (the process's settings) on top. */
    public Properties with(Map<String, ?> own) {
        Properties properties = properties();
        properties.putAll(own);
        return properties;
    }
}
