/*
 * Seed 002 client, rebuilt from the article: one thread sends a bare PACKET_HEAD
 * {HEART = 0, length = 0} every interval and never reads a reply (one-way beacons).
 *
 * usage: seed002_client <host> <port> [interval_ms=3000] [beacons=-1]
 *   beacons >= 0: send that many, then fall silent with the socket still open
 *   (a hung peer, as the server sees it) and sleep until killed.
 *
 * stdout, one flushed line per event: "connected", "beacon <n>", "silent".
 * Differences from the article, so that it runs unattended: host/port/interval from
 * argv instead of a hard-coded address; MSG_NOSIGNAL so a closed socket ends the
 * program with a message instead of a silent SIGPIPE; the main thread waits instead of
 * spinning in an empty while(1).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum Type { HEART, OTHER };

/* The article's wire struct; an enum is a 4-byte int on the ABIs the lab runs on. */
struct PACKET_HEAD {
    enum Type type;
    int length;
};
_Static_assert(sizeof(struct PACKET_HEAD) == 8, "the wire header is two int32");

struct beacon_plan {
    int fd;
    long interval_ms;
    long beacons;
};

static void sleep_ms(long ms) {
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

static void *send_heart(void *arg) {
    struct beacon_plan *plan = arg;
    for (long sent = 0; plan->beacons < 0 || sent < plan->beacons; sent++) {
        struct PACKET_HEAD head = { HEART, 0 };
        if (send(plan->fd, &head, sizeof head, MSG_NOSIGNAL) != (ssize_t) sizeof head) {
            fprintf(stderr, "send failed: %s\n", strerror(errno));
            exit(1);
        }
        printf("beacon %ld\n", sent + 1);
        fflush(stdout);
        sleep_ms(plan->interval_ms);
    }
    printf("silent\n");
    fflush(stdout);
    return NULL;
}

static int connect_to(const char *host, const char *port) {
    struct addrinfo hints = { 0 }, *res;
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    int rc = getaddrinfo(host, port, &hints, &res);
    if (rc != 0) {
        fprintf(stderr, "resolve %s: %s\n", host, gai_strerror(rc));
        exit(1);
    }
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0 || connect(fd, res->ai_addr, res->ai_addrlen) < 0) {
        perror("connect server fail");
        exit(1);
    }
    freeaddrinfo(res);
    return fd;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s <host> <port> [interval_ms=3000] [beacons=-1]\n", argv[0]);
        return 2;
    }
    struct beacon_plan plan;
    plan.fd = connect_to(argv[1], argv[2]);
    plan.interval_ms = argc > 3 ? atol(argv[3]) : 3000;
    plan.beacons = argc > 4 ? atol(argv[4]) : -1;
    printf("connected\n");
    fflush(stdout);

    pthread_t id;
    if (pthread_create(&id, NULL, send_heart, &plan) != 0) {
        fprintf(stderr, "create thread fail.\n");
        return 1;
    }
    pthread_join(id, NULL);
    /* Keep the connection open but mute: the peer only learns of it through its sweep. */
    for (;;) {
        pause();
    }
}
