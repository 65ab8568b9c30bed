// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: per-device keywords through devlink. The "keywords" parameter on
 * a devlink instance allocated here (on a KUnit device), its validate
 * callback, netcx_update_keywords() before and after commit on the shared
 * fake device, registered or not, running or detached, with change
 * callbacks that log what they are told, and netcx_devlink_apply(); last,
 * a packet checked under the old keywords and sent under the new ones.
 */
#include <kunit/device.h>
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <net/devlink.h>
#include <net/ip.h>

#include <compat/compat.h>
#include <netcx/netcx.h>

#include "core/core.h"
#include "core/keywords.h"
#include "../testing/netcx_pkt_build.h"
#include "../testing/netcx_test.h"
#include "../testing/netcx_test_dev.h"

#define TX	NETCX_OFFLOAD_TX_CSUM
#define RX	NETCX_OFFLOAD_RX_CSUM
#define LSO	NETCX_OFFLOAD_LSO
#define USO	NETCX_OFFLOAD_USO
#define RSC	NETCX_OFFLOAD_RSC
#define ALL	NETCX_TEST_ALL_KINDS

#define DRIVER_BITS	(NETIF_F_SG | NETIF_F_HIGHDMA)
#define DT_LOG		32

/* One change callback, as logged. */
struct dt_call {
	int off;
	u32 kinds;
	int ret;
};

/* The callbacks' log: the cases run one at a time. */
static struct {
	struct dt_call log[DT_LOG];
	int n;
	int fail_off;
	int fail_err;
} dt;

/* What a case set up, for the exit to undo. */
static struct {
	struct devlink *devlink;
	bool params;
} dt_dl;

static int dt_changed(struct net_device *dev, int off, u32 kinds)
{
	int ret = off == dt.fail_off ? dt.fail_err : 0;

	if (dt.n < DT_LOG)
		dt.log[dt.n] = (struct dt_call){ off, kinds, ret };
	dt.n++;
	return ret;
}

static int dt_tx(struct net_device *d, u32 k) { return dt_changed(d, TX, k); }
static int dt_rx(struct net_device *d, u32 k) { return dt_changed(d, RX, k); }
static int dt_lso(struct net_device *d, u32 k) { return dt_changed(d, LSO, k); }
static int dt_uso(struct net_device *d, u32 k) { return dt_changed(d, USO, k); }
static int dt_rsc(struct net_device *d, u32 k) { return dt_changed(d, RSC, k); }

static const struct netcx_adapter_ops dt_ops = {
	.changed = {
		[TX] = dt_tx, [RX] = dt_rx, [LSO] = dt_lso, [USO] = dt_uso,
		[RSC] = dt_rsc,
	},
};

