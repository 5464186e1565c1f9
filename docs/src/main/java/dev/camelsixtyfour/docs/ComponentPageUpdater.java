package dev.camelsixtyfour.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.tooling.model.BaseOptionModel;
import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.tooling.model.JsonMapper;

/**
 * Fills the generated regions of the component page from the catalog JSON that ships in the component's jar, so
 * that the option and header tables can never drift from the code. A region runs from a line
 * {@code // <name>: START} to a line {@code // <name>: END}; everything between is replaced.
 */
public final class ComponentPageUpdater {

    /** Where camel-package-maven-plugin puts the catalog entry inside the component's jar. */
    public static final String CATALOG_RESOURCE = "META-INF/dev/camelsixtyfour/component/sixtyfour.json";

    private static final Pattern REGION = Pattern.compile(
            "(?m)^// ([a-z-]+): START\\R(.*?)^// \\1: END$", Pattern.DOTALL);

    private static final Map<String, Function<ComponentModel, String>> REGIONS = Map.of(
            "component-options", model -> optionTable(model.getComponentOptions()),
            "endpoint-path-options", model -> optionTable(model.getEndpointPathOptions()),
            "endpoint-query-options", model -> optionTable(model.getEndpointParameterOptions()),
            "message-headers", model -> headerTable(model.getEndpointHeaders()));

    private ComponentPageUpdater() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("Usage: ComponentPageUpdater <page.adoc>");
        }

        Path page = Path.of(args[0]);
        String current = Files.readString(page, StandardCharsets.UTF_8);
        String updated = render(current, loadCatalog());
        if (updated.equals(current)) {
            System.out.println(page + " is up to date with the catalog");
            return;
        }
        Files.writeString(page, updated, StandardCharsets.UTF_8);
        System.out.println(page + " updated from the catalog");
    }

    /** The catalog entry of the component, read from the classpath (the component's jar). */
    public static ComponentModel loadCatalog() {
        try (InputStream in = ComponentPageUpdater.class.getClassLoader().getResourceAsStream(CATALOG_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CATALOG_RESOURCE + " is not on the classpath");
            }
            return JsonMapper.generateComponentModel(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + CATALOG_RESOURCE, e);
        }
    }

    /** The page with every generated region rewritten from the catalog; fails on a region it does not know. */
    public static String render(String page, ComponentModel model) {
        Matcher matcher = REGION.matcher(page);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            Function<ComponentModel, String> generator = REGIONS.get(name);
            if (generator == null) {
                throw new IllegalArgumentException("Unknown generated region '" + name + "'; known: "
                                                   + REGIONS.keySet());
            }
            String region = "// " + name + ": START\n" + generator.apply(model) + "// " + name + ": END";
            matcher.appendReplacement(out, Matcher.quoteReplacement(region));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String optionTable(List<? extends BaseOptionModel> options) {
        StringBuilder table = new StringBuilder();
        table.append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n");
        table.append("| Name | Description | Default | Type\n");
        for (BaseOptionModel option : options) {
            table.append("| *").append(option.getName()).append("* (").append(labelOf(option)).append(")")
                    .append(option.isRequired() ? " *required*" : "")
                    .append(" | ").append(cell(describe(option)))
                    .append(" | ").append(cell(option.getDefaultValue() == null ? "" : option.getDefaultValue()
                            .toString()))
                    .append(" | ").append(cell(shortType(option.getJavaType()))).append('\n');
        }
        return table.append("|===\n").toString();
    }

    private static String headerTable(List<ComponentModel.EndpointHeaderModel> headers) {
        StringBuilder table = new StringBuilder();
        table.append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n");
        table.append("| Name | Description | Default | Type\n");
        for (ComponentModel.EndpointHeaderModel header : headers) {
            table.append("| *").append(header.getName()).append("* (").append(labelOf(header)).append(")")
                    .append(" | ").append(cell(describe(header)))
                    .append(" | ").append(cell(header.getDefaultValue() == null ? "" : header.getDefaultValue()
                            .toString()))
                    .append(" | ").append(cell(shortType(header.getJavaType()))).append('\n');
        }
        return table.append("|===\n").toString();
    }

    private static String describe(BaseOptionModel option) {
        String description = option.getDescription() == null ? "" : option.getDescription();
        if (option.getEnums() != null && !option.getEnums().isEmpty()) {
            description += " Values: " + String.join(", ", option.getEnums()) + ".";
        }
        return option.isSecret() ? description + " (secret)" : description;
    }

    private static String labelOf(BaseOptionModel option) {
        String label = option.getLabel();
        return label == null || label.isBlank() ? "common" : label;
    }

    private static String shortType(String javaType) {
        if (javaType == null) {
            return "";
        }
        int dot = javaType.lastIndexOf('.');
        return dot < 0 ? javaType : javaType.substring(dot + 1);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
