/* For the gdb server tests: three workers that each pass through work(), where a breakpoint
 * stops them one at a time, and a main thread that waits for them in pthread_join. */
#include <pthread.h>
#include <stdio.h>

static int results[3];

static int work(int id) {
    int v = id * 10;
    return v + 1;
}

static void *worker(void *arg) {
    int id = (int) (long) arg;
    results[id] = work(id);
    return NULL;
}

int main(void) {
    pthread_t t[3];
    for (long i = 0; i < 3; i++) pthread_create(&t[i], NULL, worker, (void *) i);
    for (int i = 0; i < 3; i++) pthread_join(t[i], NULL);
    printf("%d %d %d\n", results[0], results[1], results[2]);
    return 0;
}