static netdev_tx_t dt_xmit(struct sk_buff *skb, struct net_device *dev)
{
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops dt_netdev_ops = {
	.ndo_start_xmit = dt_xmit,
	.ndo_features_check = netcx_ndo_features_check,
	.ndo_fix_features = netcx_ndo_fix_features,
	.ndo_set_features = netcx_ndo_set_features,
};

static int dt_reload_down(struct devlink *devlink, bool netns_change,
			  enum devlink_reload_action action,
			  enum devlink_reload_limit limit,
			  struct netlink_ext_ack *extack)
{
	return 0;
}

static int dt_reload_up(struct devlink *devlink,
			enum devlink_reload_action action,
			enum devlink_reload_limit limit, u32 *actions_performed,
			struct netlink_ext_ack *extack)
{
	*actions_performed = BIT(DEVLINK_RELOAD_ACTION_DRIVER_REINIT);
	return 0;
}

static const struct devlink_ops dt_devlink_ops = {
	.reload_actions = BIT(DEVLINK_RELOAD_ACTION_DRIVER_REINIT),
	.reload_down = dt_reload_down,
	.reload_up = dt_reload_up,
};

/*
 * The shared fake device with @profile declared, netcx's ndos and the
 * logging callbacks; committed and registered when asked.
 */
static struct netcx_adapter *dt_setup(struct kunit *test,
				      enum netcx_test_profile profile,
				      bool commit, bool reg)
{
	struct netcx_adapter *ad;

	ad = netcx_test_dev(test, &dt_netdev_ops, DRIVER_BITS);
	ad->ops = &dt_ops;
	KUNIT_ASSERT_EQ(test, netcx_test_declare(ad, profile), 0);
	if (commit)
		KUNIT_ASSERT_EQ(test, netcx_adapter_commit(ad), 0);
	if (reg)
		KUNIT_ASSERT_EQ(test, register_netdev(ad->dev), 0);
	return ad;
}

/* A devlink instance on a KUnit device, freed by the exit. */
static struct devlink *dt_devlink(struct kunit *test)
{
	struct device *dev = kunit_device_register(test, "netcx-devlink-test");

	KUNIT_ASSERT_FALSE(test, IS_ERR(dev));
	dt_dl.devlink = devlink_alloc(&dt_devlink_ops, 0, dev);
	KUNIT_ASSERT_NOT_NULL(test, dt_dl.devlink);
	return dt_dl.devlink;
}

static int dt_register(struct devlink *devlink, const char *keywords)
{
	int err = netcx_devlink_params_register(devlink, keywords);

	dt_dl.params = !err;
	return err;
}

static void dt_set(struct devlink *devlink, const char *keywords)
{
	union devlink_param_value val = {};

	strscpy(val.vstr, keywords, sizeof(val.vstr));
	devl_lock(devlink);
	netcx_devl_param_driverinit_value_set(devlink,
					      NETCX_DEVLINK_PARAM_ID_KEYWORDS,
					      val);
	devl_unlock(devlink);
}

static void dt_get(struct kunit *test, struct devlink *devlink,
		   const char *want)
{
	const u32 id = NETCX_DEVLINK_PARAM_ID_KEYWORDS;
	union devlink_param_value val;
	int err;

	devl_lock(devlink);
	err = netcx_devl_param_driverinit_value_get(devlink, id, &val);
	devl_unlock(devlink);
	KUNIT_ASSERT_EQ(test, err, 0);
	KUNIT_EXPECT_STREQ(test, val.vstr, want);
}

static int dt_init(struct kunit *test)
{
	memset(&dt, 0, sizeof(dt));
	dt.fail_off = -1;
	memset(&dt_dl, 0, sizeof(dt_dl));
	return netcx_test_init(test);
}

static void dt_exit(struct kunit *test)
{
	struct net_device *dev = test->priv;

	if (dev && dev->reg_state == NETREG_REGISTERED)
		unregister_netdev(dev);
	netcx_test_exit(test);
	if (dt_dl.params)
		netcx_devlink_params_unregister(dt_dl.devlink);
	if (dt_dl.devlink)
		devlink_free(dt_dl.devlink);
}

/* The callbacks since the last check were exactly @want[0..@n). */
static void dt_expect_log(struct kunit *test, const struct dt_call *want,
			  int n)
{
	int i;

	KUNIT_EXPECT_EQ(test, dt.n, n);
	for (i = 0; i < min(n, dt.n); i++) {
		KUNIT_EXPECT_EQ_MSG(test, dt.log[i].off, want[i].off, "call %d", i);
		KUNIT_EXPECT_EQ_MSG(test, dt.log[i].kinds, want[i].kinds,
				    "call %d", i);
		KUNIT_EXPECT_EQ_MSG(test, dt.log[i].ret, want[i].ret, "call %d", i);
	}
	dt.n = 0;
}

static void dt_expect_permitted(struct kunit *test, struct netcx_adapter *ad,
				const u32 *want)
{
	int i;

	for (i = 0; i < NETCX_OFFLOAD_MAX; i++)
		KUNIT_EXPECT_EQ_MSG(test, netcx_permitted(ad, i), want[i],
				    "offload %d", i);
}

static void dt_expect_active(struct kunit *test, struct netcx_adapter *ad,
			     const u32 *want)
{
	int i;

	for (i = 0; i < NETCX_OFFLOAD_MAX; i++)
		KUNIT_EXPECT_EQ_MSG(test, netcx_active(ad, i), want[i],
				    "offload %d", i);
}

/* The extack's message: the token named, or (before 6.2) the reason. */
static void dt_expect_msg(struct kunit *test, struct netlink_ext_ack *extack,
			  const char *reason, const char *token)
{
	char want[NETLINK_MAX_FMTMSG_LEN];

	KUNIT_ASSERT_NOT_NULL(test, extack->_msg);
#ifdef NETCX_HAVE_EXTACK_FMT
	snprintf(want, sizeof(want), "netcx: %s '%s'", reason, token);
#else
	strscpy(want, reason, sizeof(want));
#endif
	KUNIT_EXPECT_STREQ(test, extack->_msg, want);
}

static int dt_update(struct netcx_adapter *ad, const char *kw,
		     struct netlink_ext_ack *extack)
{
	int err;

	rtnl_lock();
	err = netcx_update_keywords(ad, kw, extack);
	rtnl_unlock();
	return err;
}

/* ---- the parameter ---- */

static void dt_register_default(struct kunit *test)
{
	struct devlink *devlink = dt_devlink(test);

	KUNIT_ASSERT_EQ(test, dt_register(devlink, "*LsoV2IPv6=0"), 0);
	dt_get(test, devlink, "*LsoV2IPv6=0");
	netcx_devlink_params_unregister(devlink);
	dt_dl.params = false;

	/* NULL is none */
	KUNIT_ASSERT_EQ(test, dt_register(devlink, NULL), 0);
	dt_get(test, devlink, "");
	netcx_devlink_params_unregister(devlink);
	dt_dl.params = false;

	/* 31 characters fit */
	KUNIT_EXPECT_EQ(test, strlen("*PriorityVLANTag=0,*LsoV2IPv4=0"),
			NETCX_DEVLINK_KEYWORDS_MAX);
	KUNIT_ASSERT_EQ(test, dt_register(devlink,
					  "*PriorityVLANTag=0,*LsoV2IPv4=0"), 0);
	dt_get(test, devlink, "*PriorityVLANTag=0,*LsoV2IPv4=0");
}

static void dt_register_bad(struct kunit *test)
{
	struct devlink *devlink = dt_devlink(test);

	/* bad tokens and a string longer than devlink holds: nothing there */
	KUNIT_EXPECT_EQ(test, dt_register(devlink, "*Foo=1"), -EINVAL);
	KUNIT_EXPECT_EQ(test, dt_register(devlink, "*LsoV2IPv6=2"), -EINVAL);
	KUNIT_EXPECT_EQ(test, dt_register(devlink, "*LsoV2IPv6=0,"), -EINVAL);
	KUNIT_EXPECT_EQ(test, dt_register(devlink,
					  "*RscIPv4=0,*RscIPv6=0,*UsoIPv4=0"),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, dt_register(devlink,
					  "*LsoV2IPv4=0,*LsoV2IPv6=0,*RscIPv4=0"),
			-EINVAL);
	KUNIT_EXPECT_FALSE(test, dt_dl.params);
}

static int dt_validate_one(struct devlink *devlink,
			   union devlink_param_value val,
			   struct netlink_ext_ack *extack)
{
	return netcx_devlink_keywords_validate(devlink,
					       NETCX_DEVLINK_PARAM_ID_KEYWORDS,
					       val, extack);
}

/* devlink dev param set: the validate callback, nothing stored on error */
static void dt_validate(struct kunit *test)
{
	static const struct {
		const char *str, *reason, *token;
	} bad[] = {
		{ "*Foo=1", "unknown keyword", "*Foo=1" },
		{ "*LsoV2IPv4=0,*LsoV2IPv6=7", "invalid value", "*LsoV2IPv6=7" },
		{ "*RscIPv4=0,*rscipv4=1", "duplicate keyword", "*rscipv4=1" },
		{ "*UsoIPv4", "expected name=value", "*UsoIPv4" },
		{ "*UsoIPv4=0,", "empty keyword", "" },
	};
	static const char * const good[] = {
		"", "*LsoV2IPv6=0", "*LsoV2IPv6=0,*rscipv6=0",
	};
	struct devlink *devlink = dt_devlink(test);
	union devlink_param_value val;
	int i;

	for (i = 0; i < ARRAY_SIZE(good); i++) {
		struct netlink_ext_ack extack = {};

		memset(&val, 0, sizeof(val));
		strscpy(val.vstr, good[i], sizeof(val.vstr));
		KUNIT_EXPECT_EQ_MSG(test, dt_validate_one(devlink, val, &extack),
				    0, "%s", good[i]);
		KUNIT_EXPECT_NULL(test, extack._msg);
	}
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		struct netlink_ext_ack extack = {};

		memset(&val, 0, sizeof(val));
		strscpy(val.vstr, bad[i].str, sizeof(val.vstr));
		KUNIT_EXPECT_EQ_MSG(test, dt_validate_one(devlink, val, &extack),
				    -EINVAL, "%s", bad[i].str);
		dt_expect_msg(test, &extack, bad[i].reason, bad[i].token);
	}
}

