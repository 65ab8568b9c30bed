// SPDX-License-Identifier: GPL-2.0
#include <kunit/test.h>
static void smoke(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 1, 1);
}
static struct kunit_case cases[] = { KUNIT_CASE(smoke), {} };
static struct kunit_suite suite = { .name = "netcx_smoke", .test_cases = cases };
kunit_test_suite(suite);
MODULE_LICENSE("GPL");
