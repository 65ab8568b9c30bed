/* SPDX-License-Identifier: GPL-2.0 */
/*
 * netcx's per-packet counters (stats.c): what each transmit and receive
 * path counts, per CPU, and the inline count on the transmit path.
 */
#ifndef _NETCX_CORE_COUNTERS_H
#define _NETCX_CORE_COUNTERS_H

#include <linux/percpu.h>
#include <linux/u64_stats_sync.h>

#include "core.h"
#include "kinds.h"

/**
 * enum netcx_tx_stat - transmit counters, besides one per &enum netcx_why
 * @NETCX_TX_CSUM_HW: packets (not GSO) the hardware checksums.
 * @NETCX_TX_CSUM_SW: packets, segments included, checksummed in software.
 * @NETCX_TX_LSO_HW: TCP GSO skbs the hardware segments.
 * @NETCX_TX_LSO_SW: TCP GSO skbs segmented in software.
 * @NETCX_TX_USO_HW: UDP GSO skbs the hardware segments.
 * @NETCX_TX_USO_SW: UDP GSO skbs segmented in software.
 * @NETCX_TX_VLAN_HW: 802.1Q tags the hardware inserts.
 * @NETCX_TX_VLAN_SW: 802.1Q tags inserted in software.
 * @NETCX_TX_DROPPED: packets netcx_tx_prepare() dropped: malformed, or
 *	their software fallback failed.
 * @NETCX_TX_LSO_HW_SEGS: the segments of the TCP GSO skbs the hardware
 *	segments.
 * @NETCX_TX_USO_HW_SEGS: the segments of the UDP GSO skbs the hardware
 *	segments.
 * @NETCX_TX_TNL_CSUM_HW: encapsulated packets (not GSO) whose inner
 *	checksum the hardware computes.
 * @NETCX_TX_TNL_CSUM_SW: encapsulated packets, segments included, whose
 *	inner checksum is computed in software.
 * @NETCX_TX_TNL_GSO_HW: encapsulated GSO skbs the hardware segments.
 * @NETCX_TX_TNL_GSO_SW: encapsulated GSO skbs segmented in software.
 * @NETCX_TX_TNL_GSO_HW_SEGS: the segments of the encapsulated GSO skbs the
 *	hardware segments.
 * @NETCX_TX_STATS: the number of transmit counters.
 */
enum netcx_tx_stat {
	NETCX_TX_CSUM_HW,
	NETCX_TX_CSUM_SW,
	NETCX_TX_LSO_HW,
	NETCX_TX_LSO_SW,
	NETCX_TX_USO_HW,
	NETCX_TX_USO_SW,
	NETCX_TX_VLAN_HW,
	NETCX_TX_VLAN_SW,
	NETCX_TX_DROPPED,
	NETCX_TX_LSO_HW_SEGS,
	NETCX_TX_USO_HW_SEGS,
	NETCX_TX_TNL_CSUM_HW,
	NETCX_TX_TNL_CSUM_SW,
	NETCX_TX_TNL_GSO_HW,
	NETCX_TX_TNL_GSO_SW,
	NETCX_TX_TNL_GSO_HW_SEGS,
	NETCX_TX_STATS,
};

/**
 * enum netcx_rx_stat - receive counters
 * @NETCX_RX_VALID: reported %CHECKSUM_UNNECESSARY: a valid TCP/UDP checksum.
 * @NETCX_RX_INVALID: the hardware found a wrong checksum; reported
 *	%CHECKSUM_NONE for the stack to find it, count it and drop.
 * @NETCX_RX_NOT_CHECKED: the hardware checked no transport checksum.
 * @NETCX_RX_INACTIVE: a hardware result ignored: RX checksum is off, or off
 *	for the packet's kind.
 * @NETCX_RX_COMPLETE: reported %CHECKSUM_COMPLETE.
 * @NETCX_RX_INNER_VALID: of @NETCX_RX_VALID, reported up to the inner
 *	TCP/UDP checksum of an encapsulated packet (csum_level its level).
 * @NETCX_RX_VLAN_HW: a stripped tag handed to the stack out of band.
 * @NETCX_RX_VLAN_SW: a stripped tag put back into the frame: stripping
 *	is off for its kind, and the hardware stripped it anyway.
 * @NETCX_RX_RSC_PACKETS: coalesced frames handed to the stack as hardware
 *	GRO packets (netcx_rx_rsc()).
 * @NETCX_RX_RSC_SEGMENTS: the TCP segments they were coalesced from.
 * @NETCX_RX_RSC_BYTES: their bytes, from the Ethernet header on.
 * @NETCX_RX_RSC_INACTIVE: a coalesced frame passed on as a plain packet:
 *	RSC is off for its kind (%NETIF_F_GRO_HW, a keyword, not declared).
 * @NETCX_RX_RSC_SHAPE: ... not TCP over IPv4 without options or IPv6
 *	without extension headers, or a SYN, RST or URG segment.
 * @NETCX_RX_RSC_CSUM: ... its TCP checksum not verified
 *	(%CHECKSUM_UNNECESSARY) by the receive checksum report.
 * @NETCX_RX_RSC_MALFORMED: ... the headers, the IP length or header
 *	checksum, the segment count or MSS contradict the frame or the
 *	declaration, or the call came before eth_type_trans().
 * @NETCX_RX_RSC_NOMEM: ... its headers could not be made writable.
 * @NETCX_RX_STATS: the number of receive counters.
 */
