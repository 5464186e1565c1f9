package dev.camelsixtyfour.app.source.mail;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.component.mail.MailEndpoint;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

import dev.camelsixtyfour.app.config.MailConfig;
import dev.camelsixtyfour.app.config.MailConfig.MailProtocol;
import dev.camelsixtyfour.app.config.MailConfig.MailTrustConfig;
import dev.camelsixtyfour.app.pipeline.Pipeline;

/**
 * The IMAP or IMAPS consumer of a mail pipeline. The URI holds no secret: the password is set on the endpoint's
 * configuration. Mails are searched unseen and read with peek, so a mail whose processing fails stays unseen and is
 * read again at the next poll; the app parses each mail itself ({@code mapMailMessage=false}) so a broken mail
 * reaches its quarantine instead of failing inside the consumer. Socket timeouts keep a silent server from holding
 * the consumer forever.
 */
final class MailEndpoints {

    private static final int TIMEOUT_MILLIS = 60_000;

    private MailEndpoints() {
    }

    /** The consumer endpoint; {@code sslContext} names the registry bean of the truststore, when there is one. */
    static MailEndpoint consumer(CamelContext camel, Pipeline pipeline, Optional<String> sslContext) {
        MailConfig mail = pipeline.config().source().mail();
        String protocol = mail.protocol().name().toLowerCase(Locale.ROOT);
        String host = mail.host().orElseThrow(() -> new IllegalStateException("Pipeline " + pipeline.name()
                + ": sixtyfour.pipelines." + pipeline.name() + ".source.mail.host is required"));
        int port = mail.port().orElse(mail.protocol() == MailProtocol.IMAPS ? 993 : 143);
        StringBuilder uri = new StringBuilder(protocol).append("://").append(host).append(':').append(port)
                .append("?folderName=RAW(").append(mail.folder()).append(')')
                .append("&delay=").append(mail.pollInterval().toMillis())
                .append("&maxMessagesPerPoll=").append(mail.maxMessagesPerPoll())
                .append("&unseen=true&peek=true&delete=false&mapMailMessage=false&closeFolder=true")
                .append("&connectionTimeout=").append(TIMEOUT_MILLIS)
                .append("&mail.").append(protocol).append(".timeout=").append(TIMEOUT_MILLIS)
                .append("&mail.").append(protocol).append(".writetimeout=").append(TIMEOUT_MILLIS);
        mail.username().ifPresent(username -> uri.append("&username=RAW(").append(username).append(')'));
        if (mail.protocol() == MailProtocol.IMAPS) {
            uri.append(tls(protocol, mail.trust(), sslContext));
        }
        MailEndpoint endpoint = camel.getEndpoint(uri.toString(), MailEndpoint.class);
        mail.password().ifPresent(endpoint.getConfiguration()::setPassword);
        return endpoint;
    }

    /** The truststore of an imaps source, when it names one. */
    static Optional<SSLContextParameters> truststore(MailTrustConfig trust) {
        return trust.truststoreFile().map(file -> {
            KeyStoreParameters store = new KeyStoreParameters();
            store.setResource("file:" + Path.of(file).toAbsolutePath());
            store.setType(trust.truststoreType());
            trust.truststorePassword().ifPresent(store::setPassword);
            TrustManagersParameters managers = new TrustManagersParameters();
            managers.setKeyStore(store);
            SSLContextParameters context = new SSLContextParameters();
            context.setTrustManagers(managers);
            return context;
        });
    }

    private static String tls(String protocol, MailTrustConfig trust, Optional<String> sslContext) {
        String prefix = "&mail." + protocol + ".ssl.";
        if (trust.trustAll()) {
            return prefix + "trust=*" + prefix + "checkserveridentity=false";
        }
        return prefix + "checkserveridentity=" + trust.checkServerIdentity()
                + sslContext.map(bean -> "&sslContextParameters=#" + bean).orElse("");
    }
}
