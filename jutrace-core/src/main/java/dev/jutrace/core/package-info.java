/** Tracer, tasks, engines, events and resume actions: utrace's model over one real ptrace attachment. */
package dev.jutrace.core;
