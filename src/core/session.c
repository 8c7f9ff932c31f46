/* Interview sessions: answers + live evaluation + save on every change. */
/* For open-file-description locks (F_OFD_SETLK), Linux's. */
#define _GNU_SOURCE
#include "socscope/session.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "socscope/expr.h"
#include "socscope/fsutil.h"
#include "socscope/migrate.h"
#include "socscope/yamltree.h"

/* The same bound every loader applies to user files. */
#define SESSION_FILE_MAX (16u * 1024u * 1024u)

/* Create the directory that will hold `path`.  A failure is not fatal
 * here: the first save then fails with a message that names the file, which
 * is what the user needs to see. */
static void
make_parent_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash || slash == path)
		return;
	char *dir = sc_xstrndup(path, (size_t)(slash - path));
	(void)sc_mkdir_p(dir, 0700);
	free(dir);
}

/* The client's name and the questionnaire's client question hold one
 * value: set the question's answer to `client` when it fits (a name longer
 * than the question allows leaves the question to be asked).  True when the
 * answer changed. */
static bool
client_to_answer(struct sc_answers *a, const char *client)
{
	size_t cq = a->q->client_question;
	if (cq == SIZE_MAX || !client || !*client)
		return false;
	struct sc_answer v = {.type = SC_A_TEXT, .text = (char *)client};
	if (sc_answer_equal(&a->v[cq], &v))
		return false;
	return sc_answers_set(a, cq, &v);
}

/* ---- the lock ---------------------------------------------------------
 *
 * An interview holds a write lock on a file beside its session file,
 * ".NAME.yaml.lock", for as long as it has the session open.  The kernel
 * drops the lock when the process ends, however it ends (SIGKILL too), so
 * a lock is never stale.  Open-file-description locks (F_OFD_SETLK) belong
 * to the open file rather than the process, so two sessions in one process
 * exclude each other as two processes do, and probing another session's
 * lock (F_OFD_GETLK) neither takes nor disturbs it.  The file holds who
 * took the lock and when, for the message a second interview shows.  The
 * holder removes it when it closes the session; whoever locks a file
 * checks that it is still the one at that name, since a closing holder
 * may have removed it in between. */

#ifdef F_OFD_SETLK
#define LOCK_SET F_OFD_SETLK
#define LOCK_GET F_OFD_GETLK
#else
/* Process-wide locks where there are no others: two processes still
 * exclude each other, but closing any descriptor of a lock file drops the
 * process's lock on it, so a process must not probe a session it holds. */
#define LOCK_SET F_SETLK
#define LOCK_GET F_GETLK
#endif

static char *
lock_path_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return sc_xasprintf(".%s.lock", path);
	return sc_xasprintf("%.*s/.%s.lock", (int)(slash - path), path,
	                    slash + 1);
}

static void
lock_request(struct flock *fl, short type)
{
	memset(fl, 0, sizeof *fl);
	fl->l_type = type;
	fl->l_whence = SEEK_SET;
}

/* "socscope process 1234 (alice on host1) since 2026-11-22 10:15 UTC"
 * from what the holder wrote in its lock file. */
static char *
describe_holder(int fd)
{
	char buf[512];
	ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
	buf[n > 0 ? n : 0] = '\0';
	char pid[32] = "", user[128] = "", host[128] = "", since[64] = "";
	for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
		if (sscanf(line, "pid %31s", pid) == 1 ||
		    sscanf(line, "user %127s", user) == 1 ||
		    sscanf(line, "host %127s", host) == 1 ||
		    sscanf(line, "since %63s", since) == 1)
			continue;
	}
	struct sc_buf b = {0};
	if (*pid)
		sc_buf_printf(&b, "socscope process %s", pid);
	else
		sc_buf_puts(&b, "another socscope");
	if (*user && *host)
		sc_buf_printf(&b, " (%s on %s)", user, host);
	else if (*user || *host)
		sc_buf_printf(&b, " (%s)", *user ? user : host);
	/* 2026-11-22T10:15:03Z reads as 2026-11-22 10:15 UTC. */
	if (strlen(since) == 20 && since[10] == 'T' && since[19] == 'Z')
		sc_buf_printf(&b, " since %.10s %.5s UTC", since, since + 11);
	return sc_buf_steal(&b);
}

