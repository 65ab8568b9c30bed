// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: netcx on a registered net_device. Feature changes are driven the
 * way ethtool -K drives them (wanted_features, then netdev_update_features)
 * through a tiny driver whose ndo_fix_features and ndo_set_features are
 * netcx's own (netcx_ndo_*(), the adapter in dev->ml_priv); its change
 * callbacks log what they are told, and what netcx_active() answers them.
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>

#include <netcx/netcx.h>

#include "../testing/netcx_test.h"

#define TX	NETCX_OFFLOAD_TX_CSUM
#define RX	NETCX_OFFLOAD_RX_CSUM
#define LSO	NETCX_OFFLOAD_LSO
#define USO	NETCX_OFFLOAD_USO
#define RSC	NETCX_OFFLOAD_RSC
#define VTX	NETCX_OFFLOAD_VLAN_TX
#define VRX	NETCX_OFFLOAD_VLAN_RX
#define ALL	NETCX_TEST_ALL_KINDS
#define TAGS	NETCX_TEST_TAGS

#define NETCX_NT_LOG	32

/**
 * struct netcx_nt_call - one change callback, as logged
 * @off: the offload called back.
 * @kinds: the active kinds it was told.
 * @ret: what it returned.
 */
struct netcx_nt_call {
	int off;
	u32 kinds;
	int ret;
};

struct netcx_nt_priv {
	struct netcx_adapter *ad;
	struct netcx_nt_call log[NETCX_NT_LOG];
	u32 seen[NETCX_NT_LOG][NETCX_OFFLOAD_MAX];	/* netcx_active() */
	int n;
	int fail_off;		/* this offload's callback fails... */
	int fail_err;		/* ...with this error */
};

static int netcx_nt_changed(struct net_device *dev, int off, u32 kinds)
{
	struct netcx_nt_priv *p = netdev_priv(dev);
	int ret = off == p->fail_off ? p->fail_err : 0;
	int i;

	if (p->n < NETCX_NT_LOG) {
		p->log[p->n] = (struct netcx_nt_call){ off, kinds, ret };
		for (i = 0; i < NETCX_OFFLOAD_MAX; i++)
			p->seen[p->n][i] = netcx_active(p->ad, i);
	}
	p->n++;
	return ret;
}

static int netcx_nt_tx(struct net_device *dev, u32 kinds)
{
	return netcx_nt_changed(dev, TX, kinds);
}

static int netcx_nt_rx(struct net_device *dev, u32 kinds)
{
	return netcx_nt_changed(dev, RX, kinds);
}

static int netcx_nt_lso(struct net_device *dev, u32 kinds)
{
	return netcx_nt_changed(dev, LSO, kinds);
}

static int netcx_nt_uso(struct net_device *dev, u32 kinds)
{
	return netcx_nt_changed(dev, USO, kinds);
}

static int netcx_nt_rsc(struct net_device *dev, u32 kinds)
{
	return netcx_nt_changed(dev, RSC, kinds);
}

static int netcx_nt_vtx(struct net_device *dev, u32 kinds)
{
	return netcx_nt_changed(dev, VTX, kinds);
}

static int netcx_nt_vrx(struct net_device *dev, u32 kinds)
{
	return netcx_nt_changed(dev, VRX, kinds);
}

static const struct netcx_adapter_ops netcx_nt_ops = {
	.changed = {
		[TX] = netcx_nt_tx,
		[RX] = netcx_nt_rx,
		[LSO] = netcx_nt_lso,
		[USO] = netcx_nt_uso,
		[RSC] = netcx_nt_rsc,
		[VTX] = netcx_nt_vtx,
		[VRX] = netcx_nt_vrx,
	},
};

/* netcx's ndos as they are: the adapter is found in dev->ml_priv */
static const struct net_device_ops netcx_nt_netdev_ops = {
	.ndo_features_check = netcx_ndo_features_check,
	.ndo_fix_features = netcx_ndo_fix_features,
	.ndo_set_features = netcx_ndo_set_features,
};

#define DRIVER_BITS	(NETIF_F_SG | NETIF_F_HIGHDMA)

