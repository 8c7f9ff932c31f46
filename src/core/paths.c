/* Data and session locations (contract.md, "Command line"). */
#include "socscope/paths.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"

/* The slug's length limit, in bytes, before ".yaml". */
#define SLUG_MAX 64

bool
sc_name_is_path(const char *name)
{
	if (!name)
		return false;
	size_t n = strlen(name);
	return strchr(name, '/') != NULL ||
	       (n >= 5 && strcmp(name + n - 5, ".yaml") == 0);
}

/* An environment variable, or NULL when unset or empty (the XDG base
 * directory specification treats empty as unset). */
static const char *
env(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

static void
strv_push(char ***v, size_t *n, size_t *cap, char *s)
{
	*v = sc_xgrow(*v, cap, *n + 2, sizeof **v);
	(*v)[(*n)++] = s;
	(*v)[*n] = NULL;
}

/* The XDG specification says relative paths in these variables are invalid
 * and must be ignored. */
static bool
usable(const char *dir)
{
	return dir && dir[0] == '/';
}

char **
sc_data_dirs(enum sc_data_kind kind)
{
	const char *sub = kind == SC_DATA_THEME      ? "themes"
	                  : kind == SC_DATA_EXAMPLE  ? "questionnaires/examples"
	                  : kind == SC_DATA_EVIDENCE ? "questionnaires/evidence"
	                                             : "questionnaires";
	char **v = NULL;
	size_t n = 0, cap = 0;
	const char *s;

	/* SOCSCOPE_DATA_DIR is the user's explicit choice: honoured even when
	 * relative. */
	if ((s = env("SOCSCOPE_DATA_DIR")))
		strv_push(&v, &n, &cap, sc_xasprintf("%s/%s", s, sub));

	if (usable(s = env("XDG_DATA_HOME")))
		strv_push(&v, &n, &cap, sc_xasprintf("%s/socscope/%s", s, sub));
	else if ((s = env("HOME")))
		strv_push(&v, &n, &cap,
		          sc_xasprintf("%s/.local/share/socscope/%s", s, sub));

	const char *dirs = env("XDG_DATA_DIRS");
	if (!dirs)
		dirs = "/usr/local/share:/usr/share";
	for (const char *p = dirs; *p;) {
		size_t len = strcspn(p, ":");
		if (len > 0 && p[0] == '/') {
			/* Drop trailing slashes so the paths read cleanly. */
			size_t l = len;
			while (l > 1 && p[l - 1] == '/')
				l--;
			strv_push(&v, &n, &cap,
			          sc_xasprintf("%.*s/socscope/%s", (int)l, p, sub));
		}
		p += len;
		if (*p == ':')
			p++;
	}

	strv_push(&v, &n, &cap, sc_xasprintf("%s/%s", SOCSCOPE_DATADIR, sub));

	/* The same directory may be listed twice (the installed data directory
	 * is usually also under XDG_DATA_DIRS); keep its first place only. */
	size_t out = 0;
	for (size_t i = 0; i < n; i++) {
		bool dup = false;
		for (size_t j = 0; j < out; j++)
			if (strcmp(v[j], v[i]) == 0) {
				dup = true;
				break;
			}
		if (dup)
			free(v[i]);
		else
			v[out++] = v[i];
	}
	v[out] = NULL;
	return v;
}

char *
sc_data_find(enum sc_data_kind kind, const char *name)
{
	if (!name || !*name)
		return NULL;
	char **dirs = sc_data_dirs(kind);
	char *found = NULL;
	for (size_t i = 0; dirs[i] && !found; i++) {
		char *p = sc_xasprintf("%s/%s.yaml", dirs[i], name);
		struct stat st;
		if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
			found = p;
		else
			free(p);
	}
	sc_strv_free(dirs);
	return found;
}

char *
sc_sessions_dir(void)
{
	const char *s = env("XDG_STATE_HOME");
	if (usable(s))
		return sc_xasprintf("%s/socscope/sessions", s);
	s = env("HOME");
	/* With no HOME at all the working directory is the only place left
	 * that the user can be expected to find again. */
	return sc_xasprintf("%s/.local/state/socscope/sessions", s ? s : ".");
}

char *
sc_session_path(const char *client)
{
	char *dir = sc_sessions_dir();
	char *slug = sc_slug(client);
	char *p = sc_xasprintf("%s/%s.yaml", dir, slug);
	free(slug);
	free(dir);
	return p;
}

/* Decode the UTF-8 sequence at p (0 for an invalid one); *len gets its
 * length in bytes (1 for an invalid byte, which is then skipped). */
static unsigned long
utf8_decode(const unsigned char *p, size_t *len)
{
	unsigned long cp;
	size_t n;
	if (*p >= 0xc2 && *p <= 0xdf) {
		n = 2;
		cp = *p & 0x1fu;
	} else if (*p >= 0xe0 && *p <= 0xef) {
		n = 3;
		cp = *p & 0x0fu;
	} else if (*p >= 0xf0 && *p <= 0xf4) {
		n = 4;
		cp = *p & 0x07u;
	} else {
		*len = 1;
		return 0;
	}
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80) {
			*len = 1;
			return 0;
		}
		cp = (cp << 6) | (p[i] & 0x3fu);
	}
	*len = n;
	return cp;
}

/* Non-ASCII characters that separate words rather than spell them: the
 * Latin-1 punctuation and signs, general punctuation (dashes, spaces,
 * quotes), CJK punctuation and the full-width ASCII punctuation. */
static bool
is_wide_separator(unsigned long cp)
{
	return (cp >= 0xa0 && cp <= 0xbf) || cp == 0xd7 || cp == 0xf7 ||
	       (cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x3000 && cp <= 0x303f) ||
	       (cp >= 0xff00 && cp <= 0xff0f) || (cp >= 0xff1a && cp <= 0xff20);
}

char *
sc_slug(const char *name)
{
	struct sc_buf b = {0};
	bool sep = false; /* a separator is pending */
	const unsigned char *p = (const unsigned char *)(name ? name : "");
	for (size_t step = 1; *p; p += step) {
		step = 1;
		unsigned char c = *p;
		if (c >= 0x80) {
			/* Non-ASCII letters are dropped without a separator
			 * ("Café" -> "caf"), non-ASCII spaces and dashes
			 * separate words like their ASCII kin. */
			if (is_wide_separator(utf8_decode(p, &step)))
				sep = true;
			continue;
		}
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		if (!alnum) {
			sep = true;
			continue;
		}
		if (sep && b.len > 0) {
			if (b.len + 2 > SLUG_MAX)
				break;
			sc_buf_putc(&b, '-');
		}
		sep = false;
		if (b.len + 1 > SLUG_MAX)
			break;
		sc_buf_putc(&b, (char)c);
	}
	if (b.len == 0) {
		sc_buf_fini(&b);
		return sc_xstrdup("client");
	}
	return sc_buf_steal(&b);
}

void
sc_strv_free(char **v)
{
	if (!v)
		return;
	for (size_t i = 0; v[i]; i++)
		free(v[i]);
	free(v);
}
