package dev.camelsixtyfour.emulator;

/** The three shapes of an error body the service sends, for faults that should use a particular one. */
public enum ErrorForm {

    /** {@code {"detail": "<message>"}}, the common form. */
    DETAIL,

    /** FastAPI's {@code {"detail": [{"loc": [...], "msg": "...", "type": "..."}]}}. */
    VALIDATION_LIST,

    /** The older {@code {"error": "...", "message": "..."}}. */
    LEGACY
}