/* Say who we are and since when, for a second interview's message. */
static void
write_holder(int fd)
{
	char host[128] = "";
	if (gethostname(host, sizeof host - 1) != 0)
		host[0] = '\0';
	host[sizeof host - 1] = '\0';
	const char *user = getenv("USER");
	if (!user || !*user || strpbrk(user, " \n"))
		user = getenv("LOGNAME");
	char stamp[32] = "";
	time_t now = time(NULL);
	struct tm tm;
	if (gmtime_r(&now, &tm))
		strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
	struct sc_buf b = {0};
	sc_buf_printf(&b, "pid %ld\n", (long)getpid());
	if (user && *user && !strpbrk(user, " \n"))
		sc_buf_printf(&b, "user %s\n", user);
	if (*host && !strpbrk(host, " \n"))
		sc_buf_printf(&b, "host %s\n", host);
	if (*stamp)
		sc_buf_printf(&b, "since %s\n", stamp);
	/* Only informative: a failure here takes nothing from the lock. */
	if (ftruncate(fd, 0) == 0 &&
	    pwrite(fd, b.data, b.len, 0) != (ssize_t)b.len) {
		/* The message then says "another socscope". */
	}
	sc_buf_fini(&b);
}

enum lock_result { LOCK_HELD, LOCK_BUSY, LOCK_NONE };

/* Take the lock of the session at `path`.  LOCK_HELD with *fd set;
 * LOCK_BUSY with *holder saying who has it; LOCK_NONE when no lock can be
 * had at all (a directory we cannot write, a file system without locks):
 * then nobody else can write the session there either, or saving fails
 * and says why. */
static enum lock_result
lock_take(const char *lock_path, int *fd, char **holder)
{
	*fd = -1;
	*holder = NULL;
	for (int tries = 0; tries < 20; tries++) {
		int f = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
		             0600);
		if (f < 0)
			return LOCK_NONE;
		struct flock fl;
		lock_request(&fl, F_WRLCK);
		if (fcntl(f, LOCK_SET, &fl) != 0) {
			int e = errno;
			if (e == EAGAIN || e == EACCES) {
				*holder = describe_holder(f);
				close(f);
				return LOCK_BUSY;
			}
			close(f);
			return LOCK_NONE;
		}
		struct stat a, b;
		if (fstat(f, &a) == 0 && stat(lock_path, &b) == 0 &&
		    a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
			write_holder(f);
			*fd = f;
			return LOCK_HELD;
		}
		/* Removed by its last holder meanwhile: take the new one. */
		close(f);
	}
	return LOCK_NONE;
}