/* ---- netcx_update_keywords() ---- */

static void dt_update_before_commit(struct kunit *test)
{
	struct netcx_adapter *ad = dt_setup(test, NETCX_TEST_FULL, false, false);
	u32 want[] = NETCX_TEST_FULL_PERMITTED;
	struct netlink_ext_ack extack = {};

	KUNIT_EXPECT_EQ(test, netcx_update_keywords(ad, "*RscIPv6=0", NULL), 0);
	/* a bad string changes nothing */
	KUNIT_EXPECT_EQ(test, netcx_update_keywords(ad, "*RscIPv6=0,*X=1",
						    &extack), -EINVAL);
	dt_expect_msg(test, &extack, "unknown keyword", "*X=1");
	KUNIT_ASSERT_EQ(test, netcx_adapter_commit(ad), 0);
	want[RSC] = NETCX_TCP4;
	dt_expect_permitted(test, ad, want);
	KUNIT_EXPECT_EQ(test, dt.n, 0);
}

static void dt_update_unregistered(struct kunit *test)
{
	struct netcx_adapter *ad = dt_setup(test, NETCX_TEST_FULL, true, false);
	u32 want[] = NETCX_TEST_FULL_PERMITTED;
	struct net_device *dev = ad->dev;

	KUNIT_ASSERT_EQ(test, dt_update(ad, "*LsoV2IPv6=0", NULL), 0);
	want[LSO] = NETCX_TCP4;
	dt_expect_permitted(test, ad, want);
	KUNIT_EXPECT_EQ(test, dev->hw_features & NETIF_F_TSO6, 0);
	KUNIT_EXPECT_EQ(test, dev->features & NETIF_F_TSO6, 0);
	KUNIT_EXPECT_EQ(test, dev->vlan_features & NETIF_F_TSO6, 0);
	KUNIT_EXPECT_TRUE(test, dev->features & NETIF_F_TSO);

	KUNIT_ASSERT_EQ(test, dt_update(ad, "", NULL), 0);
	want[LSO] = NETCX_TEST_TCP;
	dt_expect_permitted(test, ad, want);
	KUNIT_EXPECT_TRUE(test, dev->hw_features & NETIF_F_TSO6);
	KUNIT_EXPECT_TRUE(test, dev->features & NETIF_F_TSO6);
	KUNIT_EXPECT_TRUE(test, dev->vlan_features & NETIF_F_TSO6);
	/* no driver state to tell before registration */
	KUNIT_EXPECT_EQ(test, dt.n, 0);
}

