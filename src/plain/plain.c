/* The line-by-line interview, for screen readers and pipes.
 *
 * Everything is plain lines on stdout: no cursor movement, colour or escape
 * sequences, one idea per line, so a screen reader reads it in order and a
 * script can pipe answers in.  Commands start with ':' (or are a lone '?'),
 * which no answer the prompts ask for can, so "n" or "skip" typed as a text
 * answer stays an answer; "::" escapes a text answer that begins with ':'. */
#include "plain.h"

#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "plain_internal.h"
#include "socscope/migrate.h"
#include "socscope/paths.h"
#include "socscope/report.h"
#include "socscope/session.h"

/* Set by SIGINT: stop asking and exit 130 once the answers are saved. */
static volatile sig_atomic_t interrupted;

static void
on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* What a line typed at a question asks for. */
enum step { STAY, NEXT, BACK, STOP };

/* Read one line without its end-of-line characters; false at end of input
 * with nothing read.  Overlong lines are consumed whole but flagged. */
static bool
read_line(struct plain *p)
{
	int c;
	bool any = false;

	sc_buf_reset(&p->line);
	p->too_long = false;
	fflush(p->out);
	/* The handler is installed without SA_RESTART, so a SIGINT ends a
	 * blocked read with EOF and the flag tells it from end of input. */
	while (!interrupted && (c = getc(p->in)) != EOF) {
		any = true;
		if (c == '\n')
			break;
		if (p->line.len < LINE_MAX_BYTES)
			sc_buf_putc(&p->line, (char)c);
		else
			p->too_long = true;
	}
	if (interrupted || !any) {
		p->eof = true;
		return false;
	}
	if (p->line.len > 0 && p->line.data[p->line.len - 1] == '\r')
		p->line.data[--p->line.len] = '\0';
	return true;
}


/* ---- one question --------------------------------------------------- */

/* A command: a lone '?' or ':word [text]'.  Returns what to do next. */
static enum step
command(struct plain *p, size_t i, char *s)
{
	const char *arg = "";
	size_t n;

	if (strcmp(s, "?") == 0) {
		plain_print_help(p, i);
		return STAY;
	}
	s++;
	n = strcspn(s, " \t");
	if (s[n])
		arg = plain_trim(s + n);
	if ((n == 4 && strncmp(s, "help", 4) == 0) ||
	    (n == 1 && (*s == 'h' || *s == '?'))) {
		plain_print_help(p, i);
		return STAY;
	}
	if (n == 4 && strncmp(s, "note", 4) == 0) {
		bool had = p->s->a->notes[i] && *p->s->a->notes[i];
		if (!*arg && !had) {
			plain_say(p, "Type :note followed by the text of "
			          "the note.\n");
			return STAY;
		}
		size_t len = plain_utf8_length(arg);
		if (p->too_long || len == SIZE_MAX || len > NOTE_MAX) {
			plain_say(p, "A note must be valid UTF-8 text of at most %u "
			          "characters.\n", NOTE_MAX);
			return STAY;
		}
		plain_after_change(p, sc_session_set_note(p->s, i, arg));
		p->noted = *arg ? NOTE_ADDED : NOTE_REMOVED;
		return STAY;
	}
	if (n == 4 && strncmp(s, "back", 4) == 0) {
		if (sc_session_prev(p->s, i) == SIZE_MAX) {
			plain_say(p, "This is the first question.\n");
			return STAY;
		}
		return BACK;
	}
	if (n == 4 && strncmp(s, "skip", 4) == 0)
		return NEXT;
	if (n == 5 && strncmp(s, "clear", 5) == 0) {
		if (p->s->a->v[i].type == SC_A_NONE) {
			plain_say(p, "This question has no answer to "
			          "remove.\n");
			return STAY;
		}
		plain_after_change(p, sc_session_unset(p->s, i));
		plain_say(p, "Answer removed.\n");
		return STAY;
	}
	if ((n == 4 && strncmp(s, "quit", 4) == 0) || (n == 1 && *s == 'q')) {
		p->quit = true;
		return STOP;
	}
	plain_say(p, "Unknown command \":%.*s\".\n%s\n", (int)n, s,
	          plain_commands_line);
	return STAY;
}

/* An empty line keeps the current answer, takes the default, or skips an
 * optional question; a required one says so and stays. */
