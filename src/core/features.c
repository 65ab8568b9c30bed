// SPDX-License-Identifier: GPL-2.0
/*
 * From capabilities to net_device features and back: what each offload is
 * permitted to do, the %NETIF_F bits that says, the driver's
 * ndo_fix_features and ndo_set_features, pause and resume.
 */
#include <linux/export.h>
#include <linux/minmax.h>
#include <linux/netdevice.h>
#include <linux/netlink.h>
#include <linux/preempt.h>
#include <linux/rtnetlink.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include <netcx/netcx.h>

#include "core.h"
#include "keywords.h"

/**
 * DOC: feature mapping
 *
 * At netcx_adapter_commit() each offload's permitted packet kinds become
 * %NETIF_F bits of hw_features (what ``ethtool -K`` may change) and of
 * features (all on to begin with):
 *
 * =========== ============================= ==========================
 * offload     permitted kinds               feature
 * =========== ============================= ==========================
 * TX checksum any TCP/UDP kind, generic     %NETIF_F_HW_CSUM
 * TX checksum TCP4 or UDP4, protocol-aware  %NETIF_F_IP_CSUM
 * TX checksum TCP6 or UDP6, protocol-aware  %NETIF_F_IPV6_CSUM
 * RX checksum any                           %NETIF_F_RXCSUM
 * LSO         TCP4                          %NETIF_F_TSO
 * LSO         TCP6                          %NETIF_F_TSO6
 * USO         UDP4 or UDP6                  %NETIF_F_GSO_UDP_L4
 * RSC         TCP4 or TCP6                  %NETIF_F_GRO_HW
 * 802.1Q TX   priority or VLAN tags         %NETIF_F_HW_VLAN_CTAG_TX
 * 802.1Q RX   priority or VLAN tags         %NETIF_F_HW_VLAN_CTAG_RX
 * =========== ============================= ==========================
 *
 * The way back, from features to active kinds, reads the same table: a
 * feature that is on activates the permitted kinds of its row, the IPv4
 * header checksum included with %NETIF_F_HW_CSUM and %NETIF_F_IP_CSUM.
 * (Linux fills the IPv4 header checksum itself on transmit, so a TX engine
 * that declares layer-3 flags only maps to no feature and is never active.)
 *
 * vlan_features gets the TX checksum and segmentation bits, so VLAN devices
 * on top keep them, as long as the driver puts its own %NETIF_F_SG there
 * (segmentation needs it). hw_enc_features gets netcx's bits only for
 * declared tunnel offloads ("DOC: tunnel feature mapping"); without them
 * tunnelled packets (VXLAN, GENEVE, GRE, IP in IP) are checksummed and
 * segmented by the stack in software. tso_max_size is
 * the larger permitted max_size of LSO and USO, tso_max_segs the larger
 * max_segs; each offload's own limits, like everything %NETIF_F cannot say
 * (options, extension headers, offset limits, minimum segment counts, one
 * IP version without the other), are enforced per packet from
 * netcx_gso_limits() and netcx_permitted().
 *
 * Permitted kinds are the declared ones, minus those keywords switch off,
 * minus those whose dependency is not permitted: LSO and USO kinds need the
 * TX checksum of the same kind, RSC kinds the RX checksum of the same kind,
 * and USO with a protocol-aware TX checksum needs an IPv4 and an IPv6 one
 * (the stack's rule for %NETIF_F_GSO_UDP_L4). A kind not permitted is out
 * of hw_features: ``ethtool -k`` shows it ``[fixed]`` off.
 */

enum netcx_engine {
	NETCX_ENGINE_ANY,
	NETCX_ENGINE_GENERIC,
	NETCX_ENGINE_PROTOCOL,
};

/**
 * struct netcx_feature_map - one row of the mapping table
 * @engine: the TX checksum engine the row is for.
 * @feature: the %NETIF_F bit; 0 ends an offload's rows.
 * @kinds: the feature is on when one of these kinds is permitted.
 * @covers: the kinds the feature activates (those permitted of them).
 */
struct netcx_feature_map {
	enum netcx_engine engine;
	netdev_features_t feature;
	u32 kinds;
	u32 covers;
};

