package dev.greenlight.issuer.batch;

import dev.greenlight.cli.records.InputProblem;

/**
 * Why a row yields no code: a code for programs (the record's {@code reason}) and a message for people.
 *
 * @param id the row's id, when the row was read far enough to know it; else null
 */
record RowError(InputProblem problem, String message, String id) {

    RowError(InputProblem problem, String message) {
        this(problem, message, null);
    }

    /** Thrown while parsing or issuing a row, caught by the worker and turned into an error record. */
    static final class RowException extends Exception {
        private static final long serialVersionUID = 1L;

        private final transient RowError error;

        RowException(InputProblem problem, String message) {
            this(new RowError(problem, message));
        }

        private RowException(RowError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }

        /** The same error, for the row with that id. */
        RowException forId(String id) {
            return id == null ? this : new RowException(new RowError(error.problem(), error.message(), id));
        }

        RowError error() {
            return error;
        }
    }
}