static enum step
empty_line(struct plain *p, size_t i)
{
	const struct sc_question *qn = &p->q->questions[i];
	if (p->s->a->v[i].type != SC_A_NONE)
		return NEXT;
	if (qn->def.type != SC_A_NONE) {
		enum sc_status st = sc_session_set(p->s, i, &qn->def);
		if (st == SC_EDATA) {
			plain_say(p, "The default answer does not fit this "
			          "question; please type an answer.\n");
			return STAY;
		}
		plain_after_change(p, st);
		return NEXT;
	}
	if (!qn->required)
		return NEXT;
	plain_say(p, "This question is required: answer it, or type "
	          ":skip to leave it open for now.\n");
	return STAY;
}

static enum step
answer_line(struct plain *p, size_t i, const char *s)
{
	const struct sc_question *qn = &p->q->questions[i];
	struct sc_answer v = {0};
	struct sc_buf err = {0};
	enum step step = STAY;

	if (p->too_long) {
		plain_say(p, "That line is too long; the limit is %u "
		          "bytes.\n", LINE_MAX_BYTES);
	} else if (!plain_parse_answer(qn, s, &v, &err)) {
		plain_say(p, "%s.\n", sc_buf_str(&err));
	} else {
		enum sc_status st = sc_session_set(p->s, i, &v);
		if (st == SC_EDATA) {
			/* The parsers check what the prompts promise; the
			 * answers module has the last word. */
			plain_say(p, "That answer does not fit this "
			          "question.\n");
		} else {
			plain_after_change(p, st);
			step = NEXT;
		}
	}
	sc_answer_clear(&v);
	sc_buf_fini(&err);
	return step;
}

/* Ask question `i` until a line moves on; returns the next question to
 * ask (SIZE_MAX when done or stopped). */
static size_t
ask(struct plain *p, size_t i)
{
	plain_print_question(p, i);
	for (;;) {
		/* Asking again right after a note must not read as if the
		 * note failed: say it was taken and that the answer comes
		 * next. */
		if (p->noted != NOTE_NONE)
			plain_say(p, "%s %s: ",
			          p->noted == NOTE_ADDED ? "Note added."
			                                 : "Note removed.",
			          p->s->a->v[i].type == SC_A_NONE
			          ? "The answer is still to come"
			          : "Enter keeps the current answer, or type a "
			            "new one");
		p->noted = NOTE_NONE;
		plain_print_prompt(p, i);
		if (!read_line(p)) {
			plain_say(p, "\n");
			return SIZE_MAX;
		}
		char *s = plain_trim(p->line.data ? p->line.data : (char *)"");
		enum step step;
		if (*s == '\0')
			step = empty_line(p, i);
		else if (strcmp(s, "?") == 0 || (s[0] == ':' && s[1] != ':'))
			step = command(p, i, s);
		else
			step = answer_line(p, i, s[0] == ':' ? s + 1 : s);
		switch (step) {
		case STAY:
			continue;
		case NEXT:
			return sc_session_next_asked(p->s, i);
		case BACK:
			return sc_session_prev(p->s, i);
		case STOP:
			return SIZE_MAX;
		}
	}
}

/* Moving forward from question `from` to `to` (SIZE_MAX: past the last),
 * say which sections in between were passed over because they do not
 * apply, so that none is skipped in silence. */
static void
say_passed(struct plain *p, size_t from, size_t to)
{
	if (to != SIZE_MAX && to <= from)
		return;
	size_t a = p->q->questions[from].section + 1;
	size_t b = to == SIZE_MAX ? p->q->nsections : p->q->questions[to].section;
	if (a >= b)
		return;
	struct sc_buf t = {0};
	sc_session_explain_skipped(p->s, a, b, &t);
	if (t.len)
		plain_say(p, "\n%s", sc_buf_str(&t));
	sc_buf_fini(&t);
}

/* After the last question: a last chance to go back or to note the last
 * answer before the results.  Returns the question to ask again, or
 * SIZE_MAX for the results (also at end of input). */
static size_t
confirm_end(struct plain *p, size_t last)
{
	plain_say(p, "\nThat was the last question. Press Enter for the results, "
	          "or type :back to change the last answer or :note TEXT to add a "
	          "note to it.\n");
	for (;;) {
		plain_say(p, "> ");
		if (!read_line(p)) {
			/* Every question was asked: the end of input here
			 * finishes the interview rather than stopping it. */
			p->eof = false;
			plain_say(p, "\n");
			return SIZE_MAX;
		}
		char *s = plain_trim(p->line.data ? p->line.data : (char *)"");
		if (*s == '\0')
			return SIZE_MAX;
		if (strcmp(s, ":back") == 0)
			return last;
		if (strncmp(s, ":note", 5) == 0 && (s[5] == ' ' || !s[5])) {
			command(p, last, s);
			if (p->noted != NOTE_NONE)
				plain_say(p, "%s the last question. Press Enter for "
				          "the results.\n",
				          p->noted == NOTE_ADDED ? "Note added to"
				                                 : "Note removed from");
			p->noted = NOTE_NONE;
			continue;
		}
		if (strcmp(s, ":quit") == 0 || strcmp(s, ":q") == 0)
			return SIZE_MAX;
		plain_say(p, "Press Enter for the results, or type :back or :note "
		          "TEXT.\n");
	}
}

