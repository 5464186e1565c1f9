package dev.camelsixtyfour.emulator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EnrichmentsTest {

    @ParameterizedTest
    @CsvSource({
        "'Apple Inc.', apple.com",
        "3M, 3m.com",
        "'A. O. Smith', aosmith.com",
        "'Abbott Laboratories', abbottlaboratories.com",
        "'Microsoft Corporation', microsoft.com",
        "'The Home Depot, Inc.', homedepot.com",
        "'Nestlé S.A.', nestle.com",
        "'Johnson & Johnson', johnsonandjohnson.com",
        "'Berkshire Hathaway Holdings Inc', berkshirehathaway.com"
    })
    void domainComesFromCompanyName(String name, String domain) {
        assertThat(Enrichments.domainFor(name)).isEqualTo(domain);
    }

    @ParameterizedTest
    @CsvSource({
        "'Tim Cook', apple.com, tim.cook@apple.com",
        "'José Álvarez', acme.com, jose.alvarez@acme.com",
        "'Madonna', music.com, madonna@music.com",
        "'Mary Ann Smith', corp.com, mary.smith@corp.com"
    })
    void emailComesFromNameAndDomain(String name, String domain, String email) {
        assertThat(Enrichments.emailFor(name, domain)).isEqualTo(email);
    }

    @ParameterizedTest
    @CsvSource({"tim.cook@apple.com", "someone@example.org"})
    void phoneIsStableForSameInput(String seed) {
        assertThat(Enrichments.phoneFor(seed)).isEqualTo(Enrichments.phoneFor(seed)).matches("\\+1-\\d{3}-555-\\d{4}");
    }
}
