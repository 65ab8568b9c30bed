// SPDX-License-Identifier: GPL-2.0
/*
 * The netcx adapter: create and destroy it, take the hardware capabilities
 * one offload at a time, and commit them before the net_device registers.
 */
#include <linux/err.h>
#include <linux/export.h>
#include <linux/netdevice.h>
#include <linux/slab.h>

#include <netcx/netcx.h>

#include "core.h"
#include "counters.h"

/*
 * Capabilities and keywords are fixed once the adapter is committed or the
 * device registered: the stack already read them. A driver that changes
 * them later gets -EBUSY and a warning (not WARN(): it is the driver's
 * bug, and a recoverable one).
 */
int netcx_adapter_may_change(const struct netcx_adapter *ad, const char *what)
{
	if (ad->committed || ad->dev->reg_state != NETREG_UNINITIALIZED) {
		netdev_warn(ad->dev, "netcx: %s refused after %s\n", what,
			    ad->committed ? "commit" : "registration");
		return -EBUSY;
	}
	return 0;
}

/**
 * DOC: the adapter in ml_priv
 *
 * netcx is a mid-layer between the stack and the driver, so it keeps its
 * adapter where the kernel keeps a mid-layer's data: ``dev->ml_priv``,
 * set by netcx_adapter_create() and cleared by netcx_adapter_destroy().
 * That lets the driver plug netcx_ndo_features_check(),
 * netcx_ndo_fix_features() and netcx_ndo_set_features() into its
 * &struct net_device_ops directly, with no wrapper to find the adapter
 * from the device; per packet it costs one load of ``dev->ml_priv``.
 * netdev_set_ml_priv() does not fit (6.1 to 6.12): its types are
 * %ML_PRIV_NONE and %ML_PRIV_CAN only, and clearing a pointer of type
 * %ML_PRIV_NONE warns; so netcx writes the field itself, with
 * ``ml_priv_type`` left %ML_PRIV_NONE, and refuses a device whose
 * ml_priv is taken. A driver that uses ml_priv itself keeps its adapter
 * pointer and calls the adapter-taking functions.
 */

/**
 * netcx_adapter_create() - create the netcx adapter of a net_device
 * @dev: the device, allocated and not yet registered.
 * @ops: the driver's change callbacks, or NULL; must outlive the adapter.
 *
 * The adapter starts with no capabilities. The driver declares them with
 * the netcx_set_*_caps() functions, optionally applies keywords with
 * netcx_set_keywords(), then calls netcx_adapter_commit() before
 * register_netdev(). The adapter is kept in ``dev->ml_priv`` until
 * netcx_adapter_destroy() ("DOC: the adapter in ml_priv").
 *
 * Context: process context; may sleep.
 * Return: the adapter, or ERR_PTR(-ENOMEM), or ERR_PTR(-EBUSY) when @dev is
 * already registered or its ml_priv is taken.
 */
struct netcx_adapter *netcx_adapter_create(struct net_device *dev,
					   const struct netcx_adapter_ops *ops)
{
	struct netcx_adapter *ad;

	if (dev->reg_state != NETREG_UNINITIALIZED) {
		netdev_warn(dev, "netcx: adapter created after registration\n");
		return ERR_PTR(-EBUSY);
	}
	if (dev->ml_priv || dev->ml_priv_type != ML_PRIV_NONE) {
		netdev_warn(dev, "netcx: adapter refused: ml_priv already taken\n");
		return ERR_PTR(-EBUSY);
	}
	ad = kzalloc(sizeof(*ad), GFP_KERNEL);
	if (!ad)
		return ERR_PTR(-ENOMEM);
	if (netcx_stats_init(ad)) {
		kfree(ad);
		return ERR_PTR(-ENOMEM);
	}
	ad->dev = dev;
	ad->ops = ops;
	dev->ml_priv = ad;
	netcx_qstats_attach(ad);
	return ad;
}
EXPORT_SYMBOL_NS_GPL(netcx_adapter_create, NETCX_NS);

/**
 * netcx_adapter_destroy() - free a netcx adapter
 * @ad: the adapter, or NULL.
 *
 * Call after unregister_netdev(), or on the probe error path before
 * register_netdev(); the net_device itself stays the driver's to free.
 * Clears ``dev->ml_priv``.
 */
void netcx_adapter_destroy(struct netcx_adapter *ad)
{
	if (!ad)
		return;
	if (ad->dev->ml_priv == ad)
		ad->dev->ml_priv = NULL;
	netcx_tnl_destroy(ad);
	netcx_qstats_detach(ad);
	netcx_stats_uninit(ad);
	kfree(ad);
}
EXPORT_SYMBOL_NS_GPL(netcx_adapter_destroy, NETCX_NS);

/**
 * netcx_adapter_netdev() - the net_device of an adapter
 * @ad: the adapter.
 *
 * Return: the device @ad was created for.
 */
struct net_device *netcx_adapter_netdev(const struct netcx_adapter *ad)
{
	return ad->dev;
}
EXPORT_SYMBOL_NS_GPL(netcx_adapter_netdev, NETCX_NS);