/* ---- start and end --------------------------------------------------- */

/* Ask for the client's name, offering the saved interviews of this
 * questionnaire by number first.  Sets *client (and *path when a saved one
 * is picked); false at end of input. */
static bool
ask_client(struct plain *p, char **client, char **path)
{
	struct sc_session_info *v = NULL;
	char *dir = sc_sessions_dir();
	size_t n = sc_sessions_list(p->q, dir, &v), shown = 0;
	free(dir);

	/* Only sessions of this questionnaire that open can be resumed here;
	 * the others are listed after them with why, since a session missing
	 * from the list looks lost. */
	for (size_t k = 0; k < n; k++) {
		if (v[k].error || strcmp(v[k].questionnaire, p->q->id) != 0)
			continue;
		if (shown == 0)
			plain_say(p, "Saved interviews:\n");
		if (k != shown) {
			struct sc_session_info t = v[shown];
			v[shown] = v[k];
			v[k] = t;
		}
		const struct sc_session_info *in = &v[shown++];
		plain_say(p, "  %zu) %s (%zu of %zu answered%s%s%s%s%s)\n", shown,
		    *in->client ? in->client : in->path, in->answered,
		    in->applicable, *in->updated ? ", saved " : "",
		    in->updated,
		    in->migrated_from ? " under questionnaire " : "",
		    in->migrated_from ? in->migrated_from : "",
		    in->holder ? "; open in another interview, read-only" : "");
	}
	bool others = false;
	for (size_t k = shown; k < n; k++) {
		const struct sc_session_info *in = &v[k];
		if (!others)
			plain_say(p, "%s", shown ? "Cannot be resumed here:\n"
			                         : "Saved interviews that cannot be "
			                           "resumed here:\n");
		others = true;
		if (in->error)
			plain_say(p, "  - %s: cannot be opened: %s\n",
			          *in->client ? in->client : in->path, in->error);
		else
			plain_say(p, "  - %s: answers questionnaire \"%s\" (%s)\n",
			          *in->client ? in->client : in->path,
			          in->questionnaire, in->path);
	}
	/* The questionnaire's own question for the name, when it has one: a
	 * review asks for the provider, not the organization assessed. */
	size_t cq = p->q->client_question;
	if (cq < p->q->nquestions && p->q->questions[cq].text)
		plain_say(p, "%s The interview is saved under this name.\n",
		          p->q->questions[cq].text);
	else
		plain_say(p, "What is the name of the organization being assessed? "
		          "The interview is saved under this name.\n");
	bool ok = false;
	for (;;) {
		if (shown)
			plain_say(p, "Type the number of a saved interview to resume "
			          "it, or the name of a new client\n> ");
		else
			plain_say(p, "Type the name\n> ");
		if (!read_line(p)) {
			plain_say(p, "\n");
			break;
		}
		char *s = plain_trim(p->line.data ? p->line.data : (char *)"");
		size_t k;
		if (shown && plain_parse_index(s, strlen(s), &k) && k >= 1 &&
		    k <= shown) {
			*path = sc_xstrdup(v[k - 1].path);
			*client = sc_xstrdup(v[k - 1].client);
			ok = true;
			break;
		}
		if (*s && !p->too_long && plain_utf8_length(s) != SIZE_MAX &&
		    plain_utf8_length(s) <= TEXT_DEFAULT_MAX) {
			*client = sc_xstrdup(s);
			ok = true;
			break;
		}
		plain_say(p, "%s\n", *s
		          ? "That name is not valid text of at most 1000 "
		      "characters."
		    : "A name is needed to save the interview.");
	}
	sc_session_infos_free(v, n);
	return ok;
}

static void
print_diags(struct sc_diags *d, const char *path)
{
	struct sc_buf b = {0};
	sc_diags_sort(d);
	sc_diags_format(d, &b);
	if (b.len)
		fputs(sc_buf_str(&b), stderr);
	else
		fprintf(stderr, "%s: cannot open the answers file\n", path);
	sc_buf_fini(&b);
}

