package dev.greenlight.issuer.batch;

/**
 * The columns of a {@code batch --colours-from-declarations} input: a health declaration in the
 * words of {@code gl-issue declare}, with the names a header or a JSON key may give them.
 */
enum DeclarationColumn implements BatchColumn {
    DOCUMENT_TYPE(true, "document_type", "doc", "doc_type", "type"),
    NUMBER(true, "number", "document_number", "doc_number"),
    TEMPERATURE(true, "temperature"),
    SYMPTOMS(false, "symptoms", "symptom"),
    CASE(false, "case", "case_status"),
    CONTACT_ON(false, "contact_on", "contacts"),
    STAYS(false, "stays", "stay"),
    ISOLATION(false, "isolation"),
    OVERRIDE(false, "override"),
    REASON(false, "reason"),
    AUTHORITY(false, "authority"),
    VALIDITY(false, "validity"),
    ID(false, "id");

    static final String NAMES_HELP = "document_type (or doc), number, temperature, and optionally symptoms, case, contact_on, "
            + "stays, isolation, override with reason and authority, validity and id";

    private final Spec spec;

    DeclarationColumn(boolean required, String... names) {
        this.spec = Spec.of(required, names);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