/* 0 when @ad may take capabilities for @off that broke no rule (@why). */
static int netcx_adapter_declare(struct netcx_adapter *ad,
				 enum netcx_offload off, const char *why)
{
	int err;

	err = netcx_adapter_may_change(ad, "capabilities");
	if (err)
		return err;
	if (why) {
		netdev_err(ad->dev, "netcx: %s capabilities rejected: %s\n",
			   netcx_offload_name(off), why);
		return -EINVAL;
	}
	ad->declared |= BIT(off);
	return 0;
}

/**
 * netcx_set_tx_csum_caps() - declare the transmit checksum capabilities
 * @ad: the adapter, not yet committed.
 * @caps: the capabilities; copied.
 *
 * A second call replaces the first. See "DOC: verifier rules" for what is
 * refused.
 *
 * Return: 0; -EINVAL when @caps break a rule (logged with netdev_err());
 * -EBUSY after commit or registration.
 */
int netcx_set_tx_csum_caps(struct netcx_adapter *ad,
			   const struct netcx_tx_csum_caps *caps)
{
	int err;

	err = netcx_adapter_declare(ad, NETCX_OFFLOAD_TX_CSUM,
				    netcx_check_tx_csum(caps));
	if (!err)
		ad->tx_csum = *caps;
	return err;
}
EXPORT_SYMBOL_NS_GPL(netcx_set_tx_csum_caps, NETCX_NS);

/**
 * netcx_set_rx_csum_caps() - declare the receive checksum capabilities
 * @ad: the adapter, not yet committed.
 * @caps: the capabilities; copied.
 *
 * A second call replaces the first.
 *
 * Return: 0; -EINVAL when @caps break a rule; -EBUSY after commit or
 * registration.
 */
int netcx_set_rx_csum_caps(struct netcx_adapter *ad,
			   const struct netcx_rx_csum_caps *caps)
{
	int err;

	err = netcx_adapter_declare(ad, NETCX_OFFLOAD_RX_CSUM,
				    netcx_check_rx_csum(caps));
	if (!err)
		ad->rx_csum = *caps;
	return err;
}
EXPORT_SYMBOL_NS_GPL(netcx_set_rx_csum_caps, NETCX_NS);

static void netcx_gso_store(struct netcx_gso_caps *dst,
			    const struct netcx_gso_caps *caps)
{
	*dst = *caps;
	dst->max_segs = netcx_gso_max_segs(caps);
}

/**
 * netcx_set_lso_caps() - declare the TCP segmentation capabilities
 * @ad: the adapter, not yet committed.
 * @caps: the capabilities; copied, with @caps->max_segs 0 read as
 *	%GSO_MAX_SEGS.
 *
 * A second call replaces the first. LSO also needs %NETIF_F_SG in the
 * device's hw_features and the TX checksum of TCP for each IP version, which
 * netcx_adapter_commit() checks.
 *
 * Return: 0; -EINVAL when @caps break a rule; -EBUSY after commit or
 * registration.
 */
int netcx_set_lso_caps(struct netcx_adapter *ad,
		       const struct netcx_gso_caps *caps)
{
	int err;

	err = netcx_adapter_declare(ad, NETCX_OFFLOAD_LSO,
				    netcx_check_lso(caps));
	if (!err)
		netcx_gso_store(&ad->lso, caps);
	return err;
}
EXPORT_SYMBOL_NS_GPL(netcx_set_lso_caps, NETCX_NS);

/**
 * netcx_set_uso_caps() - declare the UDP segmentation capabilities
 * @ad: the adapter, not yet committed.
 * @caps: the capabilities; copied, with @caps->max_segs 0 read as
 *	%GSO_MAX_SEGS.
 *
 * A second call replaces the first. USO also needs a UDP TX checksum,
 * which netcx_adapter_commit() checks.
 *
 * Return: 0; -EINVAL when @caps break a rule; -EBUSY after commit or
 * registration.
 */
int netcx_set_uso_caps(struct netcx_adapter *ad,
		       const struct netcx_gso_caps *caps)
{
	int err;

	err = netcx_adapter_declare(ad, NETCX_OFFLOAD_USO,
				    netcx_check_uso(caps));
	if (!err)
		netcx_gso_store(&ad->uso, caps);
	return err;
}
EXPORT_SYMBOL_NS_GPL(netcx_set_uso_caps, NETCX_NS);

/**
 * netcx_set_rsc_caps() - declare the receive segment coalescing capabilities
 * @ad: the adapter, not yet committed.
 * @caps: the capabilities; copied.
 *
 * A second call replaces the first. RSC also needs the RX checksum of TCP
 * for each IP version, which netcx_adapter_commit() checks.
 *
 * Return: 0; -EINVAL when @caps break a rule; -EBUSY after commit or
 * registration.
 */
int netcx_set_rsc_caps(struct netcx_adapter *ad,
		       const struct netcx_rsc_caps *caps)
{
	int err;

	err = netcx_adapter_declare(ad, NETCX_OFFLOAD_RSC,
				    netcx_check_rsc(caps));
	if (!err)
		ad->rsc = *caps;
	return err;
}
EXPORT_SYMBOL_NS_GPL(netcx_set_rsc_caps, NETCX_NS);