/* Off and back on: [fixed] off, then on again as on a new device. */
static void dt_update_both_ways(struct kunit *test)
{
	static const struct dt_call off[] = {
		{ LSO, NETCX_TCP4 }, { USO, NETCX_UDP6 },
	};
	static const struct dt_call on[] = {
		{ LSO, NETCX_TEST_TCP }, { USO, NETCX_TEST_UDP },
	};
	struct netcx_adapter *ad = dt_setup(test, NETCX_TEST_FULL, true, true);
	u32 want[] = NETCX_TEST_FULL_PERMITTED;
	u32 act[] = NETCX_TEST_FULL_PERMITTED;
	struct net_device *dev = ad->dev;

	/* the user's choice, ethtool -K rx-gro-hw off, survives */
	rtnl_lock();
	dev->wanted_features &= ~NETIF_F_GRO_HW;
	netdev_update_features(dev);
	rtnl_unlock();
	dt.n = 0;

	KUNIT_ASSERT_EQ(test, dt_update(ad, "*LsoV2IPv6=0,*UsoIPv4=0", NULL), 0);
	dt_expect_log(test, off, ARRAY_SIZE(off));
	want[LSO] = NETCX_TCP4;
	want[USO] = NETCX_UDP6;
	dt_expect_permitted(test, ad, want);
	act[LSO] = NETCX_TCP4;
	act[USO] = NETCX_UDP6;
	act[RSC] = 0;
	dt_expect_active(test, ad, act);
	KUNIT_EXPECT_EQ(test, dev->hw_features & NETIF_F_TSO6, 0);
	KUNIT_EXPECT_EQ(test, dev->features & NETIF_F_TSO6, 0);
	KUNIT_EXPECT_EQ(test, dev->wanted_features & NETIF_F_TSO6, 0);
	KUNIT_EXPECT_EQ(test, dev->vlan_features & NETIF_F_TSO6, 0);
	KUNIT_EXPECT_TRUE(test, dev->features & NETIF_F_GSO_UDP_L4);
	KUNIT_EXPECT_TRUE(test, dev->hw_features & NETIF_F_GRO_HW);
	KUNIT_EXPECT_EQ(test, dev->features & NETIF_F_GRO_HW, 0);

	KUNIT_ASSERT_EQ(test, dt_update(ad, NULL, NULL), 0);
	dt_expect_log(test, on, ARRAY_SIZE(on));
	want[LSO] = NETCX_TEST_TCP;
	want[USO] = NETCX_TEST_UDP;
	dt_expect_permitted(test, ad, want);
	act[LSO] = NETCX_TEST_TCP;
	act[USO] = NETCX_TEST_UDP;
	dt_expect_active(test, ad, act);
	KUNIT_EXPECT_TRUE(test, dev->hw_features & NETIF_F_TSO6);
	KUNIT_EXPECT_TRUE(test, dev->features & NETIF_F_TSO6);
	KUNIT_EXPECT_TRUE(test, dev->vlan_features & NETIF_F_TSO6);
	KUNIT_EXPECT_EQ(test, dev->features & NETIF_F_GRO_HW, 0);
}

