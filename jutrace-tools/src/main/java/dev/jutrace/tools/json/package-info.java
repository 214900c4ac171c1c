/**
 * The JSON engine ({@code --json}): one JSON object a line per syscall, signal and death, in the
 * versioned schema of docs/JSON.md, with raw values next to strace's decoded text.
 */
package dev.jutrace.tools.json;
