/**
 * What both command-line tools share, so that gl-issue and gl-verify behave as one product: the
 * base command and its exit-code table, terminal and colour detection, progress, the duration
 * grammar, line reading, atomic output files, and the record schema of every output.
 */
package dev.greenlight.cli;