/*
 * The rows of each offload, so that the per-packet lookup (netcx_kinds())
 * reads only its own offload's.
 */
static const struct netcx_feature_map
netcx_feature_map[NETCX_OFFLOAD_MAX][NETCX_MAP_ROWS] = {
	[NETCX_OFFLOAD_TX_CSUM] = {
		{ NETCX_ENGINE_GENERIC, NETIF_F_HW_CSUM,
		  NETCX_L4_KINDS, NETCX_KINDS_V4 | NETCX_KINDS_V6 },
		{ NETCX_ENGINE_PROTOCOL, NETIF_F_IP_CSUM,
		  NETCX_TCP4 | NETCX_UDP4, NETCX_KINDS_V4 },
		{ NETCX_ENGINE_PROTOCOL, NETIF_F_IPV6_CSUM,
		  NETCX_TCP6 | NETCX_UDP6, NETCX_KINDS_V6 },
	},
	[NETCX_OFFLOAD_RX_CSUM] = {
		{ NETCX_ENGINE_ANY, NETIF_F_RXCSUM,
		  NETCX_KINDS_V4 | NETCX_KINDS_V6,
		  NETCX_KINDS_V4 | NETCX_KINDS_V6 },
	},
	[NETCX_OFFLOAD_LSO] = {
		{ NETCX_ENGINE_ANY, NETIF_F_TSO, NETCX_TCP4, NETCX_TCP4 },
		{ NETCX_ENGINE_ANY, NETIF_F_TSO6, NETCX_TCP6, NETCX_TCP6 },
	},
	[NETCX_OFFLOAD_USO] = {
		{ NETCX_ENGINE_ANY, NETIF_F_GSO_UDP_L4,
		  NETCX_UDP4 | NETCX_UDP6, NETCX_UDP4 | NETCX_UDP6 },
	},
	[NETCX_OFFLOAD_RSC] = {
		{ NETCX_ENGINE_ANY, NETIF_F_GRO_HW,
		  NETCX_TCP4 | NETCX_TCP6, NETCX_TCP4 | NETCX_TCP6 },
	},
	[NETCX_OFFLOAD_VLAN_TX] = {
		{ NETCX_ENGINE_ANY, NETIF_F_HW_VLAN_CTAG_TX,
		  NETCX_TAGS, NETCX_TAGS },
	},
	[NETCX_OFFLOAD_VLAN_RX] = {
		{ NETCX_ENGINE_ANY, NETIF_F_HW_VLAN_CTAG_RX,
		  NETCX_TAGS, NETCX_TAGS },
	},
	/* tunnels: see "DOC: tunnel feature mapping" */
	[NETCX_OFFLOAD_TNL_CSUM] = {
		{ NETCX_ENGINE_GENERIC, NETIF_F_HW_CSUM,
		  NETCX_TNL_KINDS, NETCX_TNL_KINDS },
		{ NETCX_ENGINE_PROTOCOL, NETIF_F_IP_CSUM,
		  NETCX_TNL_OUTER4, NETCX_TNL_OUTER4 },
		{ NETCX_ENGINE_PROTOCOL, NETIF_F_IPV6_CSUM,
		  NETCX_TNL_OUTER6, NETCX_TNL_OUTER6 },
	},
	[NETCX_OFFLOAD_TNL_GSO] = {
		{ NETCX_ENGINE_ANY, NETIF_F_GSO_UDP_TUNNEL,
		  NETCX_TNL_UDP, NETCX_TNL_UDP },
		{ NETCX_ENGINE_ANY, NETIF_F_GSO_UDP_TUNNEL_CSUM,
		  NETCX_TNL_UDP, NETCX_TNL_UDP_CSUM },
		{ NETCX_ENGINE_ANY, NETIF_F_GSO_GRE,
		  NETCX_TNL_GRE, NETCX_TNL_GRE },
		{ NETCX_ENGINE_ANY, NETIF_F_GSO_GRE_CSUM,
		  NETCX_TNL_GRE, NETCX_TNL_GRE_CSUM },
		{ NETCX_ENGINE_ANY, NETIF_F_GSO_IPXIP4,
		  NETCX_TNL_IPXIP4, NETCX_TNL_IPXIP4 },
		{ NETCX_ENGINE_ANY, NETIF_F_GSO_IPXIP6,
		  NETCX_TNL_IPXIP6, NETCX_TNL_IPXIP6 },
	},
};

