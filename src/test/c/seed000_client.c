/*
 * Seed 000 client (a Qt window in the article) as plain C: every interval it sends
 * HeartCheckReq {HEART_CHECK_REQ = 0, len = 8} and decrements a counter that starts at 6;
 * any bytes received reset the counter; at 0 it closes and reconnects. Each
 * HeartCheckRes {1, 8} received is counted.
 *
 * usage: seed000_client <host> <port> [interval_ms=5000] [acks=-1]
 *   acks >= 0: exit 0 once that many replies have arrived.
 *
 * stdout, one flushed line per event: "connected", "ack <n>" (n = replies so far),
 * "disconnected", "reconnect", "connect failed".
 * A single poll() loop stands in for Qt's event loop (timer slot + readyRead slot).
 */
#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define HEART_CHECK_TIMES 6 /* the article: keep alive 30 s, a request every 5 s */

enum TypeInfo { HEART_CHECK_REQ, HEART_CHECK_RES };

struct Head {
    int32_t type;
    int32_t len;
};

static long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static void say(const char *line) {
    printf("%s\n", line);
    fflush(stdout);
}

static int connect_to(const char *host, const char *port) {
    struct addrinfo hints = { 0 }, *res;
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host, port, &hints, &res) != 0) {
        return -1;
    }
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd >= 0 && connect(fd, res->ai_addr, res->ai_addrlen) < 0) {
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    return fd;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s <host> <port> [interval_ms=5000] [acks=-1]\n", argv[0]);
        return 2;
    }
    long interval = argc > 3 ? atol(argv[3]) : 5000;
    long want = argc > 4 ? atol(argv[4]) : -1;
    int fd = connect_to(argv[1], argv[2]);
    if (fd < 0) {
        perror("conn fail");
        return 1;
    }
    say("connected");

    int times = HEART_CHECK_TIMES;
    long acks = 0;
    unsigned char buf[65536];
    size_t have = 0;
    long next = now_ms() + interval;
    for (;;) {
        struct pollfd p = { fd, POLLIN, 0 };
        long wait = next - now_ms();
        int ready = poll(&p, fd >= 0 ? 1 : 0, wait > 0 ? (int) wait : 0);
        if (ready > 0 && (p.revents & (POLLIN | POLLHUP | POLLERR))) {
            ssize_t n = recv(fd, buf + have, sizeof buf - have, 0);
            if (n <= 0) {
                /* The Qt client only notices through its counter; keep the timer running. */
                say("disconnected");
                close(fd);
                fd = -1;
                have = 0;
            } else {
                have += (size_t) n;
                times = HEART_CHECK_TIMES;
                /* Unlike the article, frames are parsed so that each reply is counted once. */
                size_t off = 0;
                while (have - off >= sizeof(struct Head)) {
                    struct Head h;
                    memcpy(&h, buf + off, sizeof h);
                    size_t whole = h.len < (int32_t) sizeof h ? sizeof h : (size_t) h.len;
                    if (whole > sizeof buf) {
                        fprintf(stderr, "frame too long: %d\n", h.len);
                        return 1;
                    }
                    if (have - off < whole) {
                        break;
                    }
                    if (h.type == HEART_CHECK_RES) {
                        printf("ack %ld\n", ++acks);
                        fflush(stdout);
                        if (want >= 0 && acks >= want) {
                            return 0;
                        }
                    }
                    off += whole;
                }
                memmove(buf, buf + off, have - off);
                have -= off;
            }
        }
        if (now_ms() < next) {
            continue;
        }
        next += interval;
        struct Head req = { HEART_CHECK_REQ, sizeof(struct Head) };
        if (fd >= 0) {
            send(fd, &req, sizeof req, MSG_NOSIGNAL);
        }
        if (--times <= 0) {
            say("reconnect");
            if (fd >= 0) {
                close(fd);
            }
            fd = connect_to(argv[1], argv[2]);
            have = 0;
            if (fd >= 0) {
                times = HEART_CHECK_TIMES;
                say("connected");
            } else {
                say("connect failed");
            }
        }
    }
}
