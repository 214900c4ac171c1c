/**
 * Golden tests in strace's manner: C programs under jutrace-testing that make calls and print
 * the lines their trace must show, run here under the real {@code jutrace} by {@link
 * dev.jutrace.cli.golden.GoldenHarness}.
 */
package dev.jutrace.cli.golden;
