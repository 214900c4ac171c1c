/* For the gdb server tests: prints its pid, then runs until a debugger sets stop, sleeping in
 * short naps and spinning in between, so an interrupt may find it in user code or in a system
 * call. */
#include <stdio.h>
#include <unistd.h>

volatile int stop;
volatile unsigned long spins;

int main(void) {
    printf("%d\n", (int) getpid());
    fflush(stdout);
    while (!stop) {
        for (int i = 0; i < 100000; i++) spins++;
        usleep(1000);
    }
    puts("stopped");
    return 0;
}
