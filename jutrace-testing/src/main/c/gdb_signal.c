/* For the gdb server tests: raises SIGUSR1 twice; the handler counts what was delivered, so
 * the output shows whether gdb passed each signal on or withheld it. */
#include <signal.h>
#include <stdio.h>

static volatile sig_atomic_t got;

static void handler(int sig) {
    (void) sig;
    got++;
}

int main(void) {
    signal(SIGUSR1, handler);
    raise(SIGUSR1);
    raise(SIGUSR1);
    printf("handled %d\n", (int) got);
    return 0;
}