enum netcx_nt_stage {
	NETCX_NT_CREATED,	/* adapter created, caps declared */
	NETCX_NT_COMMITTED,	/* and committed */
	NETCX_NT_REGISTERED,	/* and the device registered */
	NETCX_NT_REGISTERED_UNCOMMITTED,
};

/*
 * A device with @profile's capabilities brought to @stage; the suite's
 * exit undoes whatever was done. Returns NULL (test failed) on error.
 */
static struct net_device *netcx_nt_setup(struct kunit *test,
					 enum netcx_test_profile profile,
					 enum netcx_nt_stage stage)
{
	struct netcx_nt_priv *p;
	struct net_device *dev;
	int err;

	dev = alloc_etherdev(sizeof(*p));
	KUNIT_ASSERT_NOT_NULL(test, dev);
	test->priv = dev;
	dev->netdev_ops = &netcx_nt_netdev_ops;
	dev->hw_features = DRIVER_BITS;
	dev->features = DRIVER_BITS;
	p = netdev_priv(dev);
	p->fail_off = -1;
	p->ad = netcx_adapter_create(dev, &netcx_nt_ops);
	KUNIT_ASSERT_FALSE(test, IS_ERR(p->ad));

	KUNIT_ASSERT_EQ(test, netcx_test_declare(p->ad, profile), 0);
	if (stage == NETCX_NT_CREATED)
		return dev;
	if (stage != NETCX_NT_REGISTERED_UNCOMMITTED) {
		KUNIT_ASSERT_EQ(test, netcx_adapter_commit(p->ad), 0);
		if (stage == NETCX_NT_COMMITTED)
			return dev;
	}
	err = register_netdev(dev);
	KUNIT_ASSERT_EQ(test, err, 0);
	/* registration changes nothing, so calls nobody back */
	KUNIT_EXPECT_EQ(test, p->n, 0);
	return dev;
}

static int netcx_nt_init(struct kunit *test)
{
	test->priv = NULL;
	return 0;
}

static void netcx_nt_exit(struct kunit *test)
{
	struct net_device *dev = test->priv;
	struct netcx_nt_priv *p;

	if (!dev)
		return;
	p = netdev_priv(dev);
	if (dev->reg_state == NETREG_REGISTERED)
		unregister_netdev(dev);
	if (!IS_ERR_OR_NULL(p->ad))
		netcx_adapter_destroy(p->ad);
	free_netdev(dev);
}

static struct netcx_adapter *netcx_nt_ad(struct net_device *dev)
{
	return ((struct netcx_nt_priv *)netdev_priv(dev))->ad;
}

/*
 * What ethtool -K does: change the wanted features (only those in
 * hw_features can be), update.
 */
static void netcx_nt_want(struct net_device *dev, netdev_features_t clear,
			  netdev_features_t set)
{
	rtnl_lock();
	dev->wanted_features &= ~clear;
	dev->wanted_features |= set & dev->hw_features;
	netdev_update_features(dev);
	rtnl_unlock();
}

/* The callbacks since the last check were exactly @want[0..@n), in order. */
static void netcx_nt_expect_log(struct kunit *test, struct net_device *dev,
				const struct netcx_nt_call *want, int n)
{
	struct netcx_nt_priv *p = netdev_priv(dev);
	int i;

	KUNIT_EXPECT_EQ(test, p->n, n);
	for (i = 0; i < min(n, p->n); i++) {
		KUNIT_EXPECT_EQ_MSG(test, p->log[i].off, want[i].off,
				    "call %d", i);
		KUNIT_EXPECT_EQ_MSG(test, p->log[i].kinds, want[i].kinds,
				    "call %d", i);
		KUNIT_EXPECT_EQ_MSG(test, p->log[i].ret, want[i].ret,
				    "call %d", i);
		/* inside the callback, netcx_active() says what it was told */
		KUNIT_EXPECT_EQ_MSG(test, p->seen[i][want[i].off], want[i].kinds,
				    "netcx_active() in call %d", i);
	}
	p->n = 0;
}

