package dev.jutrace.core;

/** How {@link Tracer#attach} matches existing engines and whether it creates one. */
public enum AttachFlag {
    /** Only engines with the same ops object match. */
    MATCH_OPS,
    /** Only engines with the same data object (by identity) match. */
    MATCH_DATA,
    /** Create a new engine; without it, attach only looks one up. */
    CREATE,
    /** With CREATE: fail if a matching engine is already attached. */
    EXCLUSIVE
}