/* Kinds change, no feature bit does: the callbacks are told all the same. */
static void dt_update_kinds_only(struct kunit *test)
{
	static const struct dt_call off[] = {
		{ TX, ALL & ~NETCX_UDP6 }, { USO, NETCX_UDP4 },
	};
	static const struct dt_call on[] = {
		{ TX, ALL }, { USO, NETCX_TEST_UDP },
	};
	struct netcx_adapter *ad = dt_setup(test, NETCX_TEST_FULL, true, true);
	u32 want[] = NETCX_TEST_FULL_PERMITTED;
	struct net_device *dev = ad->dev;
	netdev_features_t f = dev->features, hw = dev->hw_features;

	KUNIT_ASSERT_EQ(test, dt_update(ad, "*UDPChecksumOffloadIPv6=2", NULL),
			0);
	dt_expect_log(test, off, ARRAY_SIZE(off));
	want[TX] = ALL & ~NETCX_UDP6;
	want[USO] = NETCX_UDP4;
	dt_expect_permitted(test, ad, want);
	dt_expect_active(test, ad, want);
	KUNIT_EXPECT_EQ(test, dev->features, f);
	KUNIT_EXPECT_EQ(test, dev->hw_features, hw);

	KUNIT_ASSERT_EQ(test, dt_update(ad, "", NULL), 0);
	dt_expect_log(test, on, ARRAY_SIZE(on));
}

