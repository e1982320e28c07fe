/* run.c: fork and execvp, data in through a pipe, errors out through one. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/lang.h"
#include "core/text.h"
#include "core/xmalloc.h"
#include "sys/run.h"

#define ERR_KEEP	512	/* bytes of the command's stderr we keep */

static void
close_pair(int p[2])
{
	if (p[0] >= 0)
		close(p[0]);
	if (p[1] >= 0)
		close(p[1]);
	p[0] = p[1] = -1;
}

/* In the child: stdin from in, stdout to /dev/null, stderr to errp; the
 * signals a kiosk ignores are the defaults again. Never returns. */
static void
child(char *const argv[], int in[2], int errp[2], int report[2])
{
	static const int sigs[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU,
	    SIGPIPE, SIGHUP, SIGTERM };
	int devnull = open("/dev/null", O_WRONLY), e;
	long fd, max = sysconf(_SC_OPEN_MAX);
	size_t i;

	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		signal(sigs[i], SIG_DFL);
	if (dup2(in[0], STDIN_FILENO) == -1 || devnull == -1 ||
	    dup2(devnull, STDOUT_FILENO) == -1 ||
	    dup2(errp[1], STDERR_FILENO) == -1)
		goto fail;
	if (max < 0 || max > 4096)
		max = 4096;
	for (fd = 3; fd < max; fd++) {
		if (fd != report[1])
			close((int)fd);
	}
	execvp(argv[0], argv);
fail:
	e = errno;
	if (write(report[1], &e, sizeof e) == -1) {
		/* nobody to tell */
	}
	_exit(127);
}

/* Writes data to fd while reading the command's stderr, so that neither
 * side can block the other. */
static void
exchange(int wfd, const char *data, size_t len, int rfd, char *errbuf,
    size_t *errlen)
{
	struct pollfd pfd[2];
	char sink[512];
	size_t off = 0;
	ssize_t n;

	fcntl(wfd, F_SETFL, fcntl(wfd, F_GETFL) | O_NONBLOCK);
	if (len == 0) {
		close(wfd);
		wfd = -1;
	}
	while (wfd >= 0 || rfd >= 0) {
		pfd[0].fd = wfd;
		pfd[0].events = POLLOUT;
		pfd[1].fd = rfd;
		pfd[1].events = POLLIN;
		if (poll(pfd, 2, -1) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (wfd >= 0 && pfd[0].revents != 0) {
			n = write(wfd, data + off, len - off);
			if (n > 0)
				off += (size_t)n;
			if ((n == -1 && errno != EAGAIN && errno != EINTR) ||
			    off == len) {
				close(wfd);	/* done, or it stopped reading */
				wfd = -1;
			}
		}
		if (rfd >= 0 && pfd[1].revents != 0) {
			n = read(rfd, sink, sizeof sink);
			if (n > 0) {
				size_t k = (size_t)n;

				if (k > ERR_KEEP - 1 - *errlen)
					k = ERR_KEEP - 1 - *errlen;
				memcpy(errbuf + *errlen, sink, k);
				*errlen += k;
			} else if (n == 0 || (errno != EAGAIN &&
			    errno != EINTR)) {
				close(rfd);
				rfd = -1;
			}
		}
	}
	if (wfd >= 0)
		close(wfd);
	if (rfd >= 0)
		close(rfd);
}

/* The first line of what the command said, made safe to show. */
static char *
first_line(char *buf, size_t len)
{
	char *nl, *s;

	buf[len] = '\0';
	if ((nl = strchr(buf, '\n')) != NULL)
		*nl = '\0';
	s = text_sanitize(buf);
	if (*s == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

int
run_with_input(char *const argv[], const char *data, size_t len, char **err)
{
	int in[2] = { -1, -1 }, errp[2] = { -1, -1 }, report[2] = { -1, -1 };
	char errbuf[ERR_KEEP], *said;
	struct sigaction ign, old;
	size_t errlen = 0;
	int status, e = 0;
	pid_t pid;
	ssize_t n;

	/* report: closed by a successful exec, or carries exec's errno */
	if (pipe(in) == -1 || pipe(errp) == -1 || pipe(report) == -1 ||
	    fcntl(report[1], F_SETFD, FD_CLOEXEC) == -1) {
		*err = xasprintf(_("cannot start \"%s\": %s"), argv[0],
		    strerror(errno));
		close_pair(in);
		close_pair(errp);
		close_pair(report);
		return -1;
	}
	if ((pid = fork()) == -1) {
		*err = xasprintf(_("cannot start \"%s\": %s"), argv[0],
		    strerror(errno));
		close_pair(in);
		close_pair(errp);
		close_pair(report);
		return -1;
	}
	if (pid == 0)
		child(argv, in, errp, report);
	close(in[0]);
	close(errp[1]);
	close(report[1]);
	/* a command that stops reading must not take optout with it */
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ign, &old);
	exchange(in[1], data, len, errp[0], errbuf, &errlen);
	sigaction(SIGPIPE, &old, NULL);
	while ((n = read(report[0], &e, sizeof e)) == -1 && errno == EINTR)
		;
	close(report[0]);
	while (waitpid(pid, &status, 0) == -1) {
		if (errno != EINTR) {
			*err = xasprintf(_("\"%s\" went missing: %s"), argv[0],
			    strerror(errno));
			return -1;
		}
	}
	if (n == (ssize_t)sizeof e) {
		*err = xasprintf(_("the program \"%s\" could not be started: "
		    "%s"), argv[0], strerror(e));
		return -1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	said = first_line(errbuf, errlen);
	if (WIFSIGNALED(status))
		*err = xasprintf(_("\"%s\" was stopped by signal %d%s%s"),
		    argv[0], WTERMSIG(status), said != NULL ? ": " : "",
		    said != NULL ? said : "");
	else
		*err = xasprintf(_("\"%s\" ended with status %d%s%s"), argv[0],
		    WEXITSTATUS(status), said != NULL ? ": " : "",
		    said != NULL ? said : "");
	free(said);
	return -1;
}