static void
lock_release(int fd, const char *lock_path)
{
	if (fd < 0)
		return;
	/* Remove the file while still holding it, and only if it is ours. */
	struct stat a, b;
	if (fstat(fd, &a) == 0 && stat(lock_path, &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino)
		unlink(lock_path);
	close(fd);
}

char *
sc_session_holder(const char *path)
{
	char *lp = lock_path_of(path);
	int fd = open(lp, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	free(lp);
	if (fd < 0)
		return NULL;
	struct flock fl;
	lock_request(&fl, F_WRLCK);
	char *who = NULL;
	if (fcntl(fd, LOCK_GET, &fl) == 0 && fl.l_type != F_UNLCK)
		who = describe_holder(fd);
	close(fd);
	return who;
}

/* Remove what saves killed half-way left: ".NAME.yaml.tmp-XXXXXX" beside
 * the session.  Only the lock's holder writes the session, so with the
 * lock held every such file is dead. */
static void
remove_stale_temporaries(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? sc_xstrndup(path, (size_t)(slash - path))
	                  : sc_xstrdup(".");
	if (slash == path) {
		free(dir);
		dir = sc_xstrdup("/");
	}
	char *prefix = sc_xasprintf(".%s.tmp-", slash ? slash + 1 : path);
	size_t plen = strlen(prefix);
	DIR *dp = opendir(dir);
	if (dp) {
		struct dirent *de;
		while ((de = readdir(dp)) != NULL) {
			/* mkstemp's six characters, nothing else. */
			if (strncmp(de->d_name, prefix, plen) != 0 ||
			    strlen(de->d_name) != plen + 6)
				continue;
			char *p = sc_xasprintf("%s/%s", dir, de->d_name);
			unlink(p);
			free(p);
		}
		closedir(dp);
	}
	free(prefix);
	free(dir);
}

struct sc_session *
sc_session_open(const struct sc_questionnaire *q, const char *path,
                const char *client, struct sc_diags *d, enum sc_status *st)
{
	struct sc_answers *a = sc_answers_new(q);
	struct stat sb;
	enum sc_status s = SC_OK;

	/* The lock first, so that what is read is what the holder last
	 * saved and no one writes it after us. */
	if (stat(path, &sb) != 0 && (errno == ENOENT || errno == ENOTDIR))
		make_parent_dir(path);
	char *lock_path = lock_path_of(path);
	int lock_fd = -1;
	char *holder = NULL;
	if (lock_take(lock_path, &lock_fd, &holder) == LOCK_HELD)
		remove_stale_temporaries(path);

	if (stat(path, &sb) == 0 || (errno != ENOENT && errno != ENOTDIR)) {
		/* It exists, or we cannot tell: let the loader say precisely
		 * what is wrong rather than silently starting over. */
		s = sc_answers_load_file(a, path, d);
		if (s != SC_OK) {
			sc_answers_free(a);
			lock_release(lock_fd, lock_path);
			free(lock_path);
			free(holder);
			if (st)
				*st = s;
			return NULL;
		}
	}
	if (client && *client && (!a->client || !*a->client)) {
		free(a->client);
		a->client = sc_xstrdup(client);
	}
	/* A name known at the start answers the client question, so it is not
	 * asked twice; a file with the answer but no name takes its name from
	 * the answer. */
	size_t cq = q->client_question;
	if (cq != SIZE_MAX) {
		if (a->client && *a->client) {
			if (a->v[cq].type == SC_A_NONE)
				client_to_answer(a, a->client);
		} else if (a->v[cq].type == SC_A_TEXT && *a->v[cq].text) {
			free(a->client);
			a->client = sc_xstrdup(a->v[cq].text);
		}
	}

	struct sc_session *ses = sc_xcalloc(1, sizeof *ses);
	ses->q = q;
	ses->a = a;
	ses->ev = sc_eval_new(q, a);
	ses->path = sc_xstrdup(path);
	ses->read_only = holder != NULL;
	ses->holder = holder;
	ses->lock_fd = lock_fd;
	ses->lock_path = lock_path;
	if (st)
		*st = SC_OK;
	return ses;
}

void
sc_session_free(struct sc_session *s)
{
	if (!s)
		return;
	lock_release(s->lock_fd, s->lock_path);
	sc_eval_free(s->ev);
	sc_answers_free(s->a);
	free(s->path);
	free(s->last_error);
	free(s->holder);
	free(s->lock_path);
	free(s);
}

struct sc_session *
sc_session_what_if(const struct sc_session *s)
{
	struct sc_session *w = sc_xcalloc(1, sizeof *w);
	w->q = s->q;
	w->a = sc_answers_clone(s->a);
	w->ev = sc_eval_new(w->q, w->a);
	w->lock_fd = -1;
	return w;
}

enum sc_status
sc_session_save(struct sc_session *s)
{
	char *err = NULL;
	/* Open in another interview: this one never writes. */
	if (s->read_only)
		return SC_ECANTCREAT;
	/* A what-if copy lives in memory only. */
	if (!s->path)
		return SC_OK;
	enum sc_status st = sc_answers_save_file(s->a, s->path, &err);
	free(s->last_error);
	s->last_error = NULL;
	if (st != SC_OK) {
		s->last_error = err ? err
		                    : sc_xasprintf("%s: cannot save the answers",
		                                   s->path);
		return st;
	}
	free(err);
	return SC_OK;
}

/* An unchanged value needs no save, unless an earlier save failed: then
 * this is the user's chance to retry. */
static enum sc_status
save_if(struct sc_session *s, bool changed)
{
	if (!changed && !s->last_error)
		return SC_OK;
	return sc_session_save(s);
}

enum sc_status
sc_session_set(struct sc_session *s, size_t question,
               const struct sc_answer *v)
{
	if (s->read_only)
		return SC_ECANTCREAT;
	if (question >= s->q->nquestions)
		return SC_EDATA;
	if (v->type == SC_A_NONE)
		return sc_session_unset(s, question);
	bool changed = !sc_answer_equal(&s->a->v[question], v);
	if (changed) {
		if (!sc_answers_set(s->a, question, v))
			return SC_EDATA;
		sc_eval_changed(s->ev, question);
		/* Answering the client question names the client. */
		if (question == s->q->client_question &&
		    v->type == SC_A_TEXT && *v->text) {
			free(s->a->client);
			s->a->client = sc_xstrdup(v->text);
		}
	}
	return save_if(s, changed);
}

enum sc_status
sc_session_unset(struct sc_session *s, size_t question)
{
	if (s->read_only)
		return SC_ECANTCREAT;
	if (question >= s->q->nquestions)
		return SC_EDATA;
	bool changed = s->a->v[question].type != SC_A_NONE;
	if (changed) {
		sc_answers_unset(s->a, question);
		sc_eval_changed(s->ev, question);
	}
	return save_if(s, changed);
}

static bool
same_text(const char *x, const char *y)
{
	if (!x || !*x)
		return !y || !*y;
	return y && strcmp(x, y) == 0;
}

enum sc_status
sc_session_set_action(struct sc_session *s, const char *gap, const char *owner,
                      const long *due)
{
	if (s->read_only)
		return SC_ECANTCREAT;
	if (owner && !*owner)
		owner = NULL;
	const struct sc_action *x = sc_answers_action(s->a, gap);
	bool same = x ? same_text(x->owner, owner) && x->has_due == (due != NULL) &&
	                        (!due || x->due == *due)
	              : !owner && !due;
	if (same)
		return save_if(s, false);
	if (!sc_answers_set_action(s->a, gap, owner, due))
		return SC_EDATA;
	/* Owners and dates do not feed the rules either. */
	return save_if(s, true);
}

enum sc_status
sc_session_set_note(struct sc_session *s, size_t question, const char *note)
{
	if (s->read_only)
		return SC_ECANTCREAT;
	if (question >= s->q->nquestions)
		return SC_EDATA;
	/* Notes do not feed the rules, so nothing needs re-evaluating. */
	bool changed = !same_text(s->a->notes[question], note);
	if (changed)
		sc_answers_set_note(s->a, question, note);
	return save_if(s, changed);
}

enum sc_status
sc_session_set_client(struct sc_session *s, const char *client)
{
	if (s->read_only)
		return SC_ECANTCREAT;
	bool changed = !same_text(s->a->client, client);
	if (changed) {
		free(s->a->client);
		s->a->client = client && *client ? sc_xstrdup(client) : NULL;
	}
	if (client_to_answer(s->a, client)) {
		sc_eval_changed(s->ev, s->q->client_question);
		changed = true;
	}
	return save_if(s, changed);
}

enum sc_status
sc_session_keep(struct sc_session *s, const struct sc_session *from)
{
	if (s->read_only)
		return SC_ECANTCREAT;
	if (from->q != s->q)
		return SC_EDATA;
	bool changed = !sc_answers_same(s->a, from->a);
	if (changed) {
		/* In place: the evaluator holds on to s->a. */
		for (size_t i = 0; i < s->q->nquestions; i++) {
			sc_answer_copy(&s->a->v[i], &from->a->v[i]);
			sc_answers_set_note(s->a, i, from->a->notes[i]);
		}
		free(s->a->client);
		s->a->client = sc_xstrdup(from->a->client);
		free(s->a->assessor);
		s->a->assessor = sc_xstrdup(from->a->assessor);
		free(s->a->firm);
		s->a->firm = sc_xstrdup(from->a->firm);
		sc_eval_reset(s->ev);
	}
	return save_if(s, changed);
}

size_t
sc_session_next(const struct sc_session *s, size_t from)
{
	size_t i = from == SIZE_MAX ? 0 : from + 1;
	for (; i < s->q->nquestions; i++)
		if (sc_eval_visible(s->ev, i))
			return i;
	return SIZE_MAX;
}

size_t
sc_session_prev(const struct sc_session *s, size_t from)
{
	size_t n = s->q->nquestions;
	size_t i = from == SIZE_MAX || from > n ? n : from;
	while (i-- > 0)
		if (sc_eval_visible(s->ev, i))
			return i;
	return SIZE_MAX;
}

size_t
sc_session_next_asked(const struct sc_session *s, size_t from)
{
	size_t i = sc_session_next(s, from);
	if (i != SIZE_MAX && i == s->q->client_question &&
	    s->a->v[i].type != SC_A_NONE)
		i = sc_session_next(s, i);
	return i;
}

size_t
sc_session_first_unanswered(const struct sc_session *s)
{
	for (size_t i = 0; i < s->q->nquestions; i++)
		if (sc_eval_visible(s->ev, i) && s->a->v[i].type == SC_A_NONE)
			return i;
	return SIZE_MAX;
}

/* ---- what the interview passes over ------------------------------------ */

int
sc_session_none_choice(const struct sc_question *qn)
{
	if (qn->type != SC_Q_MULTI)
		return -1;
	for (size_t c = 0; c < qn->nchoices; c++) {
		const char *id = qn->choices[c].id, *l = qn->choices[c].label;
		if (id && strcmp(id, "none") == 0)
			return (int)c;
		/* "None", "None of these", "None: we ..." but not "Nonprofit". */
		if (l && strncmp(l, "None", 4) == 0 &&
		    !((l[4] >= 'a' && l[4] <= 'z') || (l[4] >= 'A' && l[4] <= 'Z')))
			return (int)c;
	}
	return -1;
}

bool
sc_session_section_skipped(const struct sc_session *s, size_t section)
{
	const struct sc_section *sec = &s->q->sections[section];
	for (size_t i = sec->first; i < sec->first + sec->count; i++)
		if (sc_eval_visible(s->ev, i))
			return false;
	return true;
}

/* The default sentence for the run [from, to) of skipped sections: their
 * numbers and titles, and the questions outside the run that their show_if
 * read (the answers that hid them). */
static void
explain_run(const struct sc_session *s, size_t from, size_t to,
            struct sc_buf *out)
{
	const struct sc_questionnaire *q = s->q;
	bool *read = sc_xcalloc(q->nquestions ? q->nquestions : 1, sizeof *read);
	size_t nread = 0;

	for (size_t k = from; k < to; k++) {
		const struct sc_section *sec = &q->sections[k];
		for (size_t i = sec->first; i < sec->first + sec->count; i++) {
			size_t n = 0;
			const size_t *deps = q->questions[i].show_if
				? sc_expr_deps(q->questions[i].show_if, &n)
				: NULL;
			for (size_t d = 0; d < n; d++) {
				size_t j = deps[d];
				/* A question of the run hides others only
				 * because it is hidden itself. */
				if (q->questions[j].section >= from &&
				    q->questions[j].section < to)
					continue;
				if (!read[j])
					nread++;
				read[j] = true;
			}
		}
	}
	if (to - from == 1)
		sc_buf_printf(out, "Section %zu (%s) does not apply", from + 1,
		              q->sections[from].title);
	else
		sc_buf_printf(out, "Sections %zu to %zu (", from + 1, to);
	for (size_t k = from; to - from > 1 && k < to; k++)
		sc_buf_printf(out, "%s%s", k > from ? "; " : "",
		              q->sections[k].title);
	if (to - from > 1)
		sc_buf_puts(out, ") do not apply");
	/* Name the answers that hid them; when none of the questions read
	 * has an answer yet, the sections wait for those answers. */
	size_t nanswered = 0;
	for (size_t j = 0; j < q->nquestions; j++)
		if (read[j] && sc_eval_answer(s->ev, j))
			nanswered++;
	if (nread == 0)
		sc_buf_puts(out, " with the answers so far");
	else if (nanswered)
		sc_buf_printf(out, " because of your answer%s to ",
		              nanswered > 1 ? "s" : "");
	else
		sc_buf_puts(out, " until you answer ");
	size_t said = 0, want = nanswered ? nanswered : nread;
	char last = '\0';
	for (size_t j = 0; j < q->nquestions; j++) {
		if (!read[j] || (nanswered && !sc_eval_answer(s->ev, j)))
			continue;
		said++;
		const char *text = q->questions[j].text;
		sc_buf_printf(out, "%s\"%s\"",
		              said == 1 ? "" : said == want ? " and " : ", ",
		              text);
		last = *text ? text[strlen(text) - 1] : '\0';
	}
	/* A quoted question that ends a sentence ends this one too. */
	sc_buf_puts(out, last == '.' || last == '?' || last == '!' ? "\n"
	                                                           : ".\n");
	free(read);
}

static const struct sc_answer *
note_lookup(void *ud, size_t i)
{
	return sc_eval_answer(ud, i);
}

/* The note said for skipped section k: the first variant whose `when`
 * holds, else the unconditional note, else NULL (the default sentence). */
static const char *
section_note(const struct sc_session *s, size_t k)
{
	const struct sc_section *sec = &s->q->sections[k];
	for (size_t v = 0; v < sec->nnotes; v++)
		if (sec->notes[v].when &&
		    sc_expr_eval_on(sec->notes[v].when, note_lookup, s->ev,
		                    sc_eval_today(s->ev)))
			return sec->notes[v].text;
	return sec->skipped_note;
}

void
sc_session_explain_skipped(const struct sc_session *s, size_t from, size_t to,
                           struct sc_buf *out)
{
	if (to > s->q->nsections)
		to = s->q->nsections;
	size_t run = SIZE_MAX; /* start of the current run without notes */
	/* The notes given so far: a note two sections share is said once,
	 * even with another section's note between them. */
	const char **said = NULL;
	size_t nsaid = 0;
	for (size_t k = from; k <= to; k++) {
		bool skipped = k < to && sc_session_section_skipped(s, k);
		const char *note = skipped ? section_note(s, k) : NULL;
		if (run != SIZE_MAX && (!skipped || note)) {
			explain_run(s, run, k, out);
			run = SIZE_MAX;
		}
		bool again = false;
		for (size_t i = 0; note && i < nsaid && !again; i++)
			again = strcmp(said[i], note) == 0;
		if (note && !again) {
			sc_buf_printf(out, "%s\n", note);
			said = sc_xrealloc(said, (nsaid + 1) * sizeof *said);
			said[nsaid++] = note;
		}
		if (!note && skipped && run == SIZE_MAX)
			run = k;
	}
	free(said);
}

/* ---- listing saved sessions ---------------------------------------- */

static bool
has_yaml_suffix(const char *name)
{
	size_t n = strlen(name);
	/* Hidden files include the atomic writer's temporaries. */
	return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".yaml") == 0;
}

static const char *
scalar_or_empty(const struct sc_ynode *root, const char *key)
{
	const struct sc_ynode *n = sc_ymap_get(root, key);
	const char *s = n && n->kind == SC_Y_SCALAR && !sc_ynode_is_null(n)
	                    ? sc_ynode_str(n)
	                    : NULL;
	return s ? s : "";
}

/* The first of the problems in `d` as one line, "FILE:LINE:COL: message";
 * `fallback` when there is none. */
static char *
first_problem(struct sc_diags *d, const char *fallback)
{
	if (d->n == 0)
		return sc_xstrdup(fallback);
	sc_diags_sort(d);
	const struct sc_diag *g = &d->v[0];
	if (g->line > 0 && g->col > 0)
		return sc_xasprintf("%s:%d:%d: %s", g->file, g->line, g->col,
		                    g->msg);
	if (g->line > 0)
		return sc_xasprintf("%s:%d: %s", g->file, g->line, g->msg);
	return sc_xasprintf("%s: %s", g->file, g->msg);
}

/* Fill `info` from the file at `path`.  Files for this questionnaire are
 * loaded in full, so that one which would be refused on opening says why
 * in the list; files for other questionnaires get the light check only,
 * since we do not have their questions to check against.  A file that
 * fails gets `error` and is still listed: a session left out of the list
 * looks to its owner like a session lost. */
static void
peek_session(const struct sc_questionnaire *q, const char *path,
             struct sc_session_info *info)
{
	char *data = NULL, *err = NULL;
	size_t len = 0;
	struct sc_diags d;
	struct sc_ydoc doc = {0};
	bool parsed = false;
	const struct sc_ynode *root = NULL;

	sc_diags_init(&d);
	info->path = sc_xstrdup(path);
	if (sc_read_file(path, SESSION_FILE_MAX, &data, &len, &err) != SC_OK) {
		info->error = err ? err : sc_xasprintf("%s: cannot be read", path);
		err = NULL;
		goto out;
	}
	parsed = true;
	if (sc_ydoc_load_buffer(&doc, path, data, len, NULL, &d) != SC_OK) {
		info->error = first_problem(&d, "not valid YAML");
		goto out;
	}
	root = doc.root;
	if (!root || root->kind != SC_Y_MAP) {
		info->error = sc_xasprintf("%s:%d:%d: not a socscope answers "
		                           "file: expected a mapping with "
		                           "\"socscope: 1\" and \"questionnaire: "
		                           "ID\"",
		                           path, root ? root->line : 1,
		                           root ? root->col : 1);
		root = NULL;
		goto out;
	}
	long long version = 0;
	const struct sc_ynode *fmt = sc_ymap_get(root, "socscope");
	const struct sc_ynode *qid = sc_ymap_get(root, "questionnaire");
	if (!sc_ynode_int(fmt, &version) || version != 1) {
		const struct sc_ynode *at = fmt ? fmt : root;
		info->error = sc_xasprintf("%s:%d:%d: %s", path, at->line,
		                           at->col,
		                           fmt ? "unsupported format version; "
		                                 "this build reads \"socscope: 1\""
		                               : "\"socscope: 1\" is missing: not "
		                                 "a socscope answers file");
		goto out;
	}
	if (!qid || qid->kind != SC_Y_SCALAR || !sc_ynode_str(qid) ||
	    !*sc_ynode_str(qid)) {
		const struct sc_ynode *at = qid ? qid : root;
		info->error = sc_xasprintf("%s:%d:%d: %s", path, at->line,
		                           at->col,
		                           qid ? "\"questionnaire\" must be an id"
		                               : "\"questionnaire\" is missing: "
		                                 "the id of the questionnaire "
		                                 "answered");
		goto out;
	}

	if (q && strcmp(sc_ynode_str(qid), q->id) == 0) {
		struct sc_answers *a = sc_answers_new(q);
		if (sc_answers_load_buffer(a, path, data, len, &d) != SC_OK) {
			info->error = first_problem(&d, "cannot be opened");
			sc_answers_free(a);
			goto out;
		}
		struct sc_eval *ev = sc_eval_new(q, a);
		const struct sc_result *r = sc_eval_result(ev);
		info->answered = r->answered;
		info->applicable = r->applicable;
		struct sc_buf b = {0};
		sc_result_headline(q, r, &b);
		info->recommendation = sc_buf_steal(&b);
		if (a->migrated)
			info->migrated_from = sc_xstrdup(a->migrated->from);
		sc_eval_free(ev);
		sc_answers_free(a);
	}
out:
	if (!info->recommendation)
		info->recommendation = sc_xstrdup("");
	info->client = sc_xstrdup(root ? scalar_or_empty(root, "client") : "");
	info->updated = sc_xstrdup(root ? scalar_or_empty(root, "updated") : "");
	info->questionnaire = sc_xstrdup(root ? scalar_or_empty(root,
	                                                        "questionnaire")
	                                      : "");
	info->holder = sc_session_holder(path);
	if (parsed)
		sc_ydoc_fini(&doc);
	sc_diags_fini(&d);
	free(data);
	free(err);
}

/* Those that open first, newest first.  Timestamps are saved as ISO 8601
 * UTC, which sorts as text; files without one go last; the path breaks
 * ties so the order is the same on every run.  Those that cannot be opened
 * come after all the others, by path. */
static int
cmp_info(const void *x, const void *y)
{
	const struct sc_session_info *a = x, *b = y;
	bool ba = a->error != NULL, bb = b->error != NULL;
	if (ba != bb)
		return ba ? 1 : -1;
	if (ba)
		return strcmp(a->path, b->path);
	bool ea = !*a->updated, eb = !*b->updated;
	if (ea != eb)
		return ea ? 1 : -1;
	int c = strcmp(b->updated, a->updated);
	return c ? c : strcmp(a->path, b->path);
}

size_t
sc_sessions_list(const struct sc_questionnaire *q, const char *dir,
                 struct sc_session_info **out)
{
	struct sc_session_info *v = NULL;
	size_t n = 0, cap = 0;
	DIR *dp = opendir(dir);

	*out = NULL;
	if (!dp) {
		/* A list cut short by memory would hide saved sessions. */
		if (errno == ENOMEM)
			sc_out_of_memory();
		return 0;
	}
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		if (!has_yaml_suffix(de->d_name))
			continue;
		char *path = sc_xasprintf("%s/%s", dir, de->d_name);
		struct stat sb;
		/* A directory is not a session; a name that cannot even be
		 * looked at may be one, and says why below. */
		if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
			free(path);
			continue;
		}
		v = sc_xgrow(v, &cap, n + 1, sizeof *v);
		sc_session_info_read(q, path, &v[n++]);
		free(path);
	}
	closedir(dp);
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_info);
	*out = v;
	return n;
}

void
sc_session_info_read(const struct sc_questionnaire *q, const char *path,
                     struct sc_session_info *out)
{
	memset(out, 0, sizeof *out);
	peek_session(q, path, out);
}

void
sc_session_info_fini(struct sc_session_info *in)
{
	if (!in)
		return;
	free(in->path);
	free(in->client);
	free(in->updated);
	free(in->questionnaire);
	free(in->holder);
	free(in->recommendation);
	free(in->migrated_from);
	free(in->error);
	memset(in, 0, sizeof *in);
}

void
sc_session_infos_free(struct sc_session_info *v, size_t n)
{
	if (!v)
		return;
	for (size_t i = 0; i < n; i++)
		sc_session_info_fini(&v[i]);
	free(v);
}
