package dev.greenlight.issuer.batch;

import dev.greenlight.cli.records.InputProblem;
import dev.greenlight.cli.records.Record;
import dev.greenlight.cli.records.Verdict;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.Identity;
import dev.greenlight.codec.InvalidIdentityException;
import dev.greenlight.codec.IssuedCode;
import dev.greenlight.codec.Issuer;
import dev.greenlight.rules.Assessment;
import dev.greenlight.rules.CaseStatus;
import dev.greenlight.rules.ColourOverride;
import dev.greenlight.rules.ColourRules;
import dev.greenlight.rules.Declaration;
import dev.greenlight.rules.Isolation;
import dev.greenlight.rules.Reason;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a worker does with one record of {@code batch --colours-from-declarations}: read the
 * declaration, assess it with the colour rules on the run's day, issue a code of that colour and
 * make the output record (ISSUED with the colour and its rule ids, or INPUT_ERROR), never an
 * exception. Nothing is recorded in the registry. Thread-safe; the issuer and the rules are shared.
 */
final class DeclarationProcessor implements RecordProcessor {

    /** Who decided an override when the row does not say, as {@code gl-issue declare --authority} defaults. */
    static final String DEFAULT_AUTHORITY = "the issuer";

    private final Issuer issuer;
    private final DeclarationRowParser parser;
    private final Function<String, Duration> validityParser;
    private final ColourRules rules;
    private final LocalDate today;

    DeclarationProcessor(Issuer issuer, DeclarationRowParser parser, Function<String, Duration> validityParser, ColourRules rules,
                         LocalDate today) {
        this.issuer = issuer;
        this.parser = parser;
        this.validityParser = validityParser;
        this.rules = rules;
        this.today = today;
    }

    @Override
    public Record process(InputRecord record) {
        if (record.problem() != null) {
            return RowProcessor.error(record, record.problem());
        }
        String id = null;
        try {
            String[] cells = parser.parse(RowProcessor.decode(record.bytes()), record.line());
            id = cells[DeclarationColumn.ID.ordinal()];
            Identity identity;
            try {
                identity = Identity.of(nonNull(cells[DeclarationColumn.DOCUMENT_TYPE.ordinal()]),
                        nonNull(cells[DeclarationColumn.NUMBER.ordinal()]));
            } catch (InvalidIdentityException e) {
                throw new RowError.RowException(InputProblem.INVALID_IDENTITY, where(record.line(), "document_type and number")
                        + e.getMessage());
            }
            Assessment assessment;
            try {
                assessment = rules.assess(declaration(cells, record.line()), today);
            } catch (IllegalArgumentException e) {
                // A contact or a stay after today: which one, the message says.
                throw new RowError.RowException(InputProblem.INVALID_DECLARATION, where(record.line(), "contact_on or stays")
                        + e.getMessage());
            }
            IssuedCode code = issue(identity, assessment.colour(), cells[DeclarationColumn.VALIDITY.ordinal()], record.line());
            String why = assessment.reasons().stream().map(Reason::text).collect(Collectors.joining(" "));
            return Record.builder(Verdict.ISSUED).message("issued: " + why).line(record.line()).row(record.row()).id(id)
                    .claims(code.claims()).rules(assessment.ruleIds()).code(code.text()).build();
        } catch (RowError.RowException e) {
            return RowProcessor.error(record, e.forId(id).error());
        } catch (RuntimeException e) {
            return RowProcessor.error(record, new RowError(InputProblem.INTERNAL_ERROR, "internal error: " + e, id));
        }
    }

    private static String nonNull(String cell) {
        return cell == null ? "" : cell;
    }