static void
print_results(struct plain *p)
{
	const struct sc_result *r = sc_eval_result(p->s->ev);
	/* As `evaluate` does, so both print the same report. */
	struct sc_report_opts opts = {.date = getenv("SOCSCOPE_DATE")};
	struct sc_buf b = {0};

	plain_say(p, "\n%s %zu of %zu questions answered.\n\n",
	          p->quit || p->eof ? "Interview stopped:" : "Interview done:",
	          r->answered, r->applicable);
	sc_report_render(p->q, p->s->a, p->s->ev, SC_FMT_TEXT, &opts, &b);
	plain_say(p, "%s", sc_buf_str(&b));
	if (b.len && b.data[b.len - 1] != '\n')
		plain_say(p, "\n");
	sc_buf_fini(&b);
}

/* One gap as the owner list shows it: "3. Title (owner: Dana Lee, due
 * 2027-02-15)". */
static void
say_gap(struct plain *p, size_t k, const struct sc_gap_rec *g)
{
	const struct sc_action *x = sc_answers_action(p->s->a, g->def->id);
	struct sc_buf b = {0};
	if (x && x->owner)
		sc_buf_printf(&b, "owner: %s", x->owner);
	if (x && x->has_due) {
		char due[11];
		sc_date_format(x->due, due);
		sc_buf_printf(&b, "%sdue %s", b.len ? ", " : "", due);
	}
	plain_say(p, "%zu. %s (%s)\n", k + 1, g->def->title,
	          b.len ? sc_buf_str(&b) : "no owner or date yet");
	sc_buf_fini(&b);
}

/* After the results: who closes each gap and by when, saved in the
 * answers file and shown in every report.  Enter alone (or the end of
 * input) finishes. */
static void
assign_owners(struct plain *p)
{
	const struct sc_result *r = sc_eval_result(p->s->ev);
	if (!r->ngaps || p->quit || p->eof || interrupted)
		return;
	plain_say(p, "\nWho closes each gap, and by when? Type a gap's number, "
	          "then the owner and a date, as in \"2 Dana Lee, 2027-02-15\" "
	          "(the number alone clears it); press Enter alone to finish.\n");
	for (size_t k = 0; k < r->ngaps; k++)
		say_gap(p, k, &r->gaps[k]);
	for (;;) {
		plain_say(p, "> ");
		if (!read_line(p)) {
			p->eof = false;
			plain_say(p, "\n");
			return;
		}
		char *s = plain_trim(p->line.data ? p->line.data : (char *)"");
		if (!*s || strcmp(s, ":quit") == 0 || strcmp(s, ":q") == 0)
			return;
		char *end;
		unsigned long n = strtoul(s, &end, 10);
		r = sc_eval_result(p->s->ev);
		if (end == s || n < 1 || n > r->ngaps ||
		    (*end && *end != ' ')) {
			plain_say(p, "Start with a gap's number, from 1 to %zu; "
			          "Enter alone finishes.\n", r->ngaps);
			continue;
		}
		const struct sc_gap_rec *g = &r->gaps[n - 1];
		char *owner = NULL, *err = NULL;
		bool has_due = false;
		long due = 0;
		if (!sc_action_parse(end, &owner, &has_due, &due, &err)) {
			plain_say(p, "%s.\n", err);
			free(err);
			continue;
		}
		enum sc_status st = sc_session_set_action(p->s, g->def->id, owner,
		                                          has_due ? &due : NULL);
		free(owner);
		if (st == SC_EDATA) {
			plain_say(p, "An owner is at most 200 characters of text.\n");
			continue;
		}
		if (st != SC_OK) {
			plain_say(p, "Not saved: %s\n", p->s->last_error
			                                      ? p->s->last_error
			                                      : "the file could not "
			                                        "be written");
			continue;
		}
		plain_say(p, "Saved: ");
		say_gap(p, n - 1, g);
	}
}

/* The exit code for a session that ends here: a failed save wins, since
 * the user must hear that answers are not on disk. */
static int
finish_save(struct plain *p, const char *path)
{
	/* A change still unsaved gets one more try. */
	if (p->s->last_error)
		p->save_st = sc_session_save(p->s);
	if (p->save_st == SC_OK)
		return 0;
	fprintf(stderr, "socscope: %s\n", p->s->last_error
	        ? p->s->last_error : "cannot save the answers");
	fprintf(stderr, "socscope: the answers were NOT all saved to %s\n",
	        path);
	return sc_status_exit_code(p->save_st);
}

