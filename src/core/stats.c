// SPDX-License-Identifier: GPL-2.0
/*
 * The per-packet counters: per CPU, u64_stats_sync, and handed to the
 * driver as ready-made ethtool -S strings and values.
 */
#include <linux/build_bug.h>
#include <linux/ethtool.h>
#include <linux/export.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/u64_stats_sync.h>

#include <compat/compat.h>
#include <netcx/netcx.h>

#include "core.h"
#include "counters.h"

static const char netcx_tx_names[NETCX_TX_STATS][ETH_GSTRING_LEN] = {
	[NETCX_TX_CSUM_HW]	= "tx_csum_hw",
	[NETCX_TX_CSUM_SW]	= "tx_csum_sw",
	[NETCX_TX_LSO_HW]	= "tx_lso_hw",
	[NETCX_TX_LSO_SW]	= "tx_lso_sw",
	[NETCX_TX_USO_HW]	= "tx_uso_hw",
	[NETCX_TX_USO_SW]	= "tx_uso_sw",
	[NETCX_TX_VLAN_HW]	= "tx_vlan_hw",
	[NETCX_TX_VLAN_SW]	= "tx_vlan_sw",
	[NETCX_TX_DROPPED]	= "tx_offload_dropped",
	[NETCX_TX_LSO_HW_SEGS]	= "tx_lso_hw_segs",
	[NETCX_TX_USO_HW_SEGS]	= "tx_uso_hw_segs",
	[NETCX_TX_TNL_CSUM_HW]	= "tx_tnl_csum_hw",
	[NETCX_TX_TNL_CSUM_SW]	= "tx_tnl_csum_sw",
	[NETCX_TX_TNL_GSO_HW]	= "tx_tnl_gso_hw",
	[NETCX_TX_TNL_GSO_SW]	= "tx_tnl_gso_sw",
	[NETCX_TX_TNL_GSO_HW_SEGS] = "tx_tnl_gso_hw_segs",
};

static const char netcx_why_names[NETCX_WHY_MAX][ETH_GSTRING_LEN] = {
	[NETCX_WHY_IPV4_OPTIONS]	= "tx_fallback_ipv4_options",
	[NETCX_WHY_IPV6_EXTHDR]		= "tx_fallback_ipv6_exthdr",
	[NETCX_WHY_TCP_OPTIONS]		= "tx_fallback_tcp_options",
	[NETCX_WHY_L3_OFFSET]		= "tx_fallback_l3_offset",
	[NETCX_WHY_L4_OFFSET]		= "tx_fallback_l4_offset",
	[NETCX_WHY_TOO_FEW_SEGS]	= "tx_fallback_too_few_segs",
	[NETCX_WHY_TOO_LARGE]		= "tx_fallback_too_large",
	[NETCX_WHY_TOO_MANY_SEGS]	= "tx_fallback_too_many_segs",
	[NETCX_WHY_UNKNOWN_L4]		= "tx_fallback_unknown_l4",
	[NETCX_WHY_MULTI_TAG]		= "tx_fallback_multi_tag",
	[NETCX_WHY_UNSUPPORTED]		= "tx_fallback_unsupported",
	[NETCX_WHY_KIND_DISABLED]	= "tx_fallback_kind_disabled",
	[NETCX_WHY_INACTIVE]		= "tx_fallback_inactive",
	[NETCX_WHY_MALFORMED]		= "tx_fallback_malformed",
	[NETCX_WHY_UNKNOWN_PORT]	= "tx_fallback_unknown_port",
	[NETCX_WHY_UNKNOWN_TUNNEL]	= "tx_fallback_unknown_tunnel",
	[NETCX_WHY_OUTER_OPTIONS]	= "tx_fallback_outer_options",
	[NETCX_WHY_INNER_OPTIONS]	= "tx_fallback_inner_options",
	[NETCX_WHY_INNER_OFFSET]	= "tx_fallback_inner_offset",
};

static const char netcx_rx_names[NETCX_RX_STATS][ETH_GSTRING_LEN] = {
	[NETCX_RX_VALID]	= "rx_csum_valid",
	[NETCX_RX_INVALID]	= "rx_csum_invalid",
	[NETCX_RX_NOT_CHECKED]	= "rx_csum_not_checked",
	[NETCX_RX_INACTIVE]	= "rx_csum_inactive",
	[NETCX_RX_COMPLETE]	= "rx_csum_complete",
	[NETCX_RX_INNER_VALID]	= "rx_csum_inner_valid",
	[NETCX_RX_VLAN_HW]	= "rx_vlan_hw",
	[NETCX_RX_VLAN_SW]	= "rx_vlan_sw",
	[NETCX_RX_RSC_PACKETS]	= "rx_rsc_packets",
	[NETCX_RX_RSC_SEGMENTS]	= "rx_rsc_segments",
	[NETCX_RX_RSC_BYTES]	= "rx_rsc_bytes",
	[NETCX_RX_RSC_INACTIVE]	= "rx_rsc_refused_inactive",
	[NETCX_RX_RSC_SHAPE]	= "rx_rsc_refused_shape",
	[NETCX_RX_RSC_CSUM]	= "rx_rsc_refused_csum",
	[NETCX_RX_RSC_MALFORMED] = "rx_rsc_refused_malformed",
	[NETCX_RX_RSC_NOMEM]	= "rx_rsc_refused_nomem",
};

