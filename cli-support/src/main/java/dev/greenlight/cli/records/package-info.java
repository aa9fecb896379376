/**
 * The one record schema of every data output of gl-issue and gl-verify ({@code specs/records.md}):
 * a {@link dev.greenlight.cli.records.Record} of named {@link dev.greenlight.cli.records.Field}s,
 * written as JSON Lines or CSV by one writer each, and the strict CSV reader of batch input.
 * Each format has one owner here; commands build records and never format them by hand.
 */
package dev.greenlight.cli.records;