/* A callback refuses: rolled back, nothing changed. */
static void dt_update_rollback(struct kunit *test)
{
	static const struct dt_call calls[] = {
		{ TX, ALL & ~NETCX_TCP6 }, { RX, ALL & ~NETCX_TCP6 },
		{ LSO, NETCX_TCP4 }, { RSC, NETCX_TCP4, -EIO },
		{ LSO, NETCX_TEST_TCP }, { RX, ALL }, { TX, ALL },
	};
	struct netcx_adapter *ad = dt_setup(test, NETCX_TEST_FULL, true, true);
	u32 want[] = NETCX_TEST_FULL_PERMITTED;
	struct net_device *dev = ad->dev;
	netdev_features_t f = dev->features, hw = dev->hw_features;
	netdev_features_t wanted = dev->wanted_features;
	netdev_features_t vlan = dev->vlan_features;
	struct netlink_ext_ack extack = {};

	dt.fail_off = RSC;
	dt.fail_err = -EIO;
	KUNIT_EXPECT_EQ(test, dt_update(ad, "*TCPChecksumOffloadIPv6=0",
					&extack), -EIO);
	KUNIT_EXPECT_NOT_NULL(test, extack._msg);
	dt_expect_log(test, calls, ARRAY_SIZE(calls));
	dt_expect_permitted(test, ad, want);
	dt_expect_active(test, ad, want);
	KUNIT_EXPECT_EQ(test, dev->features, f);
	KUNIT_EXPECT_EQ(test, dev->hw_features, hw);
	KUNIT_EXPECT_EQ(test, dev->wanted_features, wanted);
	KUNIT_EXPECT_EQ(test, dev->vlan_features, vlan);
	KUNIT_EXPECT_EQ(test, ad->kw_off[TX], 0);

	/* and the same change goes through once the driver agrees */
	dt.fail_off = -1;
	KUNIT_EXPECT_EQ(test, dt_update(ad, "*TCPChecksumOffloadIPv6=0", NULL),
			0);
	KUNIT_EXPECT_EQ(test, dt.n, 4);
	KUNIT_EXPECT_EQ(test, netcx_permitted(ad, RSC), NETCX_TCP4);
	KUNIT_EXPECT_EQ(test, dev->features & NETIF_F_TSO6, 0);
}

/* Kinds only, refused: the direct call's rollback. */
static void dt_update_rollback_kinds(struct kunit *test)
{
	static const struct dt_call calls[] = {
		{ TX, ALL & ~NETCX_UDP6 }, { USO, NETCX_UDP4, -EBUSY },
		{ TX, ALL },
	};
	struct netcx_adapter *ad = dt_setup(test, NETCX_TEST_FULL, true, true);
	u32 want[] = NETCX_TEST_FULL_PERMITTED;

	dt.fail_off = USO;
	dt.fail_err = -EBUSY;
	KUNIT_EXPECT_EQ(test, dt_update(ad, "*UDPChecksumOffloadIPv6=2", NULL),
			-EBUSY);
	dt_expect_log(test, calls, ARRAY_SIZE(calls));
	dt_expect_permitted(test, ad, want);
	dt_expect_active(test, ad, want);
}