/* Reported in this order: TX, the reasons but NONE, RX. */
#define NETCX_STATS_COUNT	(NETCX_TX_STATS + NETCX_WHY_MAX - 1 + \
				 NETCX_RX_STATS)

/**
 * netcx_stats_init() - allocate an adapter's counters
 * @ad: the adapter being created.
 *
 * Return: 0 or -ENOMEM.
 */
int netcx_stats_init(struct netcx_adapter *ad)
{
	int cpu;

	ad->stats = alloc_percpu(struct netcx_pcpu_stats);
	if (!ad->stats)
		return -ENOMEM;
	for_each_possible_cpu(cpu) {
		struct netcx_pcpu_stats *s = per_cpu_ptr(ad->stats, cpu);

		u64_stats_init(&s->tx_syncp);
		u64_stats_init(&s->rx_syncp);
	}
	return 0;
}

/**
 * netcx_footprint() - the memory netcx keeps per adapter
 * @fp: filled with the sizes of this build's structures and allocations
 *	(&struct netcx_footprint).
 *
 * What netcx_adapter_create() allocates, the per-CPU counters for every
 * possible CPU included; the driver's own memory is not counted.
 */
void netcx_footprint(struct netcx_footprint *fp)
{
	fp->adapter = sizeof(struct netcx_adapter);
	fp->adapter_slab = kmalloc_size_roundup(fp->adapter);
	fp->pcpu_stats = sizeof(struct netcx_pcpu_stats);
	fp->percpu = nr_cpu_ids * fp->pcpu_stats;
}
EXPORT_SYMBOL_NS_GPL(netcx_footprint, NETCX_NS);

/**
 * netcx_stats_uninit() - free an adapter's counters
 * @ad: the adapter being destroyed.
 */
void netcx_stats_uninit(struct netcx_adapter *ad)
{
	free_percpu(ad->stats);
	ad->stats = NULL;
}

/**
 * netcx_count_rx() - count a receive event on this CPU
 * @ad: the adapter.
 * @stat: the counter.
 *
 * Context: the receive path (NAPI), BH disabled.
 */
void netcx_count_rx(struct netcx_adapter *ad, enum netcx_rx_stat stat)
{
	struct netcx_pcpu_stats *s = this_cpu_ptr(ad->stats);

	u64_stats_update_begin(&s->rx_syncp);
	u64_stats_inc(&s->rx[stat]);
	u64_stats_update_end(&s->rx_syncp);
}

/**
 * netcx_count_rx_rsc() - count a coalesced frame on this CPU
 * @ad: the adapter.
 * @segs: the TCP segments it was coalesced from.
 * @bytes: its length, from the Ethernet header on.
 *
 * Context: the receive path (NAPI), BH disabled.
 */
void netcx_count_rx_rsc(struct netcx_adapter *ad, u32 segs, u32 bytes)
{
	struct netcx_pcpu_stats *s = this_cpu_ptr(ad->stats);

	u64_stats_update_begin(&s->rx_syncp);
	u64_stats_inc(&s->rx[NETCX_RX_RSC_PACKETS]);
	u64_stats_add(&s->rx[NETCX_RX_RSC_SEGMENTS], segs);
	u64_stats_add(&s->rx[NETCX_RX_RSC_BYTES], bytes);
	u64_stats_update_end(&s->rx_syncp);
}

/**
 * netcx_stats_sum() - an adapter's counters, summed over every CPU
 * @ad: the adapter.
 * @tx: set to the &enum netcx_tx_stat counters (%NETCX_TX_STATS values).
 * @why: set to the &enum netcx_why counters (%NETCX_WHY_MAX values).
 * @rx: set to the &enum netcx_rx_stat counters (%NETCX_RX_STATS values).
 *
 * Each CPU's counters are read consistently. Context: any; does not sleep.
 */
