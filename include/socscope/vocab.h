/* The fixed vocabulary of SOC scoping: report kinds, report types, the five
 * Trust Services categories, related frameworks, gap priorities, and the 61
 * criteria of the 2017 Trust Services Criteria (points of focus revised 2022).
 * Each list is one X-macro so the ids, names and counts cannot drift. */
#ifndef SOCSCOPE_VOCAB_H
#define SOCSCOPE_VOCAB_H

#include <stdbool.h>
#include <stddef.h>

#define SC_REPORTS(X)                                                          \
	X(SC_SOC1, "soc1", "SOC 1")                                            \
	X(SC_SOC2, "soc2", "SOC 2")                                            \
	X(SC_SOC3, "soc3", "SOC 3")

#define SC_RTYPES(X)                                                           \
	X(SC_TYPE1, "type1", "Type I")                                         \
	X(SC_TYPE2, "type2", "Type II")

#define SC_CATEGORIES(X)                                                       \
	X(SC_CAT_SECURITY, "security", "Security")                             \
	X(SC_CAT_AVAILABILITY, "availability", "Availability")                 \
	X(SC_CAT_PROCESSING_INTEGRITY, "processing_integrity",                 \
	  "Processing Integrity")                                              \
	X(SC_CAT_CONFIDENTIALITY, "confidentiality", "Confidentiality")        \
	X(SC_CAT_PRIVACY, "privacy", "Privacy")

#define SC_FRAMEWORKS(X)                                                       \
	X(SC_FW_HIPAA, "hipaa", "HIPAA")                                       \
	X(SC_FW_PCI_DSS, "pci_dss", "PCI DSS")                                 \
	X(SC_FW_SOX, "sox", "SOX")                                             \
	X(SC_FW_GDPR, "gdpr", "GDPR")                                          \
	X(SC_FW_CCPA, "ccpa", "CCPA")                                          \
	X(SC_FW_ISO27001, "iso27001", "ISO/IEC 27001")                         \
	X(SC_FW_SUBSERVICE, "subservice", "Subservice organizations")       \
	X(SC_FW_FERPA, "ferpa", "FERPA")                                       \
	X(SC_FW_COPPA, "coppa", "COPPA")                                       \
	X(SC_FW_GLBA, "glba", "GLBA and the FTC Safeguards Rule")

#define SC_PRIORITIES(X)                                                       \
	X(SC_PRIO_HIGH, "high", "High")                                        \
	X(SC_PRIO_MEDIUM, "medium", "Medium")                                  \
	X(SC_PRIO_LOW, "low", "Low")

/* Readiness status of one checklist item, as a rule counts it. */
#define SC_READINESS(X)                                                        \
	X(SC_READY_IN_PLACE, "in_place", "In place")                           \
	X(SC_READY_PARTIAL, "partial", "Partly in place")                      \
	X(SC_READY_MISSING, "missing", "Not in place")                         \
	X(SC_READY_UNKNOWN, "unknown", "Not known yet")

#define SC_ENUM_ENTRY(e, id, name) e,
enum sc_report_id { SC_REPORTS(SC_ENUM_ENTRY) SC_REPORT_COUNT };
/* SC_TYPE_NONE is the type of a report that has none, a SOC 3: it is no
 * id a questionnaire may name, and sc_rtype_id_str/sc_rtype_name give "?"
 * for it, so callers say what a SOC 3 is instead (sc_report_title). */
enum sc_rtype { SC_RTYPES(SC_ENUM_ENTRY) SC_RTYPE_COUNT, SC_TYPE_NONE };
enum sc_category { SC_CATEGORIES(SC_ENUM_ENTRY) SC_CAT_COUNT };
enum sc_framework { SC_FRAMEWORKS(SC_ENUM_ENTRY) SC_FW_COUNT };
enum sc_priority { SC_PRIORITIES(SC_ENUM_ENTRY) SC_PRIO_COUNT };
enum sc_readiness { SC_READINESS(SC_ENUM_ENTRY) SC_READY_COUNT };

/* Lower-case ids as in the contract ("soc1", "type2", "processing_integrity",
 * "pci_dss", "high", "in_place") and display names ("SOC 1", "Type II", ...). */
const char *sc_report_id_str(enum sc_report_id r);
const char *sc_report_name(enum sc_report_id r);
const char *sc_rtype_id_str(enum sc_rtype t);
const char *sc_rtype_name(enum sc_rtype t);
const char *sc_category_id_str(enum sc_category c);
const char *sc_category_name(enum sc_category c);
const char *sc_framework_id_str(enum sc_framework f);
const char *sc_framework_name(enum sc_framework f);
const char *sc_priority_id_str(enum sc_priority p);
const char *sc_priority_name(enum sc_priority p);
const char *sc_readiness_id_str(enum sc_readiness r);
const char *sc_readiness_name(enum sc_readiness r);

/* Look an id up; -1 when unknown. */
/* The ids of data files (questionnaires, sections, questions, choices,
 * rules, evidence requests ...): 1 to SC_ID_MAX characters, a lower-case
 * letter, then lower-case letters, digits and "_" (and "-" when `dash`). */
#define SC_ID_MAX 64
bool sc_id_valid(const char *s, size_t len, bool dash);
int sc_report_find(const char *id);
int sc_rtype_find(const char *id);
int sc_category_find(const char *id);
int sc_framework_find(const char *id);
int sc_priority_find(const char *id);
int sc_readiness_find(const char *id);

/* The 61 Trust Services Criteria (2017). */
#define SC_TSC_COUNT 61
size_t sc_tsc_count(void);
const char *sc_tsc_id(size_t i);   /* "CC1.1" */
const char *sc_tsc_name(size_t i); /* "Integrity and ethical values" */
int sc_tsc_find(const char *id);   /* index or -1; exact, case-sensitive */
/* The category a criterion belongs to: SC_CAT_SECURITY for the common
 * criteria (CC1.1 to CC9.2), else availability (A1.x), processing integrity
 * (PI1.x), confidentiality (C1.x) or privacy (P1.1 to P8.1); -1 for anything
 * that is not one of the 61 ids (SOC 1 objectives included). */
int sc_tsc_category(const char *id);

/* A criteria reference is valid when it is one of the 61 ids, or a SOC 1
 * control objective written "SOC1:<short-name>" where short-name is 1 to 48
 * characters of [a-z0-9-] (for example "SOC1:reconciliations"). */
bool sc_criteria_valid(const char *ref);
/* A display name for a valid reference: the criterion's name, or for SOC 1
 * references the short name in words ("SOC 1: reconciliations": an area of
 * the SOC 1 description and its controls, not always a control objective,
 * so it is not called one).  Returns a static string or one owned by the
 * caller's buffer; never NULL for a valid reference, NULL otherwise. */
const char *sc_criteria_name(const char *ref, char *buf, size_t bufsize);
/* How a report names a reference where it is cited: a criterion by its id
 * ("CC3.1"), a SOC 1 reference by its name in words ("SOC 1: risk
 * assessment"), its internal id ("SOC1:risk-assessment") being nobody's
 * business; the reference itself when it is not valid. */
const char *sc_criteria_label(const char *ref, char *buf, size_t bufsize);
/* Is it a SOC 1 reference ("SOC1:...")? */
bool sc_criteria_soc1(const char *ref);

#endif
