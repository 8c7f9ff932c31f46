/* The fixed vocabulary: reports, types, categories, frameworks, priorities,
 * readiness states, and the 61 Trust Services Criteria (AICPA, 2017; points
 * of focus revised 2022).  Names are short paraphrases for reports. */
#include "socscope/vocab.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#define SC_TSC(X)                                                              \
	X("CC1.1", "Commitment to integrity and ethical values")              \
	X("CC1.2", "Board independence and oversight of internal control")    \
	X("CC1.3", "Structures, reporting lines, authorities and responsibilities") \
	X("CC1.4", "Attracting, developing and retaining competent people")   \
	X("CC1.5", "Holding individuals accountable")                         \
	X("CC2.1", "Quality information to support internal control")         \
	X("CC2.2", "Internal communication of objectives and responsibilities") \
	X("CC2.3", "Communication with external parties")                     \
	X("CC3.1", "Objectives specified clearly enough to assess risk")      \
	X("CC3.2", "Identifying and analysing risks")                         \
	X("CC3.3", "Considering the potential for fraud")                     \
	X("CC3.4", "Identifying changes that affect internal control")        \
	X("CC4.1", "Ongoing and separate evaluations of controls")            \
	X("CC4.2", "Communicating control deficiencies in time")              \
	X("CC5.1", "Control activities that mitigate risks")                  \
	X("CC5.2", "General controls over technology")                        \
	X("CC5.3", "Policies and procedures that put controls in place")      \
	X("CC6.1", "Logical access security software, infrastructure and architecture") \
	X("CC6.2", "Registering and authorising users; issuing credentials")  \
	X("CC6.3", "Role-based access: granting, changing and removing access") \
	X("CC6.4", "Restricting physical access to facilities and assets")    \
	X("CC6.5", "Protecting data when assets are disposed of")             \
	X("CC6.6", "Protection against threats from outside the system boundary") \
	X("CC6.7", "Restricting and protecting data in transmission and movement") \
	X("CC6.8", "Preventing or detecting malicious or unauthorised software") \
	X("CC7.1", "Detecting configuration changes and new vulnerabilities") \
	X("CC7.2", "Monitoring system components for anomalies")              \
	X("CC7.3", "Evaluating security events")                              \
	X("CC7.4", "Responding to security incidents")                        \
	X("CC7.5", "Recovering from security incidents")                      \
	X("CC8.1", "Managing changes to infrastructure, data, software and procedures") \
	X("CC9.1", "Mitigating risks of business disruption")                 \
	X("CC9.2", "Managing risks from vendors and business partners")       \
	X("A1.1", "Managing capacity to meet availability commitments")       \
	X("A1.2", "Environmental protections, backup and recovery infrastructure") \
	X("A1.3", "Testing recovery plan procedures")                         \
	X("PI1.1", "Information about processing specifications")             \
	X("PI1.2", "Completeness and accuracy of system inputs")              \
	X("PI1.3", "Complete, accurate and timely processing")                \
	X("PI1.4", "Complete, accurate and timely outputs")                   \
	X("PI1.5", "Storing inputs, items in processing and outputs")         \
	X("C1.1", "Identifying and maintaining confidential information")     \
	X("C1.2", "Disposing of confidential information")                    \
	X("P1.1", "Notice to data subjects about privacy practices")          \
	X("P2.1", "Choice and consent")                                       \
	X("P3.1", "Collecting personal information consistent with objectives") \
	X("P3.2", "Explicit consent for collection where required")           \
	X("P4.1", "Using personal information for the stated purposes")       \
	X("P4.2", "Retaining personal information")                           \
	X("P4.3", "Disposing of personal information")                        \
	X("P5.1", "Data subjects' access to their personal information")      \
	X("P5.2", "Correcting and amending personal information")             \
	X("P6.1", "Disclosing personal information to third parties with consent") \
	X("P6.2", "Recording authorised disclosures")                         \
	X("P6.3", "Recording unauthorised disclosures")                       \
	X("P6.4", "Commitments obtained from vendors and third parties")       \
	X("P6.5", "Vendors' notification of unauthorised disclosures")        \
	X("P6.6", "Notifying data subjects and others of breaches")           \
	X("P6.7", "Accounting of personal information held and disclosed")    \
	X("P7.1", "Quality of personal information")                          \
	X("P8.1", "Handling privacy inquiries, complaints and disputes")

#define TSC_ID(id, name) id,
#define TSC_NAME(id, name) name,
static const char *const tsc_ids[] = { SC_TSC(TSC_ID) };
static const char *const tsc_names[] = { SC_TSC(TSC_NAME) };
static_assert(sizeof tsc_ids / sizeof tsc_ids[0] == SC_TSC_COUNT,
              "the 2017 Trust Services Criteria are 61");
static_assert(sizeof tsc_names / sizeof tsc_names[0] == SC_TSC_COUNT,
              "one name per criterion");