static void netcx_nt_expect_active(struct kunit *test, struct net_device *dev,
				   const u32 *want)
{
	int i;

	for (i = 0; i < NETCX_OFFLOAD_MAX; i++)
		KUNIT_EXPECT_EQ_MSG(test, netcx_active(netcx_nt_ad(dev), i),
				    want[i], "offload %d", i);
}

/* ---- feature changes: who is called back, with what ---- */

struct netcx_nt_case {
	const char *desc;
	/* input */
	enum netcx_test_profile profile;
	netdev_features_t clear;	/* taken out of wanted_features */
	/* expected */
	struct netcx_nt_call calls[NETCX_OFFLOAD_MAX];
	int n;
};

static const struct netcx_nt_case netcx_nt_cases[] = {
	{ "tso off", NETCX_TEST_FULL, NETIF_F_TSO,
	  { { LSO, NETCX_TCP6 } }, 1 },
	{ "tso tso6 off", NETCX_TEST_FULL, NETIF_F_TSO | NETIF_F_TSO6,
	  { { LSO, 0 } }, 1 },
	{ "tx-checksum-ipv4 off", NETCX_TEST_FULL, NETIF_F_IP_CSUM,
	  { { TX, NETCX_KINDS_V6 }, { LSO, NETCX_TCP6 }, { USO, 0 } }, 3 },
	{ "tx-checksum-ipv6 off", NETCX_TEST_FULL, NETIF_F_IPV6_CSUM,
	  { { TX, NETCX_KINDS_V4 }, { LSO, NETCX_TCP4 }, { USO, 0 } }, 3 },
	{ "rx off", NETCX_TEST_FULL, NETIF_F_RXCSUM,
	  { { RX, 0 }, { RSC, 0 } }, 2 },
	{ "rx-gro-hw off", NETCX_TEST_FULL, NETIF_F_GRO_HW,
	  { { RSC, 0 } }, 1 },
	{ "tx-udp-segmentation off", NETCX_TEST_FULL, NETIF_F_GSO_UDP_L4,
	  { { USO, 0 } }, 1 },
	{ "txvlan off", NETCX_TEST_FULL, NETIF_F_HW_VLAN_CTAG_TX,
	  { { VTX, 0 } }, 1 },
	{ "rxvlan off", NETCX_TEST_FULL, NETIF_F_HW_VLAN_CTAG_RX,
	  { { VRX, 0 } }, 1 },
	{ "sg off", NETCX_TEST_FULL, NETIF_F_SG, { { LSO, 0 } }, 1 },
	{ "gro off", NETCX_TEST_FULL, NETIF_F_GRO, { }, 0 },
	{ "every netcx feature off", NETCX_TEST_FULL, NETCX_FEATURES,
	  { { TX, 0 }, { RX, 0 }, { LSO, 0 }, { USO, 0 }, { RSC, 0 },
	    { VTX, 0 }, { VRX, 0 } }, 7 },
	{ "e1000-like, tx off", NETCX_TEST_E1000, NETIF_F_HW_CSUM,
	  { { TX, 0 }, { LSO, 0 } }, 2 },
	{ "e1000-like, rx off", NETCX_TEST_E1000, NETIF_F_RXCSUM,
	  { { RX, 0 } }, 1 },
	{ "checksum only, tx-checksum-ipv4 off", NETCX_TEST_CSUM,
	  NETIF_F_IP_CSUM, { { TX, NETCX_TCP6 | NETCX_UDP6 } }, 1 },
};