void netcx_stats_sum(const struct netcx_adapter *ad, u64 *tx, u64 *why,
		     u64 *rx)
{
	unsigned int start;
	int cpu, i;

	memset(tx, 0, NETCX_TX_STATS * sizeof(*tx));
	memset(why, 0, NETCX_WHY_MAX * sizeof(*why));
	memset(rx, 0, NETCX_RX_STATS * sizeof(*rx));
	for_each_possible_cpu(cpu) {
		const struct netcx_pcpu_stats *s = per_cpu_ptr(ad->stats, cpu);
		u64 t[NETCX_TX_STATS], w[NETCX_WHY_MAX], r[NETCX_RX_STATS];

		do {
			start = u64_stats_fetch_begin(&s->tx_syncp);
			for (i = 0; i < NETCX_TX_STATS; i++)
				t[i] = u64_stats_read(&s->tx[i]);
			for (i = 0; i < NETCX_WHY_MAX; i++)
				w[i] = u64_stats_read(&s->tx_why[i]);
		} while (u64_stats_fetch_retry(&s->tx_syncp, start));
		do {
			start = u64_stats_fetch_begin(&s->rx_syncp);
			for (i = 0; i < NETCX_RX_STATS; i++)
				r[i] = u64_stats_read(&s->rx[i]);
		} while (u64_stats_fetch_retry(&s->rx_syncp, start));

		for (i = 0; i < NETCX_TX_STATS; i++)
			tx[i] += t[i];
		for (i = 0; i < NETCX_WHY_MAX; i++)
			why[i] += w[i];
		for (i = 0; i < NETCX_RX_STATS; i++)
			rx[i] += r[i];
	}
}

/**
 * netcx_stats_count() - the number of netcx counters, for ethtool -S
 * @ad: the adapter.
 *
 * For the driver's get_sset_count(%ETH_SS_STATS): add it to the driver's
 * own count. The set is the same for every adapter.
 *
 * Return: the number of strings netcx_stats_strings() writes and of values
 * netcx_stats_fill() writes.
 */
int netcx_stats_count(const struct netcx_adapter *ad)
{
	return NETCX_STATS_COUNT;
}
EXPORT_SYMBOL_NS_GPL(netcx_stats_count, NETCX_NS);

/**
 * netcx_stats_strings() - write the names of the netcx counters
 * @ad: the adapter.
 * @data: where the driver's get_strings(%ETH_SS_STATS) writes; advanced
 *	past netcx_stats_count() strings of %ETH_GSTRING_LEN bytes.
 *
 * Transmit: ``tx_csum_hw``, ``tx_csum_sw``, ``tx_lso_hw``, ``tx_lso_sw``,
 * ``tx_uso_hw``, ``tx_uso_sw``, ``tx_vlan_hw``, ``tx_vlan_sw``,
 * ``tx_offload_dropped``, ``tx_lso_hw_segs``, ``tx_uso_hw_segs``, then
 * ``tx_fallback_<reason>`` for every reason of
 * "DOC: per-packet policy"; receive: ``rx_csum_valid``, ``rx_csum_invalid``,
 * ``rx_csum_not_checked``, ``rx_csum_inactive``, ``rx_csum_complete``,
 * ``rx_csum_inner_valid``, ``rx_vlan_hw``, ``rx_vlan_sw``,
 * ``rx_rsc_packets``, ``rx_rsc_segments``,
 * ``rx_rsc_bytes``, then ``rx_rsc_refused_<reason>`` for every reason of
 * "DOC: receive coalescing" (``inactive``, ``shape``, ``csum``,
 * ``malformed``, ``nomem``).
 */
void netcx_stats_strings(const struct netcx_adapter *ad, u8 **data)
{
	int i;

	for (i = 0; i < NETCX_TX_STATS; i++)
		ethtool_puts(data, netcx_tx_names[i]);
	for (i = NETCX_WHY_NONE + 1; i < NETCX_WHY_MAX; i++)
		ethtool_puts(data, netcx_why_names[i]);
	for (i = 0; i < NETCX_RX_STATS; i++)
		ethtool_puts(data, netcx_rx_names[i]);
}
EXPORT_SYMBOL_NS_GPL(netcx_stats_strings, NETCX_NS);

/**
 * netcx_stats_fill() - write the values of the netcx counters
 * @ad: the adapter.
 * @data: where the driver's get_ethtool_stats() writes; advanced past
 *	netcx_stats_count() values, in netcx_stats_strings() order.
 *
 * Each value is the sum over all CPUs, read consistently per CPU.
 *
 * Context: any; does not sleep.
 */
void netcx_stats_fill(const struct netcx_adapter *ad, u64 **data)
{
	u64 *tx = *data, *why = tx + NETCX_TX_STATS;
	u64 *rx = why + NETCX_WHY_MAX - 1;
	u64 w[NETCX_WHY_MAX];

	netcx_stats_sum(ad, tx, w, rx);
	/* NETCX_WHY_NONE is not reported */
	memcpy(why, w + NETCX_WHY_NONE + 1, (NETCX_WHY_MAX - 1) * sizeof(*w));
	*data += NETCX_STATS_COUNT;
}
EXPORT_SYMBOL_NS_GPL(netcx_stats_fill, NETCX_NS);
