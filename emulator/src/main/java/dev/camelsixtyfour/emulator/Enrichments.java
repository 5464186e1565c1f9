package dev.camelsixtyfour.emulator;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Deterministic, plausible enrichment values derived from the input alone, so tests can assert them:
 * {@code "Apple Inc."} always becomes {@code apple.com}, {@code "Tim Cook"} at it {@code tim.cook@apple.com}.
 */
final class Enrichments {

    private static final Pattern LEGAL_SUFFIX = Pattern.compile(
            "(?i)[,.]?\\s+(incorporated|inc|corporation|corp|company|co|ltd|limited|llc|plc|holdings|group|n\\.?v|"
                    + "s\\.?a|ag|se|lp|l\\.p|trust)\\.?$");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]");
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}");
    private static final List<String> TITLES = List.of("Head of Operations", "VP Sales", "Director of Engineering",
            "Chief Financial Officer", "Product Manager", "Marketing Lead");
    private static final List<String> INDUSTRIES = List.of("Software", "Manufacturing", "Financial Services",
            "Health Care", "Retail", "Energy");

    private Enrichments() {
    }

    /** The company's web domain: legal suffixes and punctuation dropped, {@code .com} added. */
    static String domainFor(String companyName) {
        if (companyName == null || companyName.isBlank()) {
            return null;
        }

        String name = ascii(companyName).trim().replace("&", "and");
        if (name.toLowerCase(Locale.ROOT).startsWith("the ")) {
            name = name.substring(4);
        }
        String previous;
        do {
            previous = name;
            name = LEGAL_SUFFIX.matcher(name).replaceAll("").trim();
        } while (!name.equals(previous) && !name.isEmpty());

        String label = NOT_ALPHANUMERIC.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("");
        return label.isEmpty() ? null : label + ".com";
    }

    /** A work address {@code first.last@domain} (or {@code first@domain} for a one-word name). */
    static String emailFor(String personName, String domain) {
        if (personName == null || personName.isBlank() || domain == null) {
            return null;
        }

        String[] parts = ascii(personName).trim().toLowerCase(Locale.ROOT).split("\\s+");
        String first = NOT_ALPHANUMERIC.matcher(parts[0]).replaceAll("");
        String last = NOT_ALPHANUMERIC.matcher(parts[parts.length - 1]).replaceAll("");
        String local = parts.length == 1 || last.isEmpty() ? first : first + "." + last;
        return local.isEmpty() ? null : local + "@" + domain;
    }

    /** A North American number in the 555 range, stable for the same input. */
    static String phoneFor(String seed) {
        long hash = hash(seed);
        return String.format(Locale.ROOT, "+1-%03d-555-%04d", 200 + hash % 700, hash % 10_000);
    }

    /** The columns {@code company_enrichment} adds to a company row; values already present are kept. */
    static Map<String, Object> companyColumns(Map<String, Object> row) {
        String name = firstText(row, "name", "company_name", "company", "security");
        String domain = firstText(row, "domain", "website_domain");
        if (domain == null) {
            domain = domainFor(name);
        }
        long hash = hash(name == null ? String.valueOf(row) : name);

        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("domain", domain);
        columns.put("website", domain == null ? null : "https://www." + domain);
        columns.put("linkedin_url", domain == null ? null
                : "https://www.linkedin.com/company/" + domain.substring(0, domain.indexOf('.')));
        columns.put("employee_count", 50 + hash % 150_000);
        columns.put("industry", firstTextOr(row, INDUSTRIES.get((int) (hash % INDUSTRIES.size())), "sector",
                "industry", "gics_sector"));
        columns.put("company_description", name == null ? null : name + " is a company headquartered in "
                + firstTextOr(row, "the United States", "headquarters", "headquarters_location", "location") + ".");
        return columns;
    }

    /** The columns {@code lead_enrichment} adds to a lead row. */
    static Map<String, Object> leadColumns(Map<String, Object> row) {
        String email = firstText(row, "email", "work_email");
        String name = personName(row);
        String domain = email != null && email.contains("@") ? email.substring(email.indexOf('@') + 1)
                : domainFor(firstText(row, "company", "company_name"));
        if (name == null && email != null && email.contains("@")) {
            name = nameFromEmail(email);
        }
        long hash = hash(email != null ? email : String.valueOf(name));

        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("full_name", name);
        columns.put("title", TITLES.get((int) (hash % TITLES.size())));
        columns.put("company_domain", domain);
        columns.put("linkedin_url", name == null ? null
                : "https://www.linkedin.com/in/" + NOT_ALPHANUMERIC.matcher(ascii(name).toLowerCase(Locale.ROOT))
                        .replaceAll("-"));
        return columns;
    }

    /** The {@code email} column of {@code find_email}, from a name and a company or domain. */
    static Map<String, Object> emailColumns(Map<String, Object> row) {
        String domain = firstText(row, "domain", "company_domain");
        if (domain == null) {
            domain = domainFor(firstText(row, "company", "company_name"));
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("email", emailFor(personName(row), domain));
        return columns;
    }

    static Map<String, Object> phoneColumns(Map<String, Object> row) {
        Map<String, Object> columns = new LinkedHashMap<>();
        String seed = firstText(row, "email", "full_name", "name");
        columns.put("phone", phoneFor(seed == null ? String.valueOf(row) : seed));
        return columns;
    }

    /** The person's name from {@code name}, {@code full_name} or {@code first_name} + {@code last_name}. */
    static String personName(Map<String, Object> row) {
        String name = firstText(row, "name", "full_name");
        if (name != null) {
            return name;
        }
        String first = firstText(row, "first_name");
        String last = firstText(row, "last_name");
        if (first == null) {
            return null;
        }
        return last == null ? first : first + " " + last;
    }

    static String firstText(Map<String, Object> row, String... columns) {
        for (String column : columns) {
            Object value = row.get(column);
            if (value != null && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        return null;
    }

    private static String firstTextOr(Map<String, Object> row, String fallback, String... columns) {
        String value = firstText(row, columns);
        return value == null ? fallback : value;
    }

    private static String nameFromEmail(String email) {
        String[] parts = email.substring(0, email.indexOf('@')).split("[._-]+");
        StringBuilder name = new StringBuilder();
        for (String part : parts) {
            if (!part.isEmpty()) {
                name.append(name.length() == 0 ? "" : " ")
                        .append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.length() == 0 ? null : name.toString();
    }

    private static String ascii(String text) {
        return DIACRITICS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    }

    private static long hash(String seed) {
        CRC32 crc = new CRC32();
        crc.update(seed.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