static void netcx_nt_case_desc(const struct netcx_nt_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(netcx_nt, netcx_nt_cases, netcx_nt_case_desc);

static void netcx_netdev_change(struct kunit *test)
{
	const struct netcx_nt_case *c = test->param_value;
	struct netcx_nt_call back[NETCX_OFFLOAD_MAX];
	u32 active[NETCX_OFFLOAD_MAX];
	netdev_features_t before;
	struct netcx_adapter *ad;
	struct net_device *dev;
	int i;

	dev = netcx_nt_setup(test, c->profile, NETCX_NT_REGISTERED);
	ad = netcx_nt_ad(dev);
	before = dev->features;
	for (i = 0; i < NETCX_OFFLOAD_MAX; i++)
		active[i] = netcx_permitted(ad, i);
	netcx_nt_expect_active(test, dev, active);

	netcx_nt_want(dev, c->clear, 0);
	netcx_nt_expect_log(test, dev, c->calls, c->n);
	KUNIT_EXPECT_EQ(test, dev->features & c->clear, 0);
	for (i = 0; i < c->n; i++)
		active[c->calls[i].off] = c->calls[i].kinds;
	netcx_nt_expect_active(test, dev, active);

	/* and back on: the same offloads, with every permitted kind */
	for (i = 0; i < c->n; i++) {
		back[i] = c->calls[i];
		back[i].kinds = netcx_permitted(ad, back[i].off);
	}
	netcx_nt_want(dev, 0, c->clear);
	netcx_nt_expect_log(test, dev, back, c->n);
	KUNIT_EXPECT_EQ(test, dev->features, before);
}

/* ---- a failing callback ---- */

/*
 * IPv6 checksum off on the full profile, USO's callback failing: TX and
 * LSO applied, USO refused, then LSO and TX restored, last first.
 */
static const struct netcx_nt_call netcx_nt_uso_refused[] = {
	{ TX, NETCX_KINDS_V4 },
	{ LSO, NETCX_TCP4 },
	{ USO, 0, -EIO },
	{ LSO, NETCX_TEST_TCP },
	{ TX, ALL },
};

/* The third of three callbacks fails: the first two are undone, last first. */
static void netcx_netdev_rollback(struct kunit *test)
{
	static const struct netcx_nt_call retry[] = {
		{ TX, NETCX_KINDS_V4 },
		{ LSO, NETCX_TCP4 },
		{ USO, 0 },
	};
	static const u32 full[NETCX_OFFLOAD_MAX] = NETCX_TEST_FULL_PERMITTED;
	struct netcx_nt_priv *p;
	netdev_features_t before;
	struct net_device *dev;

	dev = netcx_nt_setup(test, NETCX_TEST_FULL, NETCX_NT_REGISTERED);
	p = netdev_priv(dev);
	before = dev->features;

	p->fail_off = USO;
	p->fail_err = -EIO;
	netcx_nt_want(dev, NETIF_F_IPV6_CSUM, 0);
	netcx_nt_expect_log(test, dev, netcx_nt_uso_refused,
			    ARRAY_SIZE(netcx_nt_uso_refused));
	KUNIT_EXPECT_EQ(test, dev->features, before);
	netcx_nt_expect_active(test, dev, full);

	/* the stack tries again at the next update, which now succeeds */
	p->fail_off = -1;
	netcx_nt_want(dev, 0, 0);
	netcx_nt_expect_log(test, dev, retry, ARRAY_SIZE(retry));
	KUNIT_EXPECT_EQ(test, dev->features, before & ~(NETIF_F_IPV6_CSUM |
			NETIF_F_TSO6 | NETIF_F_GSO_UDP_L4));
}

/*
 * netcx_active() inside the callbacks, for every offload: the features
 * being applied while changing, those kept while rolling back; outside
 * them, dev->features.
 */
static void netcx_netdev_active_in_callback(struct kunit *test)
{
	static const u32 full[NETCX_OFFLOAD_MAX] = NETCX_TEST_FULL_PERMITTED;
	u32 applied[NETCX_OFFLOAD_MAX] = NETCX_TEST_FULL_PERMITTED;
	struct netcx_nt_priv *p;
	struct net_device *dev;
	int i, off;

	dev = netcx_nt_setup(test, NETCX_TEST_FULL, NETCX_NT_REGISTERED);
	p = netdev_priv(dev);
	applied[TX] = NETCX_KINDS_V4;
	applied[LSO] = NETCX_TCP4;
	applied[USO] = 0;

	/* USO refuses: the first three calls apply, the last two restore */
	p->fail_off = USO;
	p->fail_err = -EIO;
	netcx_nt_want(dev, NETIF_F_IPV6_CSUM, 0);
	KUNIT_ASSERT_EQ(test, p->n, (int)ARRAY_SIZE(netcx_nt_uso_refused));
	for (i = 0; i < p->n; i++)
		for (off = 0; off < NETCX_OFFLOAD_MAX; off++)
			KUNIT_EXPECT_EQ_MSG(test, p->seen[i][off],
					    i < 3 ? applied[off] : full[off],
					    "call %d, offload %d", i, off);
	netcx_nt_expect_log(test, dev, netcx_nt_uso_refused,
			    ARRAY_SIZE(netcx_nt_uso_refused));
	netcx_nt_expect_active(test, dev, full);

	/* accepted: each call saw the new state; dev->features has it now */
	p->fail_off = -1;
	netcx_nt_want(dev, 0, 0);
	KUNIT_ASSERT_EQ(test, p->n, 3);
	for (i = 0; i < p->n; i++)
		for (off = 0; off < NETCX_OFFLOAD_MAX; off++)
			KUNIT_EXPECT_EQ_MSG(test, p->seen[i][off], applied[off],
					    "call %d, offload %d", i, off);
	p->n = 0;
	netcx_nt_expect_active(test, dev, applied);
}

/* The first callback fails: nothing to undo. */
static void netcx_netdev_first_fails(struct kunit *test)
{
	static const struct netcx_nt_call want[] = {
		{ RX, 0, -ENODEV },
	};
	struct netcx_nt_priv *p;
	netdev_features_t before;
	struct net_device *dev;

	dev = netcx_nt_setup(test, NETCX_TEST_FULL, NETCX_NT_REGISTERED);
	p = netdev_priv(dev);
	before = dev->features;

	p->fail_off = RX;
	p->fail_err = -ENODEV;
	netcx_nt_want(dev, NETIF_F_RXCSUM, 0);
	netcx_nt_expect_log(test, dev, want, ARRAY_SIZE(want));
	KUNIT_EXPECT_EQ(test, dev->features, before);
	KUNIT_EXPECT_EQ(test, netcx_active(p->ad, RSC), NETCX_TEST_TCP);
}

/* ---- pause and resume ---- */

static void netcx_netdev_pause_resume(struct kunit *test)
{
	static const struct netcx_nt_call paused[] = {
		{ TX, 0 }, { RX, 0 }, { LSO, 0 }, { USO, 0 }, { RSC, 0 },
		{ VTX, 0 }, { VRX, 0 },
	};
	static const struct netcx_nt_call resumed[] = {
		{ TX, ALL }, { RX, ALL }, { LSO, NETCX_TCP6 },
		{ USO, NETCX_TEST_UDP }, { RSC, NETCX_TEST_TCP },
		{ VTX, TAGS }, { VRX, TAGS },
	};
	static const u32 none[NETCX_OFFLOAD_MAX];
	netdev_features_t hw, before;
	struct netcx_adapter *ad;
	struct net_device *dev;
	int err;

	dev = netcx_nt_setup(test, NETCX_TEST_FULL, NETCX_NT_REGISTERED);
	ad = netcx_nt_ad(dev);
	hw = dev->hw_features;
	before = dev->features;

	rtnl_lock();
	err = netcx_pause(ad);
	rtnl_unlock();
	KUNIT_EXPECT_EQ(test, err, 0);
	netcx_nt_expect_log(test, dev, paused, ARRAY_SIZE(paused));
	KUNIT_EXPECT_EQ(test, dev->features & NETCX_FEATURES, 0);
	KUNIT_EXPECT_EQ(test, dev->features, before & ~NETCX_FEATURES &
			~NETIF_F_TSO_MANGLEID);
	KUNIT_EXPECT_EQ(test, dev->hw_features, hw);
	netcx_nt_expect_active(test, dev, none);
	KUNIT_EXPECT_EQ(test, netcx_permitted(ad, LSO), NETCX_TEST_TCP);

	/* what the user asks while paused waits for resume */
	netcx_nt_want(dev, NETIF_F_TSO, 0);
	netcx_nt_expect_log(test, dev, NULL, 0);
	KUNIT_EXPECT_EQ(test, dev->features & NETCX_FEATURES, 0);

	rtnl_lock();
	err = netcx_pause(ad);
	rtnl_unlock();
	KUNIT_EXPECT_EQ(test, err, 0);
	netcx_nt_expect_log(test, dev, NULL, 0);

	rtnl_lock();
	err = netcx_resume(ad);
	rtnl_unlock();
	KUNIT_EXPECT_EQ(test, err, 0);
	netcx_nt_expect_log(test, dev, resumed, ARRAY_SIZE(resumed));
	KUNIT_EXPECT_EQ(test, dev->features, before & ~NETIF_F_TSO);

	rtnl_lock();
	err = netcx_resume(ad);
	rtnl_unlock();
	KUNIT_EXPECT_EQ(test, err, 0);
	netcx_nt_expect_log(test, dev, NULL, 0);
}

static void netcx_netdev_pause_fails(struct kunit *test)
{
	static const struct netcx_nt_call pause_fail[] = {
		{ TX, 0 }, { RX, 0, -EBUSY }, { TX, ALL },
	};
	static const struct netcx_nt_call paused[] = {
		{ TX, 0 }, { RX, 0 }, { LSO, 0 }, { USO, 0 }, { RSC, 0 },
		{ VTX, 0 }, { VRX, 0 },
	};
	static const struct netcx_nt_call resume_fail[] = {
		{ TX, ALL }, { RX, ALL }, { LSO, NETCX_TEST_TCP, -EBUSY },
		{ RX, 0 }, { TX, 0 },
	};
	static const u32 full[NETCX_OFFLOAD_MAX] = NETCX_TEST_FULL_PERMITTED;
	netdev_features_t before;
	struct netcx_nt_priv *p;
	struct net_device *dev;
	int err;

	dev = netcx_nt_setup(test, NETCX_TEST_FULL, NETCX_NT_REGISTERED);
	p = netdev_priv(dev);
	before = dev->features;

	/* a refused pause leaves everything on, and not paused */
	p->fail_off = RX;
	p->fail_err = -EBUSY;
	rtnl_lock();
	err = netcx_pause(p->ad);
	rtnl_unlock();
	KUNIT_EXPECT_EQ(test, err, -EBUSY);
	netcx_nt_expect_log(test, dev, pause_fail, ARRAY_SIZE(pause_fail));
	KUNIT_EXPECT_EQ(test, dev->features, before);
	netcx_nt_expect_active(test, dev, full);
	p->fail_off = -1;
	netcx_nt_want(dev, 0, 0);
	netcx_nt_expect_log(test, dev, NULL, 0);

	rtnl_lock();
	err = netcx_pause(p->ad);
	rtnl_unlock();
	KUNIT_EXPECT_EQ(test, err, 0);
	netcx_nt_expect_log(test, dev, paused, ARRAY_SIZE(paused));

	/* a refused resume leaves everything off, and paused */
	p->fail_off = LSO;
	rtnl_lock();
	err = netcx_resume(p->ad);
	rtnl_unlock();
	KUNIT_EXPECT_EQ(test, err, -EBUSY);
	netcx_nt_expect_log(test, dev, resume_fail, ARRAY_SIZE(resume_fail));
	KUNIT_EXPECT_EQ(test, dev->features & NETCX_FEATURES, 0);
	p->fail_off = -1;
	netcx_nt_want(dev, 0, 0);
	netcx_nt_expect_log(test, dev, NULL, 0);
	KUNIT_EXPECT_EQ(test, dev->features & NETCX_FEATURES, 0);

	rtnl_lock();
	err = netcx_resume(p->ad);
	rtnl_unlock();
	KUNIT_EXPECT_EQ(test, err, 0);
	/* every offload but the tunnels', which the profile does not declare */
	KUNIT_EXPECT_EQ(test, p->n, NETCX_OFFLOAD_VLAN_RX + 1);
	p->n = 0;
	KUNIT_EXPECT_EQ(test, dev->features, before);
}

static void netcx_netdev_pause_unregistered(struct kunit *test)
{
	struct net_device *dev;
	int pause, resume;

	dev = netcx_nt_setup(test, NETCX_TEST_FULL, NETCX_NT_COMMITTED);
	rtnl_lock();
	pause = netcx_pause(netcx_nt_ad(dev));
	resume = netcx_resume(netcx_nt_ad(dev));
	rtnl_unlock();
	KUNIT_EXPECT_EQ(test, pause, -EINVAL);
	KUNIT_EXPECT_EQ(test, resume, -EINVAL);
	netcx_nt_expect_log(test, dev, NULL, 0);
}

/* ---- registration order ---- */

static void netcx_nt_expect_busy(struct kunit *test, struct netcx_adapter *ad)
{
	static const struct netcx_tx_csum_caps tx = {
		.l3 = NETCX_L3_IPV4, .l4 = NETCX_L4_TCP,
	};
	static const struct netcx_rx_csum_caps rx = { .kinds = NETCX_TCP4 };
	static const struct netcx_gso_caps lso = {
		.l3 = NETCX_L3_IPV4, .l4 = NETCX_L4_TCP,
		.max_size = 65536, .min_segs = 2,
	};
	static const struct netcx_gso_caps uso = {
		.l3 = NETCX_L3_IPV4, .l4 = NETCX_L4_UDP,
		.max_size = 65536, .min_segs = 2,
	};
	static const struct netcx_rsc_caps rsc = { .l3 = NETCX_L3_IPV4 };
	static const struct netcx_ieee8021q_caps tag = {
		.kinds = NETCX_TAG_VLAN,
	};

	KUNIT_EXPECT_EQ(test, netcx_set_tx_csum_caps(ad, &tx), -EBUSY);
	KUNIT_EXPECT_EQ(test, netcx_set_rx_csum_caps(ad, &rx), -EBUSY);
	KUNIT_EXPECT_EQ(test, netcx_set_lso_caps(ad, &lso), -EBUSY);
	KUNIT_EXPECT_EQ(test, netcx_set_uso_caps(ad, &uso), -EBUSY);
	KUNIT_EXPECT_EQ(test, netcx_set_rsc_caps(ad, &rsc), -EBUSY);
	KUNIT_EXPECT_EQ(test, netcx_set_ieee8021q_caps(ad, &tag), -EBUSY);
	KUNIT_EXPECT_EQ(test, netcx_set_keywords(ad, "*LsoV2IPv6=0"), -EBUSY);
	KUNIT_EXPECT_EQ(test, netcx_set_keywords(ad, "*Bad=0"), -EBUSY);
	KUNIT_EXPECT_EQ(test, netcx_adapter_commit(ad), -EBUSY);
}

static void netcx_netdev_busy_after_commit(struct kunit *test)
{
	static const u32 csum[NETCX_OFFLOAD_MAX] = { [TX] = ALL, [RX] = ALL };
	struct netcx_adapter *ad;
	struct net_device *dev;
	int i;

	dev = netcx_nt_setup(test, NETCX_TEST_CSUM, NETCX_NT_COMMITTED);
	ad = netcx_nt_ad(dev);
	netcx_nt_expect_busy(test, ad);
	for (i = 0; i < NETCX_OFFLOAD_MAX; i++)
		KUNIT_EXPECT_EQ(test, netcx_permitted(ad, i), csum[i]);
	KUNIT_EXPECT_NULL(test, netcx_gso_limits(ad, LSO));
}

static void netcx_netdev_busy_after_register(struct kunit *test)
{
	struct netcx_adapter *ad;
	struct net_device *dev;

	dev = netcx_nt_setup(test, NETCX_TEST_CSUM,
			     NETCX_NT_REGISTERED_UNCOMMITTED);
	netcx_nt_expect_busy(test, netcx_nt_ad(dev));
	KUNIT_EXPECT_EQ(test, dev->hw_features & NETCX_FEATURES, 0);
	KUNIT_EXPECT_EQ(test, dev->features & NETCX_FEATURES, 0);

	ad = netcx_adapter_create(dev, NULL);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(ad), -EBUSY);
}