static bool netcx_map_applies(const struct netcx_adapter *ad,
			      const struct netcx_feature_map *map)
{
	switch (map->engine) {
	case NETCX_ENGINE_GENERIC:
		return ad->tx_csum.generic;
	case NETCX_ENGINE_PROTOCOL:
		return !ad->tx_csum.generic;
	default:
		return true;
	}
}

/* Declared kinds, minus keywords, minus unmet dependencies. */
static void netcx_compute_permitted(struct netcx_adapter *ad)
{
	u32 *p = ad->permitted;
	int off;

	for (off = 0; off < NETCX_OFFLOAD_MAX; off++)
		p[off] = netcx_hw_kinds(ad, off) & ~ad->kw_off[off];

	p[NETCX_OFFLOAD_LSO] &= p[NETCX_OFFLOAD_TX_CSUM];
	p[NETCX_OFFLOAD_USO] &= p[NETCX_OFFLOAD_TX_CSUM];
	if (!ad->tx_csum.generic &&
	    (!(p[NETCX_OFFLOAD_TX_CSUM] & (NETCX_TCP4 | NETCX_UDP4)) ||
	     !(p[NETCX_OFFLOAD_TX_CSUM] & (NETCX_TCP6 | NETCX_UDP6))))
		p[NETCX_OFFLOAD_USO] = 0;
	p[NETCX_OFFLOAD_RSC] &= p[NETCX_OFFLOAD_RX_CSUM];
	netcx_tnl_permitted(ad);
}

/* The features that the permitted kinds map to. */
static netdev_features_t netcx_permitted_features(const struct netcx_adapter *ad)
{
	netdev_features_t features = 0;
	int off, i;

	for (off = 0; off < NETCX_OFFLOAD_MAX; off++)
		for (i = 0; i < NETCX_MAP_ROWS; i++) {
			const struct netcx_feature_map *map =
				&netcx_feature_map[off][i];

			if (map->feature && netcx_map_applies(ad, map) &&
			    (ad->permitted[off] & map->kinds))
				features |= map->feature;
		}
	return features | netcx_tnl_partial(ad);
}

/**
 * netcx_plan_kinds() - the kinds of an offload that features make active
 * @plan: the plan whose rows say it (netcx_plan_rows()).
 * @off: the offload.
 * @features: a feature set: the device's, or one the stack proposes.
 *
 * Return: the kinds of @off permitted under @plan that @features switch on.
 */
u32 netcx_plan_kinds(const struct netcx_plan *plan, enum netcx_offload off,
		     netdev_features_t features)
{
	u32 kinds = 0;
	int i;

	for (i = 0; i < NETCX_MAP_ROWS; i++)
		if (features & plan->kinds[off][i].feature)
			kinds |= plan->kinds[off][i].kinds;
	return kinds;
}

/**
 * netcx_kinds() - the kinds of an offload that features make active
 * @ad: the adapter.
 * @off: the offload.
 * @features: a feature set: the device's, or one the stack proposes.
 *
 * netcx_plan_kinds() of the adapter's plan.
 *
 * Return: the permitted kinds of @off that @features switch on.
 */
u32 netcx_kinds(const struct netcx_adapter *ad, enum netcx_offload off,
		netdev_features_t features)
{
	return netcx_plan_kinds(&ad->plan, off, features);
}

/*
 * The feature map's rows that apply to the declared engine, each with the
 * permitted kinds it activates, into the plan: all the per-packet code and
 * netcx_kinds() read of the map.
 */
