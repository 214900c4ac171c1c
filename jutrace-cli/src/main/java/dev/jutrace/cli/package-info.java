/** The {@code jutrace} command: option parsing, starting or attaching, and the exit status. */
package dev.jutrace.cli;