static void netcx_netdev_busy_registered(struct kunit *test)
{
	struct net_device *dev;

	dev = netcx_nt_setup(test, NETCX_TEST_FULL, NETCX_NT_REGISTERED);
	netcx_nt_expect_busy(test, netcx_nt_ad(dev));
	KUNIT_EXPECT_EQ(test, netcx_permitted(netcx_nt_ad(dev), LSO),
			NETCX_TEST_TCP);
}

/* ---- the adapter in dev->ml_priv ---- */

/* Set at create, cleared at destroy; a taken ml_priv refused, left alone. */
static void netcx_netdev_ml_priv(struct kunit *test)
{
	struct netcx_nt_priv *p;
	struct netcx_adapter *other;
	struct net_device *dev;
	int marker;

	dev = netcx_nt_setup(test, NETCX_TEST_CSUM, NETCX_NT_COMMITTED);
	p = netdev_priv(dev);
	KUNIT_EXPECT_PTR_EQ(test, dev->ml_priv, (void *)p->ad);
	KUNIT_EXPECT_EQ(test, (int)dev->ml_priv_type, (int)ML_PRIV_NONE);

	/* a second adapter on the same device: refused, the first kept */
	other = netcx_adapter_create(dev, NULL);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(other), -EBUSY);
	KUNIT_EXPECT_PTR_EQ(test, dev->ml_priv, (void *)p->ad);

	netcx_adapter_destroy(p->ad);
	p->ad = NULL;
	KUNIT_EXPECT_NULL(test, dev->ml_priv);

	/* another mid-layer's pointer: refused, left alone */
	dev->ml_priv = &marker;
	other = netcx_adapter_create(dev, NULL);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(other), -EBUSY);
	KUNIT_EXPECT_PTR_EQ(test, dev->ml_priv, (void *)&marker);
	dev->ml_priv = NULL;

	/* free again: a new adapter takes it */
	p->ad = netcx_adapter_create(dev, NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(p->ad));
	KUNIT_EXPECT_PTR_EQ(test, dev->ml_priv, (void *)p->ad);
}

