// A WASI command in C (clang + wasi-libc, made a component with jco's preview1 adapter): prints
// to stdout, reads GREETING and the preopened /data/input.txt, tries to leave /data through
// hostile paths and reports the errno each attempt gets, and exits 1 if any of them got out.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int escapes = 0;

// Tries to open PATH relative to the directory DIR with FLAGS; prints what happened.
static void attempt(int dir, const char *what, const char *path, int flags) {
  int fd = openat(dir, path, flags, 0644);
  if (fd < 0) {
    printf("%s %s: errno %d (%s)\n", what, path, errno, strerror(errno));
    return;
  }
  escapes++;
  printf("%s %s: opened\n", what, path);
  if ((flags & O_ACCMODE) != O_WRONLY) {
    char buf[64];
    ssize_t n = read(fd, buf, sizeof buf - 1);
    printf("  read %zd bytes\n", n);
  } else {
    ssize_t n = write(fd, "escaped\n", 8);
    printf("  wrote %zd bytes\n", n);
  }
  close(fd);
}

int main(int argc, char **argv) {
  printf("hello from c\n");
  const char *greeting = getenv("GREETING");
  printf("GREETING=%s\n", greeting ? greeting : "(unset)");
  printf("args:");
  for (int i = 1; i < argc; i++) printf(" %s", argv[i]);
  printf("\n");

  FILE *f = fopen("/data/input.txt", "r");
  if (!f) {
    printf("input.txt: errno %d (%s)\n", errno, strerror(errno));
    return 1;
  }
  char line[256];
  if (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\n")] = 0;
    printf("input.txt: %s\n", line);
  }
  fclose(f);

  int dir = open("/data", O_RDONLY | O_DIRECTORY);
  if (dir < 0) {
    printf("/data: errno %d (%s)\n", errno, strerror(errno));
    return 1;
  }
  attempt(dir, "read", "../outside.txt", O_RDONLY);
  attempt(dir, "read", "sub/../../outside.txt", O_RDONLY);
  attempt(dir, "read", "/etc/passwd", O_RDONLY);
  attempt(dir, "read", "link-out", O_RDONLY);
  attempt(dir, "read", "dir-out/outside.txt", O_RDONLY);
  attempt(dir, "write", "link-out", O_WRONLY | O_TRUNC);
  attempt(dir, "create", "../created.txt", O_WRONLY | O_CREAT);
  attempt(dir, "create", "dir-out/created.txt", O_WRONLY | O_CREAT);
  if (mkdirat(dir, "../made-dir", 0755) < 0) {
    printf("mkdir ../made-dir: errno %d (%s)\n", errno, strerror(errno));
  } else {
    escapes++;
    printf("mkdir ../made-dir: made\n");
  }
  close(dir);

  const char *code = getenv("EXIT_CODE");
  if (escapes > 0) return 1;
  return code ? atoi(code) : 0;
}
