/* xmalloc.h: allocation that never returns NULL, and the one fatal() path.
 * Out of memory and impossible states end here; a front end registers a hook
 * that restores the terminal before the message is printed. */
#ifndef OPTOUT_XMALLOC_H
#define OPTOUT_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));

void	 fatal_set_hook(void (*)(void));
void	 fatal(const char *, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