/* The ndos, as the stack calls them, answer as the adapter's calls do. */
static void netcx_netdev_ndo_same(struct kunit *test)
{
	static const struct netcx_nt_call tso_off[] = { { LSO, NETCX_TCP6 } };
	struct netcx_adapter *ad;
	struct net_device *dev;
	netdev_features_t f;

	dev = netcx_nt_setup(test, NETCX_TEST_FULL, NETCX_NT_REGISTERED);
	ad = netcx_nt_ad(dev);

	rtnl_lock();
	f = dev->features & ~NETIF_F_TSO;
	KUNIT_EXPECT_EQ(test, netcx_ndo_fix_features(dev, f),
			netcx_fix_features(ad, f));
	rtnl_unlock();

	/* ethtool -K through the plugged-in ndo_set_features */
	netcx_nt_want(dev, NETIF_F_TSO, 0);
	netcx_nt_expect_log(test, dev, tso_off, ARRAY_SIZE(tso_off));
	KUNIT_EXPECT_EQ(test, dev->features & NETIF_F_TSO, 0);
	KUNIT_EXPECT_EQ(test, netcx_active(ad, LSO), NETCX_TCP6);
}

static struct kunit_case netcx_netdev_cases[] = {
	KUNIT_CASE(netcx_netdev_ml_priv),
	KUNIT_CASE(netcx_netdev_ndo_same),
	KUNIT_CASE_PARAM(netcx_netdev_change, netcx_nt_gen_params),
	KUNIT_CASE(netcx_netdev_rollback),
	KUNIT_CASE(netcx_netdev_active_in_callback),
	KUNIT_CASE(netcx_netdev_first_fails),
	KUNIT_CASE(netcx_netdev_pause_resume),
	KUNIT_CASE(netcx_netdev_pause_fails),
	KUNIT_CASE(netcx_netdev_pause_unregistered),
	KUNIT_CASE(netcx_netdev_busy_after_commit),
	KUNIT_CASE(netcx_netdev_busy_after_register),
	KUNIT_CASE(netcx_netdev_busy_registered),
	{}
};

static struct kunit_suite netcx_netdev_suite = {
	.name = "netcx_netdev",
	.init = netcx_nt_init,
	.exit = netcx_nt_exit,
	.test_cases = netcx_netdev_cases,
};

kunit_test_suite(netcx_netdev_suite);

MODULE_DESCRIPTION("KUnit tests of netcx on a registered net_device");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(NETCX_NS);
