/* Where data and sessions live (contract.md, "Command line"):
 * a name is looked up in $SOCSCOPE_DATA_DIR, $XDG_DATA_HOME/socscope
 * (default ~/.local/share/socscope), each of $XDG_DATA_DIRS (each + /socscope),
 * the installed data directory, then the compiled-in copies; anything with a
 * '/' or ending in ".yaml" is a path.  Sessions live in
 * $XDG_STATE_HOME/socscope/sessions/ (default ~/.local/state/socscope/sessions). */
#ifndef SOCSCOPE_PATHS_H
#define SOCSCOPE_PATHS_H

#include "socscope/common.h"

/* Each kind lives in its own subdirectory: questionnaires/, themes/,
 * questionnaires/examples/ (worked examples, see socscope/examples.h) and
 * questionnaires/evidence/ (evidence catalogues). */
enum sc_data_kind {
	SC_DATA_QUESTIONNAIRE,
	SC_DATA_THEME,
	SC_DATA_EXAMPLE,
	SC_DATA_EVIDENCE,
};

/* True when `name` is to be taken as a path rather than looked up. */
bool
sc_name_is_path(const char *name);

/* Find `name` (without ".yaml") of `kind` in the data directories in order.
 * Returns a malloc'd path, or NULL when not found on disk (the caller then
 * tries the bundled copies). */
char *
sc_data_find(enum sc_data_kind kind, const char *name);

/* The data directories in lookup order, each with "/questionnaires",
 * "/themes", "/questionnaires/examples" or "/questionnaires/evidence"
 * appended; for `socscope list`.  NULL-terminated, caller frees
 * with sc_strv_free. */
char **
sc_data_dirs(enum sc_data_kind kind);

/* The sessions directory (not created). */
char *
sc_sessions_dir(void);
/* The session file for a client name: a slug of the name ("Acme Payroll Ltd"
 * -> "acme-payroll-ltd.yaml") in the sessions directory. */
char *
sc_session_path(const char *client);
/* A file-name slug of a client name: lower-case ASCII letters and digits,
 * '-' between words, at most 64 bytes; "client" when nothing is left. */
char *
sc_slug(const char *name);

void
sc_strv_free(char **v);

#endif