    private static Declaration declaration(String[] cells, long line) throws RowError.RowException {
        String temperature = cells[DeclarationColumn.TEMPERATURE.ordinal()];
        if (temperature == null) {
            throw invalid(line, DeclarationColumn.TEMPERATURE, "a declaration needs the temperature taken");
        }
        Declaration declaration;
        try {
            declaration = Declaration.ofTemperature(DeclarationText.temperature(temperature));
        } catch (IllegalArgumentException e) {
            throw invalid(line, DeclarationColumn.TEMPERATURE, e.getMessage());
        }
        String cell = cells[DeclarationColumn.SYMPTOMS.ordinal()];
        if (cell != null) {
            try {
                declaration = declaration.withSymptoms(DeclarationText.symptoms(cell));
            } catch (IllegalArgumentException e) {
                throw invalid(line, DeclarationColumn.SYMPTOMS, e.getMessage());
            }
        }
        cell = cells[DeclarationColumn.CASE.ordinal()];
        if (cell != null) {
            try {
                declaration = declaration.withCaseStatus(DeclarationText.value(CaseStatus.class, cell));
            } catch (IllegalArgumentException e) {
                throw invalid(line, DeclarationColumn.CASE, e.getMessage());
            }
        }
        cell = cells[DeclarationColumn.CONTACT_ON.ordinal()];
        if (cell != null) {
            try {
                declaration = declaration.withCaseContacts(DeclarationText.dates(cell));
            } catch (IllegalArgumentException e) {
                throw invalid(line, DeclarationColumn.CONTACT_ON, e.getMessage());
            }
        }
        cell = cells[DeclarationColumn.STAYS.ordinal()];
        if (cell != null) {
            try {
                declaration = declaration.withStays(DeclarationText.stays(cell));
            } catch (IllegalArgumentException e) {
                throw invalid(line, DeclarationColumn.STAYS, e.getMessage());
            }
        }
        cell = cells[DeclarationColumn.ISOLATION.ordinal()];
        if (cell != null) {
            try {
                declaration = declaration.withIsolation(DeclarationText.value(Isolation.class, cell));
            } catch (IllegalArgumentException e) {
                throw invalid(line, DeclarationColumn.ISOLATION, e.getMessage());
            }
        }
        return withOverride(declaration, cells, line);
    }

    private static Declaration withOverride(Declaration declaration, String[] cells, long line) throws RowError.RowException {
        String override = cells[DeclarationColumn.OVERRIDE.ordinal()];
        String reason = cells[DeclarationColumn.REASON.ordinal()];
        String authority = cells[DeclarationColumn.AUTHORITY.ordinal()];
        if (override == null) {
            if (reason != null || authority != null) {
                throw invalid(line, reason != null ? DeclarationColumn.REASON : DeclarationColumn.AUTHORITY,
                        "is for an override, and the row has none");
            }
            return declaration;
        }
        if (reason == null) {
            throw invalid(line, DeclarationColumn.REASON, "an override needs a reason: the holder is told why");
        }
        try {
            Colour colour = Colour.parse(override);
            return declaration.withOverride(new ColourOverride(colour, reason.strip(),
                    authority == null ? DEFAULT_AUTHORITY : authority.strip()));
        } catch (IllegalArgumentException e) {
            throw invalid(line, DeclarationColumn.OVERRIDE, e.getMessage());
        }
    }

    private IssuedCode issue(Identity identity, Colour colour, String validity, long line) throws RowError.RowException {
        if (validity == null) {
            return issuer.issue(identity, colour);
        }
        Duration duration;
        try {
            duration = validityParser.apply(validity);
        } catch (IllegalArgumentException e) {
            throw new RowError.RowException(InputProblem.BAD_VALIDITY, where(line, DeclarationColumn.VALIDITY.canonicalName()) + e.getMessage());
        }
        return issuer.issue(identity, colour, duration);
    }

    private static RowError.RowException invalid(long line, DeclarationColumn column, String message) {
        return new RowError.RowException(InputProblem.INVALID_DECLARATION, where(line, column.canonicalName()) + message);
    }

    private static String where(long line, String columns) {
        return "line " + line + ", column " + columns + ": ";
    }
}
