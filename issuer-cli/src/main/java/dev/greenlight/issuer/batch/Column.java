package dev.greenlight.issuer.batch;

/** The columns of a batch input, with the names a header or a JSON key may give them. */
enum Column implements BatchColumn {
    DOCUMENT_TYPE(true, "document_type", "doc", "doc_type", "type"),
    NUMBER(true, "number", "document_number", "doc_number"),
    COLOUR(true, "colour", "color"),
    VALIDITY(false, "validity"),
    /** The caller's own id for the row, passed through to its output record. */
    ID(false, "id");

    static final String NAMES_HELP = "document_type (or doc), number, colour (or color), and optionally validity and id";

    private final Spec spec;

    Column(boolean required, String... names) {
        this.spec = Spec.of(required, names);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
