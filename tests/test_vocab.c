/* The fixed vocabulary: the 61 criteria and the id tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "socscope/vocab.h"

static void
criteria_are_the_61_of_2017(void **state)
{
	(void)state;
	assert_int_equal(sc_tsc_count(), 61);
	size_t common = 0, optional = 0;
	for (size_t i = 0; i < sc_tsc_count(); i++) {
		const char *id = sc_tsc_id(i);
		if (strncmp(id, "CC", 2) == 0)
			common++;
		else
			optional++;
		assert_int_equal(sc_tsc_find(id), (int)i);
		assert_non_null(sc_tsc_name(i));
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(id, sc_tsc_id(j));
	}
	assert_int_equal(common, 33);
	assert_int_equal(optional, 28);
}

static void
invented_ids_are_rejected(void **state)
{
	(void)state;
	/* Ids that circulate in public lists but are not in the 2017 TSC. */
	static const char *const bad[] = {
		"CC9.9", "CC8.2", "C1.3", "PP1.1", "P1.2", "P1.8", "CC6.9",
		"cc1.1", "CC1.1 ", "", "A1.4", "PI1.6", "SOC1:", "SOC1:Bad",
		"SOC1:has space", "soc1:recon",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(sc_criteria_valid(bad[i]));
	assert_true(sc_criteria_valid("CC1.1"));
	assert_true(sc_criteria_valid("P8.1"));
	assert_true(sc_criteria_valid("SOC1:reconciliations"));
	assert_true(sc_criteria_valid("SOC1:segregation-of-duties"));
	char buf[80];
	assert_string_equal(sc_criteria_name("SOC1:segregation-of-duties", buf,
	                                     sizeof buf),
	                    "SOC 1: segregation of duties");
	assert_null(sc_criteria_name("CC9.9", buf, sizeof buf));
	/* Where a report cites them: a criterion by its id, a SOC 1 area by
	 * its name, never its internal id (CUECs are not a control
	 * objective, so none is called one). */
	assert_string_equal(sc_criteria_label("CC3.1", buf, sizeof buf), "CC3.1");
	assert_string_equal(sc_criteria_label("SOC1:complementary-user-entity-"
	                                      "controls", buf, sizeof buf),
	                    "SOC 1: complementary user entity controls");
	assert_true(sc_criteria_soc1("SOC1:reconciliations"));
	assert_false(sc_criteria_soc1("CC6.1"));
}

static void
criteria_know_their_category(void **state)
{
	(void)state;
	static const struct {
		const char *id;
		int cat;
	} rows[] = {
		{"CC1.1", SC_CAT_SECURITY},
		{"CC9.2", SC_CAT_SECURITY},
		{"A1.3", SC_CAT_AVAILABILITY},
		{"PI1.5", SC_CAT_PROCESSING_INTEGRITY},
		{"C1.2", SC_CAT_CONFIDENTIALITY},
		{"P1.1", SC_CAT_PRIVACY},
		{"P8.1", SC_CAT_PRIVACY},
		{"SOC1:reconciliations", -1},
		{"CC9.9", -1},
		{"P1.2", -1},
		{"", -1},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		if (sc_tsc_category(rows[i].id) != rows[i].cat)
			fail_msg("%s: category %d, want %d", rows[i].id,
			         sc_tsc_category(rows[i].id), rows[i].cat);
	/* Every one of the 61 has one; 33 common, 28 optional. */
	size_t common = 0;
	for (size_t i = 0; i < sc_tsc_count(); i++) {
		int c = sc_tsc_category(sc_tsc_id(i));
		assert_true(c >= 0 && c < SC_CAT_COUNT);
		common += c == SC_CAT_SECURITY;
	}
	assert_int_equal(common, 33);
	assert_int_equal(sc_tsc_category(NULL), -1);
}

static void
vocab_ids_round_trip(void **state)
{
	(void)state;
	assert_string_equal(sc_report_id_str(SC_SOC2), "soc2");
	assert_int_equal(sc_report_find("soc3"), SC_SOC3);
	assert_int_equal(sc_report_find("soc4"), -1);
	assert_string_equal(sc_rtype_name(SC_TYPE2), "Type II");
	assert_int_equal(sc_category_find("processing_integrity"),
	                 SC_CAT_PROCESSING_INTEGRITY);
	assert_string_equal(sc_framework_id_str(SC_FW_PCI_DSS), "pci_dss");
	assert_int_equal(sc_framework_find("subservice"), SC_FW_SUBSERVICE);
	/* The sector laws, after the contract's first seven. */
	assert_int_equal(SC_FW_COUNT, 10);
	assert_int_equal(sc_framework_find("ferpa"), SC_FW_FERPA);
	assert_int_equal(sc_framework_find("coppa"), SC_FW_COPPA);
	assert_int_equal(sc_framework_find("glba"), SC_FW_GLBA);
	assert_string_equal(sc_framework_name(SC_FW_FERPA), "FERPA");
	assert_string_equal(sc_framework_name(SC_FW_COPPA), "COPPA");
	assert_string_equal(sc_framework_name(SC_FW_GLBA),
	                    "GLBA and the FTC Safeguards Rule");
	assert_int_equal(sc_framework_find("FERPA"), -1);
	/* A SOC 3's "no type" is no id and has no name to print. */
	assert_string_equal(sc_rtype_id_str(SC_TYPE_NONE), "?");
	assert_string_equal(sc_rtype_name(SC_TYPE_NONE), "?");
	assert_int_equal(sc_rtype_find("none"), -1);
	assert_int_equal(sc_priority_find("medium"), SC_PRIO_MEDIUM);
	assert_int_equal(sc_readiness_find("unknown"), SC_READY_UNKNOWN);
	assert_int_equal(sc_category_find(NULL), -1);
}

/* Ids of data files: one rule for every loader. */
static void
ids_follow_one_rule(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		bool dash, ok;
	} rows[] = {
		{"a", false, true},          {"soc_scoping", false, true},
		{"soc-scoping", true, true}, {"soc-scoping", false, false},
		{"1abc", false, false},      {"_a", false, false},
		{"aB", false, false},        {"", false, false},
		{"a b", false, false},       {"ab9_", false, true},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		if (sc_id_valid(rows[i].s, strlen(rows[i].s), rows[i].dash) !=
		    rows[i].ok)
			fail_msg("\"%s\" (dash %d): expected %s", rows[i].s,
			         rows[i].dash, rows[i].ok ? "valid" : "invalid");
	char id[SC_ID_MAX + 2];
	memset(id, 'a', sizeof id - 1);
	id[SC_ID_MAX + 1] = '\0';
	assert_false(sc_id_valid(id, SC_ID_MAX + 1, false));
	id[SC_ID_MAX] = '\0';
	assert_true(sc_id_valid(id, SC_ID_MAX, false));
	/* A NUL inside the length is not an id. */
	id[3] = '\0';
	assert_false(sc_id_valid(id, SC_ID_MAX, false));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(criteria_are_the_61_of_2017),
		cmocka_unit_test(invented_ids_are_rejected),
		cmocka_unit_test(criteria_know_their_category),
		cmocka_unit_test(ids_follow_one_rule),
		cmocka_unit_test(vocab_ids_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
