// SPDX-License-Identifier: GPL-2.0
/*
 * The netdev family's queue statistics (netdev_stat_ops, read with the
 * kernel's ynl tool): netcx's counters under the standard names, for the
 * whole device. On kernels without them (before 6.10: src/compat/), there
 * is nothing to fill and no stat_ops is set.
 */
#include <linux/export.h>
#include <linux/netdevice.h>

#include <compat/compat.h>
#include <netcx/netcx.h>

#include "core.h"
#include "counters.h"

#ifdef NETCX_HAVE_QSTATS
#include <net/netdev_queues.h>

/**
 * netcx_qstats_base() - netcx's counters as device-wide queue statistics
 * @ad: the adapter.
 * @rx: the receive statistics the kernel asks for; netcx sets the
 *	checksum results: ``csum-unnecessary`` (a valid checksum),
 *	``csum-bad`` (a wrong one), ``csum-none`` (none checked, or the
 *	result ignored because the offload is off for the packet's kind),
 *	and ``hw-gro-packets``, ``hw-gro-bytes``, ``hw-gro-wire-packets``
 *	(the frames handed over as coalesced by netcx_rx_rsc(), their bytes
 *	and the segments they were coalesced from).
 * @tx: the transmit statistics; netcx sets ``needs-csum`` (packets and
 *	hardware GSO segments whose checksum the hardware computes, the
 *	inner one of an encapsulated packet included),
 *	``hw-gso-packets`` and ``hw-gso-wire-packets`` (GSO skbs the
 *	hardware segments, and their segments, tunnel segmentation
 *	included: the kernel defines them per packet, not per kind).
 *
 * For a driver whose own &struct netdev_stat_ops reports per queue: call
 * it from its get_base_stats. A driver without stat_ops gets netcx's own
 * at netcx_adapter_create(), which adds the device's packets and bytes
 * from dev_get_stats(). The other fields are left as they are (not
 * reported). ``ethtool -S`` keeps the full per-reason set.
 *
 * Context: RTNL held, as for the netdev_stat_ops callbacks.
 */
void netcx_qstats_base(struct netcx_adapter *ad,
		       struct netdev_queue_stats_rx *rx,
		       struct netdev_queue_stats_tx *tx)
{
	u64 t[NETCX_TX_STATS], w[NETCX_WHY_MAX], r[NETCX_RX_STATS];

	netcx_stats_sum(ad, t, w, r);
	rx->csum_unnecessary = r[NETCX_RX_VALID];
	rx->csum_bad = r[NETCX_RX_INVALID];
	rx->csum_none = r[NETCX_RX_NOT_CHECKED] + r[NETCX_RX_INACTIVE];
	rx->hw_gro_packets = r[NETCX_RX_RSC_PACKETS];
	rx->hw_gro_bytes = r[NETCX_RX_RSC_BYTES];
	rx->hw_gro_wire_packets = r[NETCX_RX_RSC_SEGMENTS];
	tx->needs_csum = t[NETCX_TX_CSUM_HW] + t[NETCX_TX_LSO_HW_SEGS] +
			 t[NETCX_TX_USO_HW_SEGS] + t[NETCX_TX_TNL_CSUM_HW] +
			 t[NETCX_TX_TNL_GSO_HW_SEGS];
	tx->hw_gso_packets = t[NETCX_TX_LSO_HW] + t[NETCX_TX_USO_HW] +
			     t[NETCX_TX_TNL_GSO_HW];
	tx->hw_gso_wire_packets = t[NETCX_TX_LSO_HW_SEGS] +
				  t[NETCX_TX_USO_HW_SEGS] +
				  t[NETCX_TX_TNL_GSO_HW_SEGS];
}
EXPORT_SYMBOL_NS_GPL(netcx_qstats_base, NETCX_NS);

static void netcx_get_base_stats(struct net_device *dev,
				 struct netdev_queue_stats_rx *rx,
				 struct netdev_queue_stats_tx *tx)
{
	struct rtnl_link_stats64 st;

	dev_get_stats(dev, &st);
	rx->packets = st.rx_packets;
	rx->bytes = st.rx_bytes;
	tx->packets = st.tx_packets;
	tx->bytes = st.tx_bytes;
	netcx_qstats_base(dev->ml_priv, rx, tx);
}

static const struct netdev_stat_ops netcx_stat_ops = {
	.get_base_stats = netcx_get_base_stats,
};

/**
 * netcx_qstats_attach() - give @ad's device netcx's queue statistics
 * @ad: the adapter being created.
 *
 * Unless the driver set a &struct netdev_stat_ops of its own already.
 */
void netcx_qstats_attach(struct netcx_adapter *ad)
{
	if (!ad->dev->stat_ops)
		ad->dev->stat_ops = &netcx_stat_ops;
}

/**
 * netcx_qstats_detach() - take netcx's queue statistics off @ad's device
 * @ad: the adapter being destroyed.
 */
void netcx_qstats_detach(struct netcx_adapter *ad)
{
	if (ad->dev->stat_ops == &netcx_stat_ops)
		ad->dev->stat_ops = NULL;
}

#endif /* NETCX_HAVE_QSTATS */
