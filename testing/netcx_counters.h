/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reading the netcx counters in the KUnit suites the way ethtool -S does
 * (netcx_stats_strings() and netcx_stats_fill()), by name, and checking
 * which of them moved.
 */
#ifndef _NETCX_COUNTERS_H
#define _NETCX_COUNTERS_H

#include <kunit/test.h>
#include <linux/ethtool.h>
#include <linux/string.h>

#include <netcx/netcx.h>

/**
 * struct tc_count - a counter expected to move
 * @name: its ethtool -S name; NULL ends a list.
 * @n: by how much.
 */
struct tc_count {
	const char *name;
	u64 n;
};

/**
 * struct tc_snap - the counters at one moment
 * @n: how many there are.
 * @names: their names, %ETH_GSTRING_LEN bytes each.
 * @vals: their values.
 */
struct tc_snap {
	int n;
	u8 *names;
	u64 *vals;
};

static inline void tc_read(struct netcx_adapter *ad, u64 *vals)
{
	netcx_stats_fill(ad, &vals);
}

/* Takes a first snapshot of @ad's counters into @s. */
static inline void tc_init(struct kunit *test, struct netcx_adapter *ad,
			   struct tc_snap *s)
{
	u8 *names;

	s->n = netcx_stats_count(ad);
	KUNIT_ASSERT_GT(test, s->n, 0);
	s->names = kunit_kcalloc(test, s->n, ETH_GSTRING_LEN, GFP_KERNEL);
	s->vals = kunit_kcalloc(test, s->n, sizeof(u64), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s->names);
	KUNIT_ASSERT_NOT_NULL(test, s->vals);
	names = s->names;
	netcx_stats_strings(ad, &names);
	KUNIT_ASSERT_PTR_EQ(test, names, s->names + s->n * ETH_GSTRING_LEN);
	tc_read(ad, s->vals);
}

static inline const char *tc_name(const struct tc_snap *s, int i)
{
	return (const char *)s->names + i * ETH_GSTRING_LEN;
}

/* The index of counter @name, or -1. */
static inline int tc_find(const struct tc_snap *s, const char *name)
{
	int i;

	for (i = 0; i < s->n; i++)
		if (!strcmp(tc_name(s, i), name))
			return i;
	return -1;
}

/* The current value of counter @name; fails the test if there is none. */
static inline u64 tc_get(struct kunit *test, struct netcx_adapter *ad,
			 const struct tc_snap *s, const char *name)
{
	u64 *now = kunit_kcalloc(test, s->n, sizeof(u64), GFP_KERNEL);
	int i = tc_find(s, name);

	KUNIT_ASSERT_NOT_NULL(test, now);
	KUNIT_ASSERT_GE_MSG(test, i, 0, "no counter %s", name);
	tc_read(ad, now);
	return now[i];
}

/*
 * Since @s was taken, exactly the counters of @want (ended by a NULL name;
 * a name may appear twice, its amounts add up) moved, by their amounts;
 * then @s is taken again. @what names the step, for messages.
 */
static inline void tc_expect(struct kunit *test, struct netcx_adapter *ad,
			     struct tc_snap *s, const struct tc_count *want,
			     const char *what)
{
	u64 *now = kunit_kcalloc(test, s->n, sizeof(u64), GFP_KERNEL);
	const struct tc_count *w;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, now);
	for (w = want; w && w->name; w++)
		KUNIT_EXPECT_GE_MSG(test, tc_find(s, w->name), 0,
				    "%s: no counter %s", what, w->name);
	tc_read(ad, now);
	for (i = 0; i < s->n; i++) {
		u64 n = 0;

		for (w = want; w && w->name; w++)
			if (!strcmp(w->name, tc_name(s, i)))
				n += w->n;
		KUNIT_EXPECT_EQ_MSG(test, now[i] - s->vals[i], n, "%s: %s",
				    what, tc_name(s, i));
	}
	memcpy(s->vals, now, s->n * sizeof(u64));
}

#endif /* _NETCX_COUNTERS_H */