static void netcx_plan_rows(struct netcx_adapter *ad)
{
	int off, i;

	memset(ad->plan.kinds, 0, sizeof(ad->plan.kinds));
	for (off = 0; off < NETCX_OFFLOAD_MAX; off++)
		for (i = 0; i < NETCX_MAP_ROWS; i++) {
			const struct netcx_feature_map *map =
				&netcx_feature_map[off][i];

			if (!map->feature || !netcx_map_applies(ad, map) ||
			    !(ad->permitted[off] & map->covers))
				continue;
			ad->plan.kinds[off][i].feature = map->feature;
			ad->plan.kinds[off][i].kinds =
				map->covers & ad->permitted[off];
		}
}

/* The TSO size and segment limits of the permitted LSO and USO. */
static void netcx_features_tso(struct netcx_adapter *ad)
{
	const struct netcx_gso_caps *lso = NULL, *uso = NULL;
	struct net_device *dev = ad->dev;

	if (ad->permitted[NETCX_OFFLOAD_LSO])
		lso = &ad->lso;
	if (ad->permitted[NETCX_OFFLOAD_USO])
		uso = &ad->uso;
	if (lso || uso) {
		netif_set_tso_max_size(dev, max(lso ? lso->max_size : 0,
						uso ? uso->max_size : 0));
		netif_set_tso_max_segs(dev, max(lso ? lso->max_segs : 0,
						uso ? uso->max_segs : 0));
	}
}

/*
 * Permitted kinds, the plan's rows and its per-packet rules from the
 * declared capabilities and the keywords: the features they permit.
 */
static netdev_features_t netcx_features_compile(struct netcx_adapter *ad)
{
	netcx_compute_permitted(ad);
	netcx_plan_rows(ad);
	netcx_plan_compile(ad);
	return netcx_permitted_features(ad);
}

/* vlan_features and hw_enc_features from the permitted @features. */
static void netcx_features_inherit(struct netcx_adapter *ad,
				   netdev_features_t features)
{
	struct net_device *dev = ad->dev;

	dev->vlan_features = (dev->vlan_features & ~NETCX_FEATURES) |
			     (features & NETCX_VLAN_FEATURES);
	netcx_tnl_features_commit(ad, features);
}

/**
 * netcx_features_commit() - compute permitted kinds and the plan, set the
 * device's features
 * @ad: the adapter, its capabilities verified.
 *
 * Touches only the %NETCX_FEATURES bits; see "DOC: feature mapping".
 * Every permitted offload starts on.
 */
void netcx_features_commit(struct netcx_adapter *ad)
{
	struct net_device *dev = ad->dev;
	netdev_features_t features = netcx_features_compile(ad);

	dev->hw_features = (dev->hw_features & ~NETCX_FEATURES) | features;
	dev->features = (dev->features & ~NETCX_FEATURES) | features;
	netcx_features_inherit(ad, features);
	netcx_features_tso(ad);
}

/**
 * netcx_permitted() - the packet kinds an offload is permitted
 * @ad: the adapter, committed.
 * @off: the offload.
 *
 * Permitted means declared by the hardware, not switched off by a keyword
 * and with its dependencies permitted (see "DOC: feature mapping"). It is
 * set at netcx_adapter_commit(), and again by netcx_update_keywords().
 *
 * Return: a mask of packet kinds (%NETCX_TCP4, ...); 0 before commit.
 */
u32 netcx_permitted(const struct netcx_adapter *ad, enum netcx_offload off)
{
	if (off >= NETCX_OFFLOAD_MAX)
		return 0;
	return ad->permitted[off];
}
EXPORT_SYMBOL_NS_GPL(netcx_permitted, NETCX_NS);

/**
 * netcx_active() - the packet kinds an offload is active for now
 * @ad: the adapter.
 * @off: the offload.
 *
 * Derived from the device's features: the permitted kinds that the
 * features switched on cover. 0 while paused. Inside a change callback
 * (&netcx_adapter_ops.changed), and only there, the features are those
 * being applied, for every offload, those not yet called back included:
 * the stack commits dev->features only once ndo_set_features returns. When
 * netcx rolls a refused change back, the callbacks it calls again read the
 * features as they were. So a driver whose registers follow netcx's state
 * can give one callback to several offloads and rewrite its registers
 * from netcx_active() there; the receive and transmit paths read
 * dev->features as committed.
 *
 * Context: the caller keeps dev->features stable (RTNL), or accepts a
 * value that is about to change.
 * Return: a mask of packet kinds (%NETCX_TCP4, ...).
 */