int
sc_plain_main(const struct sc_interview_opts *o, FILE *in, FILE *out)
{
	struct plain pl = {
		.in = in, .out = out, .q = o->q, .shown_section = SIZE_MAX,
	};
	struct plain *p = &pl;
	struct sc_diags d;
	enum sc_status st = SC_OK;
	char *client = o->client ? sc_xstrdup(o->client) : NULL;
	char *path = NULL;
	int rc = 0;
	struct sigaction sa, old_sa;

	/* Ctrl-C ends the interview like end of input, but with the exit
	 * status the contract gives an interruption. */
	interrupted = 0;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_sa);

	sc_diags_init(&d);
	plain_say(p, "%s (version %s)\n", o->q->title, o->q->version);

	/* Where the answers live: the file given, or the client's session. */
	if (o->answers_path) {
		path = sc_xstrdup(o->answers_path);
	} else {
		if (!client && !ask_client(p, &client, &path)) {
			plain_say(p, "No name was given, so nothing was saved.\n");
			goto out;
		}
		if (!path)
			path = sc_session_path(client);
	}

	struct stat sb;
	bool existed = stat(path, &sb) == 0;
	p->s = sc_session_open(o->q, path, client, &d, &st);
	if (!p->s) {
		print_diags(&d, path);
		rc = sc_status_exit_code(st);
		goto out;
	}
	if (p->s->read_only) {
		/* Two interviews writing one file would lose answers: this one
		 * shows what the other has saved, and asks nothing. */
		fprintf(stderr, "socscope: %s: this interview is open in %s; "
		        "nothing typed here could be saved, so its saved answers "
		        "and results are shown instead.\n", path, p->s->holder);
		p->quit = true;
		print_results(p);
		rc = sc_status_exit_code(SC_ECANTCREAT);
		goto out;
	}
	const char *who = p->s->a->client && *p->s->a->client
	                  ? p->s->a->client : path;
	if (existed) {
		const struct sc_result *r = sc_eval_result(p->s->ev);
		plain_say(p, "Resuming the saved interview for %s (%zu of %zu "
		          "answered).\n", who, r->answered, r->applicable);
	} else {
		/* Save at once, so a file that cannot be written is found
		 * before anyone types forty answers into it. */
		if ((st = sc_session_save(p->s)) != SC_OK) {
			fprintf(stderr, "socscope: %s\n", p->s->last_error);
			rc = sc_status_exit_code(st);
			goto out;
		}
		plain_say(p, "Starting a new interview for %s.\n", who);
	}
	if (p->s->a->migrated) {
		/* Said once: what reading an older session changed. */
		struct sc_buf m = {0};
		sc_migrated_summary(p->s->a->migrated, p->q, p->s->ev, &m);
		plain_say(p, "%s The file is rewritten in the new form at the "
		          "first change; the original is kept as %s.v%s.\n",
		          sc_buf_str(&m), path, p->s->a->migrated->from);
		sc_buf_fini(&m);
	}
	plain_say(p, "Answers are saved to %s after every change.\n", path);
	/* Say where the name went, since its question will not come up. */
	size_t cq = p->q->client_question;
	if (cq != SIZE_MAX && p->s->a->v[cq].type == SC_A_TEXT &&
	    sc_session_first_unanswered(p->s) != cq)
		plain_say(p, "The answer to \"%s\" is %s, so it is not asked "
		          "again (:back reaches it to change it).\n",
		          p->q->questions[cq].text, p->s->a->v[cq].text);
	plain_say(p, "%s\n", plain_commands_line);

	/* Resume where the answers stop; a finished interview starts over
	 * at the top, with every answer shown as current. */
	size_t i = sc_session_first_unanswered(p->s);
	if (i == SIZE_MAX)
		i = sc_session_next_asked(p->s, SIZE_MAX);
	while (i != SIZE_MAX && !interrupted) {
		size_t next = ask(p, i);
		if (!p->quit && !p->eof && !interrupted) {
			say_passed(p, i, next);
			if (next == SIZE_MAX)
				next = confirm_end(p, i);
		}
		i = next;
	}

	if (interrupted) {
		rc = finish_save(p, path);
		if (rc == 0) {
			plain_say(p, "Interrupted. Answers saved to %s\n", path);
			rc = 130;
		}
		goto out;
	}
	print_results(p);
	assign_owners(p);
	rc = finish_save(p, path);
	if (rc == 0)
		plain_say(p, "Answers saved to %s\n", path);
out:
	if (interrupted && rc == 0)
		rc = 130;
	/* Output that did not reach its reader (a full disk, a closed
	 * pipe) is an I/O error, not a success. */
	if ((fflush(out) != 0 || ferror(out)) && rc == 0) {
		fprintf(stderr, "socscope: cannot write the interview\n");
		rc = sc_status_exit_code(SC_EIO);
	}
	sigaction(SIGINT, &old_sa, NULL);
	sc_session_free(p->s);
	sc_buf_fini(&p->line);
	sc_diags_fini(&d);
	free(client);
	free(path);
	return rc;
}