/**
 * netcx_set_ieee8021q_caps() - declare the 802.1Q tagging capabilities
 * @ad: the adapter, not yet committed.
 * @caps: the capabilities; copied. They declare both tag insertion
 *	(%NETCX_OFFLOAD_VLAN_TX) and tag stripping (%NETCX_OFFLOAD_VLAN_RX).
 *
 * A second call replaces the first.
 *
 * Return: 0; -EINVAL when @caps break a rule; -EBUSY after commit or
 * registration.
 */
int netcx_set_ieee8021q_caps(struct netcx_adapter *ad,
			     const struct netcx_ieee8021q_caps *caps)
{
	int err;

	err = netcx_adapter_declare(ad, NETCX_OFFLOAD_VLAN_TX,
				    netcx_check_ieee8021q(caps));
	if (!err) {
		ad->declared |= BIT(NETCX_OFFLOAD_VLAN_RX);
		ad->tag = *caps;
	}
	return err;
}
EXPORT_SYMBOL_NS_GPL(netcx_set_ieee8021q_caps, NETCX_NS);

/**
 * netcx_set_tunnel_caps() - declare the encapsulated offload capabilities
 * @ad: the adapter, not yet committed.
 * @caps: the capabilities; copied. They declare the inner checksum
 *	(%NETCX_OFFLOAD_TNL_CSUM) and, with @caps->gso_l4, tunnel
 *	segmentation (%NETCX_OFFLOAD_TNL_GSO).
 *
 * A second call replaces the first. Tunnel offloads also need the TX
 * checksum, and LSO or USO for what they segment, which
 * netcx_adapter_commit() checks. See "DOC: tunnel rules" for what is
 * refused, "DOC: UDP tunnel ports" for the port tables.
 *
 * Return: 0; -EINVAL when @caps break a rule; -EBUSY after commit or
 * registration.
 */
int netcx_set_tunnel_caps(struct netcx_adapter *ad,
			  const struct netcx_tunnel_caps *caps)
{
	int err;

	err = netcx_adapter_declare(ad, NETCX_OFFLOAD_TNL_CSUM,
				    netcx_check_tunnel(caps));
	if (err)
		return err;
	ad->tnl.caps = *caps;
	if (caps->gso_l4)
		ad->declared |= BIT(NETCX_OFFLOAD_TNL_GSO);
	else
		ad->declared &= ~BIT(NETCX_OFFLOAD_TNL_GSO);
	return 0;
}
EXPORT_SYMBOL_NS_GPL(netcx_set_tunnel_caps, NETCX_NS);

/**
 * netcx_adapter_commit() - fix the capabilities and set the device's features
 * @ad: the adapter.
 *
 * Checks the rules that span offloads, computes what each offload is
 * permitted to do (capabilities filtered by keywords and by dependencies),
 * and sets the netcx-owned bits (%NETCX_FEATURES) of the device's
 * hw_features, features, vlan_features and hw_enc_features, and its TSO
 * size and segment limits. Every permitted offload starts enabled. Call it
 * once, after the netcx_set_*_caps() and netcx_set_keywords() calls and
 * after setting the driver's own hw_features (%NETIF_F_SG), before
 * register_netdev().
 *
 * Return: 0; -EINVAL when the capabilities break a rule (logged with
 * netdev_err(); the adapter may be given new capabilities and committed
 * again); -EBUSY when already committed or after registration.
 */
int netcx_adapter_commit(struct netcx_adapter *ad)
{
	const char *why;
	int err;

	err = netcx_adapter_may_change(ad, "commit");
	if (err)
		return err;
	why = netcx_check_adapter(ad);
	if (why) {
		netdev_err(ad->dev, "netcx: capabilities rejected: %s\n", why);
		return -EINVAL;
	}
	netcx_features_commit(ad);
	netcx_tnl_ports_commit(ad);
	ad->committed = true;
	return 0;
}
EXPORT_SYMBOL_NS_GPL(netcx_adapter_commit, NETCX_NS);

/**
 * netcx_gso_limits() - the declared limits of a segmentation offload
 * @ad: the adapter.
 * @off: %NETCX_OFFLOAD_LSO or %NETCX_OFFLOAD_USO.
 *
 * What the per-packet code enforces and %NETIF_F bits cannot say: flags,
 * header offset limit, maximum size, and the minimum and maximum segment
 * counts (max_segs never 0 here). Whether the offload is permitted at all
 * is netcx_permitted()'s answer.
 *
 * Return: the capabilities as declared, or NULL when @off is another
 * offload or the hardware declared none for it.
 */
const struct netcx_gso_caps *netcx_gso_limits(const struct netcx_adapter *ad,
					      enum netcx_offload off)
{
	if (off != NETCX_OFFLOAD_LSO && off != NETCX_OFFLOAD_USO)
		return NULL;
	if (!(ad->declared & BIT(off)))
		return NULL;
	return off == NETCX_OFFLOAD_LSO ? &ad->lso : &ad->uso;
}
EXPORT_SYMBOL_NS_GPL(netcx_gso_limits, NETCX_NS);
