/** The engine layer's conformance suite, numbered after utrace-spec §5; run by the tests and by {@code jutrace selftest}. */
package dev.jutrace.testing.conformance;