/* The plan is read per packet: not while the device runs and is present. */
static void dt_update_running(struct kunit *test)
{
	struct netcx_adapter *ad = dt_setup(test, NETCX_TEST_FULL, true, true);
	u32 want[] = NETCX_TEST_FULL_PERMITTED;
	struct netlink_ext_ack extack = {};
	struct net_device *dev = ad->dev;

	rtnl_lock();
	KUNIT_ASSERT_EQ(test, dev_open(dev, NULL), 0);
	KUNIT_EXPECT_EQ(test, netcx_update_keywords(ad, "*LsoV2IPv4=0", &extack),
			-EBUSY);
	KUNIT_EXPECT_NOT_NULL(test, extack._msg);
	dt_expect_permitted(test, ad, want);
	KUNIT_EXPECT_TRUE(test, dev->features & NETIF_F_TSO);

	/* detached, as in devlink's reload_down */
	netif_device_detach(dev);
	KUNIT_EXPECT_EQ(test, netcx_update_keywords(ad, "*LsoV2IPv4=0", NULL), 0);
	netif_device_attach(dev);
	want[LSO] = NETCX_TCP6;
	dt_expect_permitted(test, ad, want);
	KUNIT_EXPECT_EQ(test, dev->features & NETIF_F_TSO, 0);

	/* and down */
	dev_close(dev);
	KUNIT_EXPECT_EQ(test, netcx_update_keywords(ad, "", NULL), 0);
	rtnl_unlock();
	want[LSO] = NETCX_TEST_TCP;
	dt_expect_permitted(test, ad, want);
}

/* ---- netcx_devlink_apply() ---- */

static void dt_apply(struct kunit *test)
{
	struct netcx_adapter *ad = dt_setup(test, NETCX_TEST_FULL, false, false);
	struct devlink *devlink = dt_devlink(test);
	u32 want[] = NETCX_TEST_FULL_PERMITTED;
	struct netlink_ext_ack extack = {};
	int err;

	/* no parameter registered yet */
	KUNIT_EXPECT_EQ(test, netcx_devlink_apply(ad, devlink, &extack),
			-EOPNOTSUPP);
	KUNIT_EXPECT_NOT_NULL(test, extack._msg);

	/* probe: the default, before commit */
	KUNIT_ASSERT_EQ(test, dt_register(devlink, "*RscIPv4=0"), 0);
	KUNIT_ASSERT_EQ(test, netcx_devlink_apply(ad, devlink, NULL), 0);
	KUNIT_ASSERT_EQ(test, netcx_adapter_commit(ad), 0);
	KUNIT_ASSERT_EQ(test, register_netdev(ad->dev), 0);
	want[RSC] = NETCX_TCP6;
	dt_expect_permitted(test, ad, want);

	/* devlink dev param set ...; devlink dev reload: reload_up applies */
	dt_set(devlink, "*LsoV2IPv4=0");
	rtnl_lock();
	err = netcx_devlink_apply(ad, devlink, NULL);
	rtnl_unlock();
	KUNIT_ASSERT_EQ(test, err, 0);
	want[RSC] = NETCX_TEST_TCP;
	want[LSO] = NETCX_TCP6;
	dt_expect_permitted(test, ad, want);
	KUNIT_EXPECT_EQ(test, ad->dev->hw_features & NETIF_F_TSO, 0);
	KUNIT_EXPECT_TRUE(test, ad->dev->features & NETIF_F_GRO_HW);

	/* a value that skipped validation still applies nothing */
	dt_set(devlink, "*LsoV2IPv6=0,*Bad=0");
	memset(&extack, 0, sizeof(extack));
	rtnl_lock();
	err = netcx_devlink_apply(ad, devlink, &extack);
	rtnl_unlock();
	KUNIT_EXPECT_EQ(test, err, -EINVAL);
	dt_expect_msg(test, &extack, "unknown keyword", "*Bad=0");
	dt_expect_permitted(test, ad, want);
}

/* ---- a packet across the change ---- */

/*
 * A TCP4 GSO packet that ndo_features_check() left to hardware LSO, then
 * requeued by the qdisc while the keywords switched LSO over IPv4 off: at
 * ndo_start_xmit, netcx_tx_prepare() segments it in software, and asks the
 * hardware for no LSO.
 */