enum netcx_rx_stat {
	NETCX_RX_VALID,
	NETCX_RX_INVALID,
	NETCX_RX_NOT_CHECKED,
	NETCX_RX_INACTIVE,
	NETCX_RX_COMPLETE,
	NETCX_RX_INNER_VALID,
	NETCX_RX_VLAN_HW,
	NETCX_RX_VLAN_SW,
	NETCX_RX_RSC_PACKETS,
	NETCX_RX_RSC_SEGMENTS,
	NETCX_RX_RSC_BYTES,
	NETCX_RX_RSC_INACTIVE,
	NETCX_RX_RSC_SHAPE,
	NETCX_RX_RSC_CSUM,
	NETCX_RX_RSC_MALFORMED,
	NETCX_RX_RSC_NOMEM,
	NETCX_RX_STATS,
};

/**
 * struct netcx_pcpu_stats - one CPU's counters (stats.c)
 * @tx: &enum netcx_tx_stat counters.
 * @tx_why: &enum netcx_why counters (0 unused).
 * @tx_syncp: guards @tx and @tx_why, written on the transmit path.
 * @rx: &enum netcx_rx_stat counters.
 * @rx_syncp: guards @rx, written on the receive path.
 */
struct netcx_pcpu_stats {
	u64_stats_t tx[NETCX_TX_STATS];
	u64_stats_t tx_why[NETCX_WHY_MAX];
	struct u64_stats_sync tx_syncp;
	u64_stats_t rx[NETCX_RX_STATS];
	struct u64_stats_sync rx_syncp;
};

int netcx_stats_init(struct netcx_adapter *ad);
void netcx_stats_uninit(struct netcx_adapter *ad);
void netcx_stats_sum(const struct netcx_adapter *ad, u64 *tx, u64 *why,
		     u64 *rx);

/* qstats.c: netcx's netdev_stat_ops on the device, where the kernel has them */
#ifdef NETCX_HAVE_QSTATS
void netcx_qstats_attach(struct netcx_adapter *ad);
void netcx_qstats_detach(struct netcx_adapter *ad);
#else
static inline void netcx_qstats_attach(struct netcx_adapter *ad) { }
static inline void netcx_qstats_detach(struct netcx_adapter *ad) { }
#endif
void netcx_count_rx(struct netcx_adapter *ad, enum netcx_rx_stat stat);
void netcx_count_rx_rsc(struct netcx_adapter *ad, u32 segs, u32 bytes);

/*
 * Counts @n under @stat and, unless %NETCX_WHY_NONE, under @why, on this
 * CPU; the transmit path, BH disabled. Inline: it runs once per packet.
 */
static inline void netcx_count_tx(struct netcx_adapter *ad,
				  enum netcx_tx_stat stat, enum netcx_why why,
				  u32 n)
{
	struct netcx_pcpu_stats *s = this_cpu_ptr(ad->stats);

	u64_stats_update_begin(&s->tx_syncp);
	u64_stats_add(&s->tx[stat], n);
	if (why)
		u64_stats_add(&s->tx_why[why], n);
	u64_stats_update_end(&s->tx_syncp);
}

#endif /* _NETCX_CORE_COUNTERS_H */
