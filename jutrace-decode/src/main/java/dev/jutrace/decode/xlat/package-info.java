/** Constant and flag tables (xlat, as strace calls them) loaded from data files that name their kernel headers. */
package dev.jutrace.decode.xlat;