u32 netcx_active(const struct netcx_adapter *ad, enum netcx_offload off)
{
	netdev_features_t features;

	if (off >= NETCX_OFFLOAD_MAX)
		return 0;
	if (in_task() && READ_ONCE(ad->applier) == current)
		return netcx_plan_kinds(ad->applying_plan, off, ad->applying);
	features = READ_ONCE(ad->dev->features);
	return netcx_kinds(ad, off, features);
}
EXPORT_SYMBOL_NS_GPL(netcx_active, NETCX_NS);

/**
 * netcx_fix_features() - netcx's part of ndo_fix_features
 * @ad: the adapter.
 * @features: the features the stack proposes.
 *
 * Call from the driver's ndo_fix_features and return the result (after
 * the driver's own constraints, if any). Stateless apart from pause: while
 * paused, every bit of %NETCX_FEATURES is cleared. The dependencies between
 * features that netdev_fix_features() enforces (TSO without SG or checksum,
 * GRO_HW without RXCSUM, GSO_UDP_L4 without checksum) are left to it; the
 * ones it does not know were settled at commit, in hw_features.
 *
 * Context: RTNL held.
 * Return: @features, constrained.
 */
netdev_features_t netcx_fix_features(struct netcx_adapter *ad,
				     netdev_features_t features)
{
	if (ad->paused)
		features &= ~NETCX_FEATURES;
	return features;
}
EXPORT_SYMBOL_NS_GPL(netcx_fix_features, NETCX_NS);

/**
 * netcx_ndo_fix_features() - ndo_fix_features, for drivers to plug in
 * @dev: the device; its adapter is in ``dev->ml_priv``.
 * @features: the features the stack proposes.
 *
 * netcx_fix_features() of the device's adapter, with the signature of
 * &net_device_ops.ndo_fix_features. A driver with fix-ups of its own
 * writes its own ndo_fix_features and calls netcx_fix_features() from it.
 *
 * Context: RTNL held.
 * Return: @features, constrained.
 */
netdev_features_t netcx_ndo_fix_features(struct net_device *dev,
					 netdev_features_t features)
{
	return netcx_fix_features(dev->ml_priv, features);
}
EXPORT_SYMBOL_NS_GPL(netcx_ndo_fix_features, NETCX_NS);

static int netcx_call_changed(struct netcx_adapter *ad,
			      enum netcx_offload off, u32 kinds)
{
	if (!ad->ops || !ad->ops->changed[off])
		return 0;
	return ad->ops->changed[off](ad->dev, kinds);
}

/**
 * netcx_set_features() - netcx's part of ndo_set_features
 * @ad: the adapter.
 * @features: the features about to be set; dev->features still holds the
 *	current ones.
 *
 * Calls &netcx_adapter_ops.changed once for each offload whose active kinds
 * differ between dev->features and @features, in &enum netcx_offload
 * order, with the new kinds. When a callback fails, the offloads already
 * changed are called back again, in reverse order, with their old kinds,
 * and the error is returned: the driver returns it from ndo_set_features
 * and the stack keeps dev->features as they were. netcx_active(), called
 * from a callback, answers @features while changing and the old features
 * while rolling back.
 *
 * Context: RTNL held.
 * Return: 0, or the first callback's error.
 */
