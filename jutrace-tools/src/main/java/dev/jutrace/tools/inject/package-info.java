/**
 * Syscall tampering as an engine of its own: {@code --inject} and {@code --fault} specs, parsed by
 * {@link dev.jutrace.tools.inject.InjectSpec} and applied by
 * {@link dev.jutrace.tools.inject.InjectEngine}, which composes with any other engine.
 */
package dev.jutrace.tools.inject;
