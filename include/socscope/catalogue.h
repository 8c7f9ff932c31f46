/* The evidence catalogue: what a CPA firm asks a service organization to
 * provide ("provided by client", PBC), per Trust Services criterion or SOC 1
 * control objective.  Loaded from YAML (format in evidence/README.md) and
 * checked in full like a questionnaire: every problem is reported as
 * FILE:LINE:COL, not only the first. */
#ifndef SOCSCOPE_CATALOGUE_H
#define SOCSCOPE_CATALOGUE_H

#include "socscope/diag.h"

/* What is handed over. */
#define SC_EVIDENCE_KINDS(X)                                                   \
	X(SC_EV_DOCUMENT, "document", "Document")                              \
	X(SC_EV_POPULATION, "population", "Population and samples")            \
	X(SC_EV_CONFIGURATION, "configuration", "Configuration")               \
	X(SC_EV_RECORD, "record", "Signed or dated record")                    \
	X(SC_EV_REPORT, "report", "Third-party report")

/* What the auditor tests with it: the design of a control as of one date
 * (asked for Type I and Type II), or its operation over the window (Type II
 * only). */
#define SC_EVIDENCE_TESTS(X)                                                   \
	X(SC_EV_DESIGN, "design", "Design, as of a date")                      \
	X(SC_EV_OPERATION, "operation", "Operation, over the window")

#define SC_EV_ENUM(e, id, name) e,
enum sc_ev_kind { SC_EVIDENCE_KINDS(SC_EV_ENUM) SC_EV_KIND_COUNT };
enum sc_ev_test { SC_EVIDENCE_TESTS(SC_EV_ENUM) SC_EV_TEST_COUNT };

/* "document", ...; "Document", ...; -1 when unknown. */
const char *sc_ev_kind_id_str(enum sc_ev_kind k);
const char *sc_ev_kind_name(enum sc_ev_kind k);
int sc_ev_kind_find(const char *id);
const char *sc_ev_test_id_str(enum sc_ev_test t);
const char *sc_ev_test_name(enum sc_ev_test t);
int sc_ev_test_find(const char *id);

/* A public source a request rests on. */
struct sc_ev_source {
	char *id;
	char *title;
	char *url; /* https:// */
};

struct sc_ev_request {
	char *id;
	char **criteria; /* the 61 criteria ids or "SOC1:" objectives */
	size_t ncriteria;
	enum sc_ev_kind kind;
	enum sc_ev_test test;
	char *text;      /* what to provide, in a sentence or two */
	/* Readiness items (of a questionnaire) whose status says whether this
	 * exists yet; may be empty (then the criteria decide). */
	char **readiness;
	size_t nreadiness;
	size_t *sources; /* indices into the catalogue's sources */
	size_t nsources;
	int line, col;
};

struct sc_catalogue {
	char *file; /* name used in diagnostics */
	char *id;
	char *title;
	char *version;
	char *description;
	struct sc_ev_source *sources;
	size_t nsources;
	struct sc_ev_request *requests; /* in file order */
	size_t nrequests;
};

/* The catalogue compiled into the program (evidence/soc-evidence.yaml). */
#define SC_DEFAULT_CATALOGUE "soc-evidence"

/* Load and check a catalogue.  On any problem returns NULL, sets *st
 * (SC_ENOINPUT or SC_EDATA) and adds every problem to `d`. */
struct sc_catalogue *
sc_catalogue_load_file(const char *path, struct sc_diags *d,
                       enum sc_status *st);
struct sc_catalogue *
sc_catalogue_load_buffer(const char *name, const char *buf, size_t len,
                         struct sc_diags *d, enum sc_status *st);
/* Load a catalogue by name (NULL: SC_DEFAULT_CATALOGUE) from the data
 * directories' questionnaires/evidence/, else the compiled-in copy; or by
 * path when `name` is one (sc_name_is_path).  As sc_catalogue_load_file
 * on failure; SC_ENOINPUT with a message when no catalogue has the name. */
struct sc_catalogue *
sc_catalogue_load_named(const char *name, struct sc_diags *d,
                        enum sc_status *st);
void
sc_catalogue_free(struct sc_catalogue *c);

#endif