int netcx_set_features(struct netcx_adapter *ad, netdev_features_t features)
{
	/* during a keyword update, the current features are the old plan's */
	const struct netcx_plan *was = ad->was_plan ?: &ad->plan;
	netdev_features_t old = ad->dev->features;
	int off, err = 0;

	ASSERT_RTNL();

	ad->told = true;
	/* netcx_active() in a callback: what is being applied */
	ad->applying = features;
	ad->applying_plan = &ad->plan;
	WRITE_ONCE(ad->applier, current);
	for (off = 0; off < NETCX_OFFLOAD_MAX; off++) {
		u32 kinds = netcx_kinds(ad, off, features);

		if (kinds == netcx_plan_kinds(was, off, old))
			continue;
		err = netcx_call_changed(ad, off, kinds);
		if (err)
			break;
	}
	if (err) {
		netdev_err(ad->dev, "netcx: %s change refused (%d), rolling back\n",
			   netcx_offload_name(off), err);
		ad->applying = old;
		ad->applying_plan = was;
		while (--off >= 0) {
			u32 kinds = netcx_plan_kinds(was, off, old);
			int ret;

			if (kinds == netcx_kinds(ad, off, features))
				continue;
			ret = netcx_call_changed(ad, off, kinds);
			if (ret)
				netdev_err(ad->dev, "netcx: %s rollback failed (%d)\n",
					   netcx_offload_name(off), ret);
		}
	}
	WRITE_ONCE(ad->applier, NULL);
	ad->set_err = err;
	return err;
}
EXPORT_SYMBOL_NS_GPL(netcx_set_features, NETCX_NS);

/**
 * netcx_ndo_set_features() - ndo_set_features, for drivers to plug in
 * @dev: the device; its adapter is in ``dev->ml_priv``.
 * @features: the features about to be set.
 *
 * netcx_set_features() of the device's adapter, with the signature of
 * &net_device_ops.ndo_set_features. A driver that programs something on
 * a feature change besides netcx's callbacks (a feature netcx does not
 * own) writes its own ndo_set_features and calls netcx_set_features().
 *
 * Context: RTNL held.
 * Return: 0, or the first change callback's error.
 */
int netcx_ndo_set_features(struct net_device *dev, netdev_features_t features)
{
	return netcx_set_features(dev->ml_priv, features);
}
EXPORT_SYMBOL_NS_GPL(netcx_ndo_set_features, NETCX_NS);

/* Recompute the features with @paused in force; undo it on failure. */
static int netcx_set_paused(struct netcx_adapter *ad, bool paused)
{
	struct net_device *dev = ad->dev;

	ASSERT_RTNL();

	if (!ad->committed || dev->reg_state != NETREG_REGISTERED) {
		netdev_warn(dev, "netcx: %s before commit and registration\n",
			    paused ? "pause" : "resume");
		return -EINVAL;
	}
	if (ad->paused == paused)
		return 0;
	ad->paused = paused;
	ad->set_err = 0;
	netdev_update_features(dev);
	if (ad->set_err) {
		ad->paused = !paused;
		return ad->set_err;
	}
	return 0;
}

/**
 * netcx_pause() - switch every offload off until netcx_resume()
 * @ad: the adapter, committed, its device registered.
 *
 * The stack then sees none of netcx's features, and each active offload's
 * callback is told 0. What the user asks for meanwhile (``ethtool -K``) is
 * kept in wanted_features and applied at resume. Pausing twice is a no-op.
 *
 * Context: RTNL held.
 * Return: 0; -EINVAL before commit or registration; a callback's error
 * (the offloads then stay as they were, and not paused).
 */
int netcx_pause(struct netcx_adapter *ad)
{
	return netcx_set_paused(ad, true);
}
EXPORT_SYMBOL_NS_GPL(netcx_pause, NETCX_NS);

/**
 * netcx_resume() - switch back on what the user wants
 * @ad: the adapter, paused.
 *
 * Restores the features the user wants (wanted_features), calling back
 * each offload that comes back on. Resuming when not paused is a no-op.
 *
 * Context: RTNL held.
 * Return: 0; -EINVAL before commit or registration; a callback's error
 * (the offloads then stay off, and paused).
 */
int netcx_resume(struct netcx_adapter *ad)
{
	return netcx_set_paused(ad, false);
}
EXPORT_SYMBOL_NS_GPL(netcx_resume, NETCX_NS);

