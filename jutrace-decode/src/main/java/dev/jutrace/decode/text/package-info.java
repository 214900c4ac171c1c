/** strace's text style: the argument writer decoders print structure into, string quoting, numbers and return values. */
package dev.jutrace.decode.text;
