package io.dharma.infra.compose;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipFile;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration properties one service has, from the {@code META-INF/spring-configuration-metadata.json}
 * of every jar and module on its runtime classpath (Spring Boot's jars carry theirs; Dharma's modules
 * get theirs from spring-boot-configuration-processor), and which of them an environment variable
 * sets under Spring Boot's relaxed binding.
 *
 * <p>The metadata lists a {@code List} or {@code Map} of objects as one property; the properties of
 * those objects (e.g. {@code dharma.security.issuers[0].issuer-uri}) are read from the element
 * class itself, loaded from the service's classpath. A match is then confirmed by Spring Boot's own
 * environment-variable mapping, so this class can be stricter than Boot but never looser.
 */
final class ConfigurationMetadata implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, TypeDescription> properties;
    private final URLClassLoader classes;

    private ConfigurationMetadata(Map<String, TypeDescription> properties, URLClassLoader classes) {
        this.properties = properties;
        this.classes = classes;
    }

    /**
     * The metadata of a reactor module as its JVM sees it: its {@code target/classes} and the
     * {@code target/runtime-classpath.txt} the build writes (the parent pom's dependency plugin).
     */
    static ConfigurationMetadata ofModule(Path repository, String module) {
        Path target = repository.resolve(module).resolve("target");
        Path classpathFile = target.resolve("runtime-classpath.txt");
        if (!Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException(classpathFile + " is missing: build " + module
                    + " first (./mvnw -pl infra -am test builds it)");
        }
        List<Path> classpath = new ArrayList<>();
        classpath.add(target.resolve("classes"));
        try {
            for (String entry : Files.readString(classpathFile).strip().split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    classpath.add(Path.of(entry));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(classpath);
    }

    static ConfigurationMetadata of(List<Path> classpath) {
        Map<String, TypeDescription> properties = new TreeMap<>();
        for (Path entry : classpath) {
            for (JsonNode metadata : metadataIn(entry)) {
                for (JsonNode property : metadata.path("properties")) {
                    properties.put(property.path("name").asString(),
                            TypeDescription.parse(property.path("type").asString("java.lang.Object")));
                }
            }
        }
        URL[] urls = classpath.stream().map(ConfigurationMetadata::url).toArray(URL[]::new);
        return new ConfigurationMetadata(properties, new URLClassLoader(urls, ClassLoader.getPlatformClassLoader()));
    }

    /** Every property the metadata names (without the element properties of lists and maps). */
    Collection<String> names() {
        return properties.keySet();
    }

    /** The property {@code environmentVariable} sets, in its canonical form, or empty when the service has none. */
    Optional<String> propertyOf(String environmentVariable) {
        List<String> tokens = List.of(environmentVariable.toLowerCase(Locale.ROOT).split("_", -1));
        Optional<String> mapEntry = Optional.empty();
        for (Map.Entry<String, TypeDescription> property : properties.entrySet()) {
            Optional<String> matched = match(tokens, 0, List.of(property.getKey().split("\\.")), "", property.getValue())
                    .filter(canonical -> springBootBinds(environmentVariable, canonical));
            if (matched.isPresent() && properties.containsKey(matched.get())) {
                return matched;
            }
            mapEntry = mapEntry.or(() -> matched);
        }
        return mapEntry;
    }

    private Optional<String> match(List<String> tokens, int from, List<String> elements, String prefix,
            TypeDescription type) {
        int next = from;
        StringBuilder name = new StringBuilder(prefix);
        for (String element : elements) {
            next = consume(tokens, next, element);
            if (next < 0) {
                return Optional.empty();
            }
            name.append(name.isEmpty() ? "" : ".").append(element);
        }
        return rest(tokens, next, name.toString(), type);
    }

    /** Matches one name element ({@code issuer-uri}) as {@code ISSUERURI} or {@code ISSUER_URI}; the next token, or -1. */
    private static int consume(List<String> tokens, int at, String element) {
        if (at < tokens.size() && tokens.get(at).equals(element.replace("-", ""))) {
            return at + 1;
        }
        String[] parts = element.split("-");
        if (parts.length > 1 && at + parts.length <= tokens.size()
                && Arrays.equals(parts, tokens.subList(at, at + parts.length).toArray(String[]::new))) {
            return at + parts.length;
        }
        return -1;
    }

    /** What may follow a property's name: nothing, a map key, a list index, or an object's property. */
    private Optional<String> rest(List<String> tokens, int at, String name, TypeDescription type) {
        if (at == tokens.size()) {
            return Optional.of(name);
        }
        List<String> remaining = tokens.subList(at, tokens.size());
        if (remaining.stream().anyMatch(String::isEmpty)) {
            return Optional.empty();
        }
        if (isA(type, Map.class)) {
            return Optional.of(name + "." + String.join(".", remaining));
        }
        if (type.isArray() || isA(type, Collection.class)) {
            if (!remaining.getFirst().chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            TypeDescription element = type.isArray() ? type.component() : type.argument(0);
            return rest(tokens, at + 1, name + "[" + remaining.getFirst() + "]", element);
        }
        for (Map.Entry<String, TypeDescription> property : propertiesOf(type).entrySet()) {
            Optional<String> matched = match(tokens, at, List.of(property.getKey()), name, property.getValue());
            if (matched.isPresent()) {
                return matched;
            }
        }
        return Optional.empty();
    }

    /** The bindable properties of an object type (a record's components, a bean's setters); none for a value type. */
    private Map<String, TypeDescription> propertiesOf(TypeDescription type) {
        Optional<Class<?>> loaded = load(type.raw());
        Map<String, TypeDescription> found = new TreeMap<>();
        if (loaded.isEmpty() || loaded.get().isEnum() || loaded.get().getName().startsWith("java.")) {
            return found;
        }
        Class<?> type0 = loaded.get();
        if (type0.isRecord()) {
            for (RecordComponent component : type0.getRecordComponents()) {
                found.put(kebab(component.getName()), TypeDescription.of(component.getGenericType()));
            }
            return found;
        }
        for (Method method : type0.getMethods()) {
            if (method.getName().startsWith("set") && method.getName().length() > 3 && method.getParameterCount() == 1
                    && !Modifier.isStatic(method.getModifiers())) {
                found.put(kebab(method.getName().substring(3)), TypeDescription.of(method.getGenericParameterTypes()[0]));
            }
        }
        return found;
    }

    /** A class of the service's classpath, not initialised. */
    Optional<Class<?>> type(String className) {
        return load(className);
    }

    private boolean isA(TypeDescription type, Class<?> kind) {
        return !type.isArray() && load(type.raw()).map(kind::isAssignableFrom).orElse(false);
    }

    private Optional<Class<?>> load(String className) {
        try {
            return Optional.of(Class.forName(className, false, classes));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** Whether Spring Boot's own mapping of environment variables resolves {@code canonical} to {@code variable}. */
    static boolean springBootBinds(String variable, String canonical) {
        if (!ConfigurationPropertyName.isValid(canonical)) {
            return false;
        }
        // Spring Boot maps variables by its relaxed rules only for a source with the system environment's name.
        SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "value"));
        for (ConfigurationPropertySource source : ConfigurationPropertySources.from(environment)) {
            if (source.getConfigurationProperty(ConfigurationPropertyName.of(canonical)) != null) {
                return true;
            }
        }
        return false;
    }

    private static String kebab(String camel) {
        StringBuilder kebab = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c) && !kebab.isEmpty()) {
                kebab.append('-');
            }
            kebab.append(Character.toLowerCase(c));
        }
        return kebab.toString();
    }

    private static List<JsonNode> metadataIn(Path entry) {
        String name = "META-INF/spring-configuration-metadata.json";
        try {
            if (Files.isDirectory(entry)) {
                Path file = entry.resolve(name);
                return Files.isRegularFile(file) ? List.of(JSON.readTree(file.toFile())) : List.of();
            }
            if (!Files.isRegularFile(entry)) {
                return List.of();
            }
            try (ZipFile jar = new ZipFile(entry.toFile())) {
                var metadata = jar.getEntry(name);
                if (metadata == null) {
                    return List.of();
                }
                try (InputStream in = jar.getInputStream(metadata)) {
                    return List.of(JSON.readTree(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the configuration metadata of " + entry, e);
        }
    }

    private static URL url(Path entry) {
        try {
            return entry.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() throws IOException {
        classes.close();
    }

    /** A type as the metadata spells it ({@code java.util.List<a.B$C>}) or reflection gives it. */
    record TypeDescription(String raw, List<TypeDescription> arguments) {

        boolean isArray() {
            return raw.endsWith("[]");
        }

        TypeDescription component() {
            return new TypeDescription(raw.substring(0, raw.length() - 2), arguments);
        }

        TypeDescription argument(int index) {
            return index < arguments.size() ? arguments.get(index) : new TypeDescription("java.lang.Object", List.of());
        }

        static TypeDescription of(Type type) {
            return switch (type) {
                case Class<?> c when c.isArray() -> new TypeDescription(of(c.getComponentType()).raw() + "[]", List.of());
                case Class<?> c -> new TypeDescription(c.getName(), List.of());
                case ParameterizedType p -> new TypeDescription(((Class<?>) p.getRawType()).getName(),
                        Arrays.stream(p.getActualTypeArguments()).map(TypeDescription::of).toList());
                case GenericArrayType a -> new TypeDescription(of(a.getGenericComponentType()).raw() + "[]", List.of());
                default -> new TypeDescription("java.lang.Object", List.of());
            };
        }

        static TypeDescription parse(String text) {
            int[] at = {0};
            TypeDescription parsed = parse(text.replace(" ", ""), at);
            return parsed;
        }

        private static TypeDescription parse(String text, int[] at) {
            int start = at[0];
            while (at[0] < text.length() && "<>,".indexOf(text.charAt(at[0])) < 0) {
                at[0]++;
            }
            String raw = text.substring(start, at[0]);
            List<TypeDescription> arguments = new ArrayList<>();
            if (at[0] < text.length() && text.charAt(at[0]) == '<') {
                do {
                    at[0]++;
                    arguments.add(parse(text, at));
                } while (at[0] < text.length() && text.charAt(at[0]) == ',');
                at[0]++; // '>'
            }
            while (text.startsWith("[]", at[0])) {
                raw += "[]";
                at[0] += 2;
            }
            return new TypeDescription(raw, List.copyOf(arguments));
        }
    }
}