/**
 * DOC: keywords after commit
 *
 * netcx_update_keywords() replaces an adapter's keywords after commit,
 * for devlink's driverinit "keywords" parameter at ``devlink dev reload``
 * ("DOC: per-device keywords (devlink)"). It recomputes what a fresh
 * commit would: the permitted kinds, the plan (rows and per-packet rules),
 * the %NETCX_FEATURES bits of hw_features and vlan_features, and the TSO
 * limits. Offloads the new keywords permit that the old ones did not come
 * on, as on a new device; offloads they forbid go off and leave
 * hw_features (``ethtool -k`` shows them ``[fixed]``); the others keep
 * what the user chose (wanted_features). The stack applies that through
 * netdev_update_features(), so the change callbacks are told as for
 * ``ethtool -K``, each offload whose active kinds change, with the same
 * rollback when one refuses; when no feature bit changes but kinds do
 * (say TCP6 of a generic checksum), netcx tells the callbacks itself, the
 * same way. A refusal restores everything: keywords, plan, permitted
 * kinds, hw_features, wanted_features; the error is returned.
 *
 * The plan is read per packet without a lock (transmit, receive, and
 * netcx_active()), so it may change only while nothing reads it: the
 * device must be down (not netif_running(): never opened, or closed), or
 * detached (netif_device_detach(), what a driver does in devlink's
 * reload_down) with its rings stopped, NAPI and transmit, and its queues
 * kept stopped until the call returns. A running device still present is
 * refused (-EBUSY). For a running detached device netcx waits, with
 * synchronize_net(), for the transmit calls and NAPI polls that started
 * before the detach. A packet ndo_features_check() let through under the
 * old keywords and the qdisc requeued meanwhile is decided again by
 * netcx_tx_prepare() under the new ones, which never asks the hardware
 * for what is not permitted and active: what it may no longer do is done
 * in software.
 *
 * The gso_max_size and gso_max_segs the stack uses are lowered with the
 * TSO limits but never raised again (the user may, with ``ip link set``).
 */

/* What netcx_update_keywords() restores when a change callback refuses. */
struct netcx_kw_undo {
	struct netcx_plan plan;
	u32 kw_off[NETCX_OFFLOAD_MAX];
	u32 permitted[NETCX_OFFLOAD_MAX];
	netdev_features_t hw_features;
	netdev_features_t wanted_features;
};

/* netcx_update_keywords() on a registered device: see the DOC above. */
static int netcx_update_registered(struct netcx_adapter *ad,
				   const u32 *kw_off,
				   struct netlink_ext_ack *extack)
{
	struct net_device *dev = ad->dev;
	netdev_features_t was, now, vlan;
	struct netcx_kw_undo *undo;
	int err;

	if (netif_running(dev) && netif_device_present(dev)) {
		NL_SET_ERR_MSG_MOD(extack,
				   "keywords change refused: device running; detach it first");
		netdev_err(dev, "netcx: keywords change refused: device running and not detached\n");
		return -EBUSY;
	}
	undo = kmalloc(sizeof(*undo), GFP_KERNEL);
	if (!undo)
		return -ENOMEM;
	/* transmit calls and NAPI polls that began before the detach */
	if (netif_running(dev))
		synchronize_net();

	undo->plan = ad->plan;
	memcpy(undo->kw_off, ad->kw_off, sizeof(undo->kw_off));
	memcpy(undo->permitted, ad->permitted, sizeof(undo->permitted));
	undo->hw_features = dev->hw_features;
	undo->wanted_features = dev->wanted_features;
	vlan = dev->vlan_features;

	was = netcx_permitted_features(ad);
	memcpy(ad->kw_off, kw_off, sizeof(ad->kw_off));
	now = netcx_features_compile(ad);

	/*
	 * Forbidden bits stay in hw_features for the update, out of
	 * wanted_features, so that the stack switches them off; newly
	 * permitted ones are wanted, as on a new device.
	 */
	dev->hw_features = (dev->hw_features & ~NETCX_FEATURES) | was | now;
	dev->wanted_features = (dev->wanted_features & ~NETCX_FEATURES) |
			       (dev->wanted_features & was & now) |
			       (now & ~was);
	ad->was_plan = &undo->plan;
	ad->told = false;
	ad->set_err = 0;
	netdev_update_features(dev);
	err = ad->set_err;
	/* no feature bit changed, but kinds may have */
	if (!err && !ad->told)
		err = netcx_set_features(ad, dev->features);
	ad->was_plan = NULL;