/* Id and name tables for each enum, from its X-macro. */
#define VOCAB_ID(e, id, name) id,
#define VOCAB_NAME(e, id, name) name,
#define VOCAB_TABLE(prefix, LIST, COUNT, type)                                 \
	static const char *const prefix##_ids[] = { LIST(VOCAB_ID) };          \
	static const char *const prefix##_names[] = { LIST(VOCAB_NAME) };      \
	static_assert(sizeof prefix##_ids / sizeof prefix##_ids[0] == COUNT,   \
	              #prefix " table out of step");                           \
	const char *sc_##prefix##_id_str(type v)                               \
	{                                                                      \
		return (unsigned)v < COUNT ? prefix##_ids[v] : "?";            \
	}                                                                      \
	const char *sc_##prefix##_name(type v)                                 \
	{                                                                      \
		return (unsigned)v < COUNT ? prefix##_names[v] : "?";          \
	}                                                                      \
	int sc_##prefix##_find(const char *id)                                 \
	{                                                                      \
		for (int i = 0; id && i < COUNT; i++)                          \
			if (strcmp(prefix##_ids[i], id) == 0)                  \
				return i;                                      \
		return -1;                                                     \
	}

VOCAB_TABLE(report, SC_REPORTS, SC_REPORT_COUNT, enum sc_report_id)
VOCAB_TABLE(rtype, SC_RTYPES, SC_RTYPE_COUNT, enum sc_rtype)
VOCAB_TABLE(category, SC_CATEGORIES, SC_CAT_COUNT, enum sc_category)
VOCAB_TABLE(framework, SC_FRAMEWORKS, SC_FW_COUNT, enum sc_framework)
VOCAB_TABLE(priority, SC_PRIORITIES, SC_PRIO_COUNT, enum sc_priority)
VOCAB_TABLE(readiness, SC_READINESS, SC_READY_COUNT, enum sc_readiness)

size_t
sc_tsc_count(void)
{
	return SC_TSC_COUNT;
}

const char *
sc_tsc_id(size_t i)
{
	return i < SC_TSC_COUNT ? tsc_ids[i] : NULL;
}

const char *
sc_tsc_name(size_t i)
{
	return i < SC_TSC_COUNT ? tsc_names[i] : NULL;
}

int
sc_tsc_find(const char *id)
{
	for (int i = 0; id && i < SC_TSC_COUNT; i++)
		if (strcmp(tsc_ids[i], id) == 0)
			return i;
	return -1;
}

int
sc_tsc_category(const char *id)
{
	if (sc_tsc_find(id) < 0)
		return -1;
	/* The ids' letters name their category; the table is fixed. */
	if (strncmp(id, "CC", 2) == 0)
		return SC_CAT_SECURITY;
	if (strncmp(id, "PI", 2) == 0)
		return SC_CAT_PROCESSING_INTEGRITY;
	switch (id[0]) {
	case 'A': return SC_CAT_AVAILABILITY;
	case 'C': return SC_CAT_CONFIDENTIALITY;
	case 'P': return SC_CAT_PRIVACY;
	}
	return -1;
}

#define SOC1_PREFIX "SOC1:"
#define SOC1_MAX 48

static bool
soc1_short_name(const char *ref, const char **name)
{
	size_t plen = strlen(SOC1_PREFIX);
	if (strncmp(ref, SOC1_PREFIX, plen) != 0)
		return false;
	const char *s = ref + plen;
	size_t n = strlen(s);
	if (n == 0 || n > SOC1_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
			return false;
	}
	*name = s;
	return true;
}

bool
sc_criteria_valid(const char *ref)
{
	const char *name;
	return ref && (sc_tsc_find(ref) >= 0 || soc1_short_name(ref, &name));
}

const char *
sc_criteria_name(const char *ref, char *buf, size_t bufsize)
{
	if (!ref)
		return NULL;
	int i = sc_tsc_find(ref);
	if (i >= 0)
		return tsc_names[i];
	const char *name;
	if (!soc1_short_name(ref, &name) || bufsize == 0)
		return NULL;
	snprintf(buf, bufsize, "SOC 1: %s", name);
	for (char *p = buf; *p; p++)
		if (*p == '-')
			*p = ' ';
	return buf;
}

bool
sc_criteria_soc1(const char *ref)
{
	const char *name;
	return ref && soc1_short_name(ref, &name);
}

const char *
sc_criteria_label(const char *ref, char *buf, size_t bufsize)
{
	if (sc_criteria_soc1(ref)) {
		const char *n = sc_criteria_name(ref, buf, bufsize);
		if (n)
			return n;
	}
	return ref ? ref : "";
}

bool
sc_id_valid(const char *s, size_t len, bool dash)
{
	if (len < 1 || len > SC_ID_MAX || strlen(s) != len)
		return false;
	if (s[0] < 'a' || s[0] > 'z')
		return false;
	for (size_t i = 1; i < len; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '_' || (dash && c == '-')))
			return false;
	}
	return true;
}
