/*
 * Seed 002 server, rebuilt from the article: accepts clients, reads 8-byte PACKET_HEADs,
 * and a sweep thread bumps every connection's counter each interval; a HEART header resets
 * it, and a connection whose counter has reached max_sweeps at a sweep is closed. It never
 * writes to a socket (seed 002 beacons get no reply).
 *
 * usage: seed002_server <port> [sweep_ms=3000] [max_sweeps=5]
 *   port 0 picks a free port; the first line says which.
 *
 * stdout, one flushed line per event:
 *   listening <port>   accepted <fd>   beacon <fd>   closed <fd> (by the sweep)
 *   eof <fd> (the peer closed first)   packet <fd> <type> <length> (any non-HEART header)
 * Differences from the article, so that it runs unattended: several clients at once (the
 * article's map already allows it, its loop served one); the socket table is locked because
 * the sweep thread and the reader share it; poll() replaces a blocking recv() that the
 * sweep's close() could not interrupt; listens on 127.0.0.1 only, since it is a test peer.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_CLIENTS 256

enum Type { HEART, OTHER };

struct PACKET_HEAD {
    enum Type type;
    int length;
};
_Static_assert(sizeof(struct PACKET_HEAD) == 8, "the wire header is two int32");

/* The article's map<fd, pair<ip, count>>, plus the bytes of a header still being read. */
struct client {
    int fd;
    int count;
    size_t have;
    unsigned char head[sizeof(struct PACKET_HEAD)];
};

static struct client clients[MAX_CLIENTS];
static int nclients;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long sweep_ms = 3000;
static int max_sweeps = 5;

static void say(const char *event, int fd) {
    printf("%s %d\n", event, fd);
    fflush(stdout);
}

/* Caller holds the lock. */
static void drop(int i, const char *event) {
    say(event, clients[i].fd);
    close(clients[i].fd);
    clients[i] = clients[--nclients];
}

static void *heart_handler(void *arg) {
    (void) arg;
    for (;;) {
        struct timespec ts = { sweep_ms / 1000, (sweep_ms % 1000) * 1000000L };
        while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
        }
        pthread_mutex_lock(&lock);
        for (int i = 0; i < nclients;) {
            if (clients[i].count >= max_sweeps) {
                drop(i, "closed");
            } else {
                clients[i].count++;
                i++;
            }
        }
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

/* Caller holds the lock. Returns 0 when the connection is gone. */
static int read_headers(int i) {
    struct client *c = &clients[i];
    for (;;) {
        ssize_t n = recv(c->fd, c->head + c->have, sizeof c->head - c->have, MSG_DONTWAIT);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
            drop(i, "eof");
            return 0;
        }
        if (n < 0) {
            return 1;
        }
        c->have += (size_t) n;
        if (c->have < sizeof c->head) {
            continue;
        }
        struct PACKET_HEAD head;
        memcpy(&head, c->head, sizeof head);
        c->have = 0;
        if (head.type == HEART) {
            c->count = 0;
            say("beacon", c->fd);
        } else {
            /* The article leaves "receive data" empty; show what arrived instead of guessing. */
            printf("packet %d %d %d\n", c->fd, (int) head.type, head.length);
            fflush(stdout);
        }
    }
}

static int listen_on(int port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = { 0 };
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons((unsigned short) port);
    if (fd < 0 || bind(fd, (struct sockaddr *) &addr, sizeof addr) < 0 || listen(fd, 20) < 0) {
        perror("bind ip and port fail");
        exit(1);
    }
    socklen_t len = sizeof addr;
    getsockname(fd, (struct sockaddr *) &addr, &len);
    say("listening", ntohs(addr.sin_port));
    return fd;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s <port> [sweep_ms=3000] [max_sweeps=5]\n", argv[0]);
        return 2;
    }
    if (argc > 2) {
        sweep_ms = atol(argv[2]);
    }
    if (argc > 3) {
        max_sweeps = atoi(argv[3]);
    }
    int lfd = listen_on(atoi(argv[1]));

    pthread_t id;
    if (pthread_create(&id, NULL, heart_handler, NULL) != 0) {
        fprintf(stderr, "can't create heart-beat thread.\n");
        return 1;
    }

    struct pollfd fds[MAX_CLIENTS + 1];
    for (;;) {
        pthread_mutex_lock(&lock);
        int n = 0;
        fds[n++] = (struct pollfd) { lfd, POLLIN, 0 };
        for (int i = 0; i < nclients; i++) {
            fds[n++] = (struct pollfd) { clients[i].fd, POLLIN, 0 };
        }
        pthread_mutex_unlock(&lock);

        /* A short timeout bounds how long a descriptor the sweep just closed stays polled. */
        if (poll(fds, (nfds_t) n, 100) < 0 && errno != EINTR) {
            perror("poll");
            return 1;
        }
        pthread_mutex_lock(&lock);
        if (fds[0].revents & POLLIN) {
            int cfd = accept(lfd, NULL, NULL);
            if (cfd >= 0 && nclients < MAX_CLIENTS) {
                clients[nclients++] = (struct client) { cfd, 0, 0, { 0 } };
                say("accepted", cfd);
            } else if (cfd >= 0) {
                close(cfd);
            }
        }
        for (int k = 1; k < n; k++) {
            if (!(fds[k].revents & (POLLIN | POLLHUP | POLLERR))) {
                continue;
            }
            /* The sweep may have closed it meanwhile; only read sockets still in the table. */
            for (int i = 0; i < nclients; i++) {
                if (clients[i].fd == fds[k].fd) {
                    read_headers(i);
                    break;
                }
            }
        }
        pthread_mutex_unlock(&lock);
    }
}