	if (err) {
		ad->plan = undo->plan;
		memcpy(ad->kw_off, undo->kw_off, sizeof(ad->kw_off));
		memcpy(ad->permitted, undo->permitted, sizeof(ad->permitted));
		dev->hw_features = undo->hw_features;
		dev->wanted_features = undo->wanted_features;
		kfree(undo);
		NL_SET_ERR_MSG_MOD(extack,
				   "keywords change refused by the driver, nothing changed");
		netdev_err(dev, "netcx: keywords change refused by the driver (%d), nothing changed\n",
			   err);
		return err;
	}
	kfree(undo);

	dev->hw_features = (dev->hw_features & ~NETCX_FEATURES) | now;
	dev->wanted_features &= ~(NETCX_FEATURES & ~now);
	netcx_features_inherit(ad, now);
	netcx_features_tso(ad);
	if (was != now || vlan != dev->vlan_features)
		netdev_features_change(dev);
	return 0;
}

/**
 * netcx_update_keywords() - replace the keywords, after commit too
 * @ad: the adapter.
 * @keywords: "name=value,name=value" ("DOC: keywords"), or NULL or "" for
 *	none. Replaces the previous keywords, whatever they were.
 * @extack: the request's extack, or NULL.
 *
 * Before commit, netcx_set_keywords() with an extack. After commit,
 * recomputes permitted kinds, hw_features, features, vlan_features, the
 * TSO limits and the per-packet plan as a fresh commit would: offloads
 * newly permitted come on, offloads now forbidden go off and show
 * ``[fixed]``, the change callbacks are told through
 * netdev_update_features(), with its rollback ("DOC: keywords after
 * commit"). On a committed device not yet registered, the features are
 * set as at commit and nobody is called back.
 *
 * Context: process context, may sleep. After commit: RTNL held, and the
 * device down, or detached (netif_device_detach()) with its transmit and
 * receive paths stopped: the per-packet plan changes under no lock.
 * Return: 0; -EINVAL for a bad token (the extack and the kernel log name
 * it), nothing applied; -EBUSY while the device runs and is present, or
 * before commit after registration; -ENODEV while it unregisters;
 * -ENOMEM; a change callback's error (nothing changed).
 */
int netcx_update_keywords(struct netcx_adapter *ad, const char *keywords,
			  struct netlink_ext_ack *extack)
{
	struct net_device *dev = ad->dev;
	u32 kw_off[NETCX_OFFLOAD_MAX];
	struct netcx_kw_error kerr;
	netdev_features_t now;

	if (netcx_keywords_parse(keywords ?: "", kw_off, &kerr)) {
		netcx_keywords_refused(&kerr, dev, NULL, extack);
		return -EINVAL;
	}
	if (!ad->committed) {
		if (netcx_adapter_may_change(ad, "keywords")) {
			NL_SET_ERR_MSG_MOD(extack,
					   "keywords refused: device registered before commit");
			return -EBUSY;
		}
		memcpy(ad->kw_off, kw_off, sizeof(kw_off));
		ad->tnl.kw_vxlan_port = netcx_keywords_vxlan_port(keywords ?: "");
		return 0;
	}
	ASSERT_RTNL();

	switch (dev->reg_state) {
	case NETREG_UNINITIALIZED:
		memcpy(ad->kw_off, kw_off, sizeof(kw_off));
		now = netcx_features_compile(ad);
		dev->hw_features = (dev->hw_features & ~NETCX_FEATURES) | now;
		dev->features = (dev->features & ~NETCX_FEATURES) | now;
		netcx_features_inherit(ad, now);
		netcx_features_tso(ad);
		return 0;
	case NETREG_REGISTERED:
		return netcx_update_registered(ad, kw_off, extack);
	default:
		NL_SET_ERR_MSG_MOD(extack, "keywords refused: device unregistering");
		return -ENODEV;
	}
}
EXPORT_SYMBOL_NS_GPL(netcx_update_keywords, NETCX_NS);
