package dev.camelsixtyfour.app.source.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mail.MailMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.camelsixtyfour.app.batch.BatchStore;
import dev.camelsixtyfour.app.ops.PipelineMetrics;
import dev.camelsixtyfour.app.batch.BatchHeaders;
import dev.camelsixtyfour.app.support.EmulatorResource;
import dev.camelsixtyfour.app.support.GreenMailResource;
import dev.camelsixtyfour.app.support.MailProfile;
import dev.camelsixtyfour.app.support.Sp500Rows;
import dev.camelsixtyfour.app.support.TestFiles;
import dev.camelsixtyfour.app.support.TestMails;

/**
 * The mail source against GreenMail (mails sent over SMTP, read over IMAP and IMAPS) and the emulator: real rows of
 * the S&P 500 list as CSV, JSON and NDJSON attachments, as a sender's mail client would send them.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
@QuarkusTestResource(value = EmulatorResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = GreenMailResource.class, restrictToAnnotatedClass = true)
class MailSourceEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String MAILBOX = GreenMailResource.MAILBOX_USER;
    private static final String ERP = "erp-export" + MailProfile.ALLOWED_DOMAIN;
    private static final String FILES_FAILED = "sixtyfour.files.failed";

    @Inject
    CamelContext camel;

    @Inject
    BatchStore batches;

    @Inject
    PipelineMetrics metrics;

    /**
     * The untrusted pipeline's refused TLS handshakes end GreenMail's connection threads with an uncaught exception,
     * which Awaitility would otherwise report as this test's failure.
     */
    @BeforeAll
    static void ignoreTheMailServersOwnThreads() {
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }

    @AfterAll
    static void restoreAwaitility() {
        Awaitility.reset();
    }

    @BeforeEach
    void startFromAnIdleEmulator() {
        EmulatorResource.resetOnceIdle(batches, MailProfile.SECUREBOX);
        EmulatorResource.resetOnceIdle(batches, MailProfile.UNTRUSTED);
        EmulatorResource.resetOnceIdle(batches, MailProfile.MAILBOX);
    }

    @Test
    void everyRowOfCsvJsonAndNdjsonAttachmentsReachesTheWorkflowExactlyOnce() {
        List<Map<String, String>> json = Sp500Rows.slice(0, 20);
        List<Map<String, String>> ndjson = Sp500Rows.slice(20, 40);
        String csv = new String(TestFiles.resource(Sp500Rows.RESOURCE), StandardCharsets.UTF_8);

        TestMails.mail(ERP, MAILBOX, "Companies, full list").attach("sp500-constituents.csv", "text/csv", csv)
                .attach("first.json", "application/json", Sp500Rows.jsonArray(json))
                .attach("next.ndjson", "application/x-ndjson", Sp500Rows.ndjson(ndjson)).send();

        List<String> expected = new ArrayList<>(Sp500Rows.symbols(Sp500Rows.slice(0, 503)));
        expected.addAll(Sp500Rows.symbols(Sp500Rows.slice(0, 40)));
        await().atMost(WAIT).until(() -> Sp500Rows.sentSymbols().size() >= expected.size()
                && folderSubjects(MailProfile.PROCESSED).contains("Companies, full list"));
        assertThat(Sp500Rows.sentSymbols()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(folderSubjects(MailProfile.INBOX)).doesNotContain("Companies, full list");
    }

    static Stream<Arguments> unreadableMails() {
        String rows = Sp500Rows.jsonArray(Sp500Rows.slice(60, 62));
        byte[] windows1252 = "Symbol,Security\nGLE,Soci\u00e9t\u00e9 G\u00e9n\u00e9rale\n"
                .getBytes(Charset.forName("windows-1252"));
        return Stream.of(
                Arguments.of("Truncated JSON", TestMails.mail(ERP, MAILBOX, "Truncated JSON")
                        .attach("broken.json", "application/json", rows.substring(0, rows.length() - 1)),
                        "attachment broken.json: "),
                Arguments.of("Wrong charset", TestMails.mail(ERP, MAILBOX, "Wrong charset")
                        .attach("latin.csv", "text/csv; charset=UTF-8", windows1252), "attachment latin.csv: "),
                Arguments.of("Broken base64", TestMails.mail(ERP, MAILBOX, "Broken base64")
                        .attachEncoded("cut.csv", "text/csv", "base64", "U3ltYm9sLFNlY3VyaXR5ClpaQ1VULEN\r\n"),
                        "attachment cut.csv: its content cannot be read"),
                Arguments.of("Logo only", TestMails.mail(ERP, MAILBOX, "Logo only")
                        .body("Hello,\nthe list follows tomorrow.")
                        .attach("logo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
                        "no attachment with one of the extensions"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableMails")
    void anUnreadableMailMovesToQuarantineWithItsReasonAndTheNextMailIsProcessed(String subject, TestMails mail,
                                                                              String reason) {
        List<Map<String, String>> after = Sp500Rows.slice(100, 110);

        String messageId = mail.send();
        TestMails.mail(ERP, MAILBOX, "After " + subject).attach("after.csv", "text/csv", Sp500Rows.csv(after)).send();

        await().atMost(WAIT).until(() -> quarantined(subject).isPresent()
                && Sp500Rows.sentSymbols().containsAll(Sp500Rows.symbols(after)));
        assertThat(quarantined(subject).get()).contains(reason);
        assertThat(quarantinedMessageIds(subject)).containsExactly(messageId);
        assertThat(folderSubjects(MailProfile.INBOX)).doesNotContain(subject, "After " + subject);
        assertThat(folderSubjects(MailProfile.PROCESSED)).contains("After " + subject);
    }

    @Test
    void theGoodAttachmentOfAQuarantinedMailIsStoredAndTheReasonNamesTheBadOneAndItsLine() {
        List<Map<String, String>> good = Sp500Rows.slice(120, 130);
        String array = Sp500Rows.jsonArray(Sp500Rows.slice(130, 132));

        TestMails.mail(ERP, MAILBOX, "Half good").attach("good.csv", "text/csv", Sp500Rows.csv(good))
                .attach("bad.json", "application/json", array.substring(0, array.length() - 1)).send();

        await().atMost(WAIT).until(() -> quarantined("Half good").isPresent()
                && Sp500Rows.sentSymbols().containsAll(Sp500Rows.symbols(good)));
        awaitIdle();
        assertThat(quarantined("Half good").get()).contains("attachment bad.json: ").contains("line 1")
                .doesNotContain("good.csv");
        assertThat(Sp500Rows.sentSymbols()).containsExactlyInAnyOrderElementsOf(Sp500Rows.symbols(good));
    }

    @Test
    void aMailFromASenderNotOnTheAllowListIsQuarantinedAndNoneOfItsRowsIsSent() {
        List<Map<String, String>> rows = Sp500Rows.slice(140, 150);

        TestMails.mail("someone@elsewhere.test", MAILBOX, "Unknown sender")
                .attach("companies.csv", "text/csv", Sp500Rows.csv(rows)).send();
        TestMails.mail(MailProfile.ALLOWED_ADDRESS, MAILBOX, "Known sender")
                .attach("companies.csv", "text/csv", Sp500Rows.csv(Sp500Rows.slice(150, 152))).send();

        await().atMost(WAIT).until(() -> quarantined("Unknown sender").isPresent()
                && folderSubjects(MailProfile.PROCESSED).contains("Known sender"));
        awaitIdle();
        assertThat(quarantined("Unknown sender").get()).contains("someone@elsewhere.test").contains("allowed-senders");
        assertThat(Sp500Rows.sentSymbols()).doesNotContainAnyElementsOf(Sp500Rows.symbols(rows));
    }

    @Test
    void aQuarantinedMailCountsAsAFailedFileOfItsPipeline() {
        double before = metrics.count(FILES_FAILED, MailProfile.MAILBOX);

        TestMails.mail("nobody@elsewhere.test", MAILBOX, "Counted").attach("companies.csv", "text/csv",
                Sp500Rows.csv(Sp500Rows.slice(160, 162))).send();

        await().atMost(WAIT).until(() -> quarantined("Counted").isPresent());
        assertThat(metrics.count(FILES_FAILED, MailProfile.MAILBOX)).isEqualTo(before + 1);
    }

    @Test
    void aBodyOfKeyValueLinesBecomesOneRecord() {
        TestMails.mail(ERP, MAILBOX, "One company").body("Symbol: ZZMAIL\nSecurity: Mail Body Corp\n"
                + "GICS Sector: Industrials\nHeadquarters Location: Lyon, France\n\n-- \nThe ERP").send();

        await().atMost(WAIT).until(() -> Sp500Rows.sentSymbols().contains("ZZMAIL"));
        assertThat(EmulatorResource.emulator().runs()).flatMap(run -> run.rows())
                .filteredOn(row -> "ZZMAIL".equals(row.get("symbol")))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("name", "Mail Body Corp")
                        .containsEntry("headquarters", "Lyon, France"));
    }

    @Test
    void anImapsMailboxIsReadThroughItsTruststore() {
        List<Map<String, String>> rows = Sp500Rows.slice(200, 215);

        TestMails.mail(ERP, GreenMailResource.SECURE_USER, "Over IMAPS")
                .attach("companies.jsonl", "application/jsonl", Sp500Rows.ndjson(rows)).send();

        await().atMost(WAIT).until(() -> Sp500Rows.sentSymbols().containsAll(Sp500Rows.symbols(rows)));
        assertThat(Sp500Rows.sentSymbols()).containsExactlyInAnyOrderElementsOf(Sp500Rows.symbols(rows));
    }

    @Test
    void aProcessedMailOfTheSeenPipelineStaysInItsFolderFlaggedSeen() {
        TestMails.mail(ERP, GreenMailResource.SECURE_USER, "Flag me")
                .attach("companies.csv", "text/csv", Sp500Rows.csv(Sp500Rows.slice(240, 245))).send();

        await().atMost(WAIT).until(() -> Sp500Rows.sentSymbols().containsAll(
                Sp500Rows.symbols(Sp500Rows.slice(240, 245))));
        await().atMost(WAIT).until(() -> GreenMailResource.unseen(GreenMailResource.SECURE_USER,
                MailProfile.INBOX) == 0);
        assertThat(subjects(GreenMailResource.SECURE_USER, MailProfile.INBOX)).contains("Flag me");
    }

    @Test
    void anImapsServerWhoseCertificateIsNotTrustedIsNotRead() {
        String subject = "To an untrusted server";

        TestMails.mail(ERP, GreenMailResource.UNTRUSTED_USER, subject)
                .attach("companies.csv", "text/csv", Sp500Rows.csv(Sp500Rows.slice(230, 235))).send();

        await().atMost(WAIT).until(() -> camel.getRouteController()
                .getRouteStatus(MailProfile.UNTRUSTED + "-source").isStarted());
        await().during(Duration.ofSeconds(4)).atMost(WAIT).until(() -> subjects(GreenMailResource.UNTRUSTED_USER,
                MailProfile.INBOX).contains(subject));
        assertThat(GreenMailResource.unseen(GreenMailResource.UNTRUSTED_USER, MailProfile.INBOX)).isOne();
        assertThat(Sp500Rows.sentSymbols()).doesNotContainAnyElementsOf(Sp500Rows.symbols(Sp500Rows.slice(230, 235)));
    }

    @Test
    void rejectedRowsNameTheMailTheAttachmentAndTheLine() throws IOException {
        List<Map<String, String>> rows = new ArrayList<>(Sp500Rows.slice(220, 224));
        Map<String, String> nameless = new LinkedHashMap<>(rows.get(2));
        nameless.put("Security", "");
        rows.set(2, nameless);
        String messageId = TestMails.mail(ERP, MAILBOX, "One without a name")
                .attach("mixed.csv", "text/csv", Sp500Rows.csv(rows)).send();
        Path report = EmulatorResource.root().resolve("out").resolve(MailProfile.MAILBOX).resolve("rejected")
                .resolve(MailRejections.FILE_NAME);

        await().atMost(WAIT).until(() -> Files.exists(report) && Files.readString(report).contains(messageId));
        assertThat(Files.readAllLines(report)).filteredOn(line -> line.contains(messageId)).singleElement()
                .asString().contains("\"subject\":\"One without a name\"").contains("\"sender\":\"" + ERP + "\"")
                .contains("\"attachment\":\"mixed.csv\"").contains("\"line\":4");
    }

    @Test
    void aMailReadAgainAfterItsRowsWereStoredButBeforeItWasMarkedSendsNoRowTwice() throws Exception {
        List<Map<String, String>> rows = Sp500Rows.slice(300, 340);
        String subject = "Crash after storing";
        AtomicBoolean crashed = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger rowsOffered = new AtomicInteger();
        // Every row is stored, then the exchange fails once before the consumer marks the mail: it stays unseen,
        // as after a crash, and is read again at the next poll.
        AdviceWith.adviceWith(camel, MailProfile.MAILBOX + "-source", route -> route.weaveAddLast().process(
                exchange -> {
                    if (subject.equals(exchange.getIn(MailMessage.class).getOriginalMessage().getSubject())) {
                        reads.incrementAndGet();
                        if (crashed.compareAndSet(false, true)) {
                            throw new IllegalStateException("injected crash after the rows were stored");
                        }
                    }
                }));
        AdviceWith.adviceWith(camel, MailProfile.MAILBOX + "-batch", route -> route.weaveAddFirst().process(
                exchange -> rowsOffered.addAndGet(
                        exchange.getMessage().getHeader(BatchHeaders.ROW_COUNT, 1, Integer.class))));

        TestMails.mail(ERP, MAILBOX, subject).attach("companies.csv", "text/csv", Sp500Rows.csv(rows)).send();

        await().atMost(WAIT).until(() -> folderSubjects(MailProfile.PROCESSED).contains(subject)
                && Sp500Rows.sentSymbols().containsAll(Sp500Rows.symbols(rows)));
        awaitIdle();
        assertThat(reads).hasValue(2);
        assertThat(rowsOffered).hasValue(rows.size());
        assertThat(Sp500Rows.sentSymbols()).containsExactlyInAnyOrderElementsOf(Sp500Rows.symbols(rows));
    }

    private void awaitIdle() {
        await().atMost(WAIT).until(() -> batches.pendingBatches(MailProfile.MAILBOX) == 0);
    }

    private static List<String> folderSubjects(String folder) {
        return subjects(MAILBOX, folder);
    }

    private static List<String> subjects(String user, String folder) {
        return GreenMailResource.folder(user, folder).stream().map(MailSourceEndToEndTest::subject).toList();
    }

    /** The quarantine reason of the mail with this subject, decoded, if it is in quarantine. */
    private static Optional<String> quarantined(String subject) {
        return GreenMailResource.folder(MAILBOX, MailProfile.QUARANTINE).stream()
                .filter(mail -> subject.equals(subject(mail)))
                .map(mail -> header(mail, MailQuarantine.REASON))
                .findFirst();
    }

    private static List<String> quarantinedMessageIds(String subject) {
        return GreenMailResource.folder(MAILBOX, MailProfile.QUARANTINE).stream()
                .filter(mail -> subject.equals(subject(mail)))
                .map(mail -> header(mail, "Message-ID"))
                .toList();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage mail, String name) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(mail.getHeader(name, ",")));
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