static void dt_requeued(struct kunit *test)
{
	static const struct tb_layer l[] = {
		{ TB_ETH }, { TB_IPV4 }, { TB_TCP }, { TB_DATA, 3000 }, { TB_END },
	};
	struct netcx_adapter *ad = dt_setup(test, NETCX_TEST_FULL, true, true);
	unsigned int th = ETH_HLEN + sizeof(struct iphdr);
	struct net_device *dev = ad->dev;
	struct netcx_tx_desc desc;
	netdev_features_t f;
	struct sk_buff *skb;
	struct tb_pkt p;
	int ret;

	tb_pkt_init(test, &p, l);
	skb = tb_skb(test, p.buf, p.len, 0);
	skb->dev = dev;
	skb->protocol = htons(ETH_P_IP);
	skb_set_network_header(skb, ETH_HLEN);
	skb_set_transport_header(skb, th);
	skb->ip_summed = CHECKSUM_PARTIAL;
	skb->csum_start = skb_transport_header(skb) - skb->head;
	skb->csum_offset = offsetof(struct tcphdr, check);
	tcp_hdr(skb)->check = ~csum_tcpudp_magic(ip_hdr(skb)->saddr,
						 ip_hdr(skb)->daddr,
						 p.len - th, IPPROTO_TCP, 0);
	skb_shinfo(skb)->gso_size = 1000;
	skb_shinfo(skb)->gso_type = SKB_GSO_TCPV4;
	skb_shinfo(skb)->gso_segs = 3;

	local_bh_disable();
	f = netcx_features_check(ad, skb, dev->features);
	local_bh_enable();
	KUNIT_ASSERT_TRUE(test, f & NETIF_F_TSO);

	KUNIT_ASSERT_EQ(test, dt_update(ad, "*LsoV2IPv4=0", NULL), 0);

	local_bh_disable();
	f = netcx_features_check(ad, skb, dev->features | NETIF_F_TSO);
	ret = netcx_tx_prepare(ad, &skb, &desc);
	local_bh_enable();
	KUNIT_EXPECT_EQ(test, f & NETIF_F_GSO_MASK, 0);
	KUNIT_EXPECT_EQ(test, ret, NETCX_TX_SEGMENTED);
	KUNIT_EXPECT_EQ(test, desc.flags & (NETCX_TXD_LSO | NETCX_TXD_USO), 0);
	if (ret == NETCX_TX_SEGMENTED) {
		struct sk_buff *seg, *next;
		int n = 0;

		skb_list_walk_safe(skb, seg, next) {
			skb_mark_not_on_list(seg);
			local_bh_disable();
			KUNIT_EXPECT_EQ(test, netcx_tx_prepare(ad, &seg, &desc), 0);
			local_bh_enable();
			/* each segment's checksum still the hardware's */
			KUNIT_EXPECT_TRUE(test, desc.flags & NETCX_TXD_L4_CSUM);
			KUNIT_EXPECT_EQ(test, desc.flags & NETCX_TXD_LSO, 0);
			kfree_skb(seg);
			n++;
		}
		KUNIT_EXPECT_EQ(test, n, 3);
	} else if (ret == 0) {
		kfree_skb(skb);
	}
}

static struct kunit_case netcx_devlink_cases[] = {
	KUNIT_CASE(dt_register_default),
	KUNIT_CASE(dt_register_bad),
	KUNIT_CASE(dt_validate),
	KUNIT_CASE(dt_update_before_commit),
	KUNIT_CASE(dt_update_unregistered),
	KUNIT_CASE(dt_update_both_ways),
	KUNIT_CASE(dt_update_kinds_only),
	KUNIT_CASE(dt_update_rollback),
	KUNIT_CASE(dt_update_rollback_kinds),
	KUNIT_CASE(dt_update_running),
	KUNIT_CASE(dt_apply),
	KUNIT_CASE(dt_requeued),
	{}
};

static struct kunit_suite netcx_devlink_suite = {
	.name = "netcx_devlink",
	.init = dt_init,
	.exit = dt_exit,
	.test_cases = netcx_devlink_cases,
};

kunit_test_suite(netcx_devlink_suite);

MODULE_DESCRIPTION("KUnit tests of netcx's devlink keywords and their update");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(NETCX_NS);
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
