/**
 * The native boundary: the only module that touches {@code java.lang.foreign}. Everything above it
 * sees typed static methods that take and return longs, ints and Java arrays.
 */
module dev.jutrace.sys {
    exports dev.jutrace.sys;
}
