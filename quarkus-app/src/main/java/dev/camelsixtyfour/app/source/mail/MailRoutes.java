package dev.camelsixtyfour.app.source.mail;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelsixtyfour.app.config.MailConfig;
import dev.camelsixtyfour.app.config.PipelineConfig.SourceType;
import dev.camelsixtyfour.app.pipeline.Pipeline;
import dev.camelsixtyfour.app.source.MessageSourceRoutes;

/**
 * The {@code <name>-source} route of every pipeline whose source is a mailbox ({@code mail}, over IMAP or IMAPS with
 * camel-mail). Each poll reads the folder's unseen mails one after the other; a mail is flagged, deleted or moved
 * only once its rows are stored, moved to quarantine when it cannot be read, and left unseen (to be read again next
 * poll) when storing failed for a reason outside the mail.
 */
@ApplicationScoped
public class MailRoutes extends MessageSourceRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(MailRoutes.class);

    public MailRoutes() {
        super(SourceType.MAIL);
    }

    @Override
    protected void sourceRoute(Pipeline pipeline) {
        MailConfig mail = pipeline.config().source().mail();
        MailIntake intake = new MailIntake(payloads(pipeline), mail, metrics());

        asSource(pipeline, from(MailEndpoints.consumer(getContext(), pipeline, truststore(pipeline, mail))))
                .process(intake::receive);
        LOG.info("Pipeline {}: reading {} folder {} on {} (processed: {}, quarantine: {})", pipeline.name(),
                mail.protocol(), mail.folder(), mail.host().orElse(""), mail.processedAction(),
                mail.quarantineFolder());
        if (mail.trust().trustAll()) {
            LOG.warn("Pipeline {}: source.mail.trust.trust-all is set: any certificate from any host is accepted",
                    pipeline.name());
        }
    }

    private Optional<String> truststore(Pipeline pipeline, MailConfig mail) {
        return MailEndpoints.truststore(mail.trust()).map(context -> {
            String name = pipeline.routeId("mail-truststore");
            bindToRegistry(name, context);
            return name;
        });
    }
}
