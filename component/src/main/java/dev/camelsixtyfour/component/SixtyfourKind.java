package dev.camelsixtyfour.component;

/** What a {@code sixtyfour:} endpoint addresses: the part of the URI before the options. */
public enum SixtyfourKind {
    /** One workflow, named by the {@code id} option: start runs of it and follow them. */
    workflow,
    /** The organisation's runs: follow, list, cancel and fetch results of runs by job id. */
    runs,
    /** Outgoing webhook deliveries pushed by the service (consumer). */
    webhook
}
