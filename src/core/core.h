/* SPDX-License-Identifier: GPL-2.0 */
/*
 * netcx core: the adapter object and what the core's files share. Not for
 * client drivers: they see only <netcx/adapter.h>.
 */
#ifndef _NETCX_CORE_H
#define _NETCX_CORE_H

#include <linux/if_ether.h>
#include <linux/kconfig.h>
#include <linux/netdevice.h>
#include <linux/percpu.h>
#include <linux/types.h>
#include <linux/u64_stats_sync.h>

#include <netcx/adapter.h>
#include <netcx/xmit.h>

#include "kinds.h"
#include "plan.h"

struct netcx_pcpu_stats;

/* The transmit offload bits VLAN devices stacked on ours inherit. */
#define NETCX_VLAN_FEATURES	(NETIF_F_HW_CSUM | NETIF_F_IP_CSUM | \
				 NETIF_F_IPV6_CSUM | NETIF_F_TSO | \
				 NETIF_F_TSO6 | NETIF_F_GSO_UDP_L4)

/**
 * struct netcx_adapter - netcx's state for one net_device
 * @dev: the device.
 * @ops: the client driver's change callbacks; may be NULL.
 * @declared: BIT(&enum netcx_offload) of the offloads the hardware has
 *	capabilities for; 802.1Q declares both VLAN_TX and VLAN_RX.
 * @tx_csum: declared transmit checksum capabilities.
 * @rx_csum: declared receive checksum capabilities.
 * @lso: declared LSO capabilities, @max_segs resolved (never 0).
 * @uso: declared USO capabilities, @max_segs resolved (never 0).
 * @rsc: declared RSC capabilities.
 * @tag: declared 802.1Q capabilities.
 * @kw_off: per offload, the packet kinds the keywords switched off.
 * @permitted: per offload, the packet kinds the hardware declared, minus
 *	those switched off by keywords or by a dependency; set by commit.
 * @plan: the per-packet policy compiled from the above at commit (plan.h).
 * @committed: netcx_adapter_commit() succeeded; nothing may change now.
 * @paused: netcx_pause() is in force.
 * @set_err: the error of the last netcx_set_features(), for pause/resume.
 * @applier: the task running the change callbacks in netcx_set_features(),
 *	NULL outside it: netcx_active() answers it from @applying.
 * @applying: the features being applied (the old ones while rolling back).
 * @stats: the per-packet counters, one set per CPU (stats.c).
 */
struct netcx_adapter {
	struct net_device *dev;
	const struct netcx_adapter_ops *ops;
	u32 declared;
	struct netcx_tx_csum_caps tx_csum;
	struct netcx_rx_csum_caps rx_csum;
	struct netcx_gso_caps lso;
	struct netcx_gso_caps uso;
	struct netcx_rsc_caps rsc;
	struct netcx_ieee8021q_caps tag;
	u32 kw_off[NETCX_OFFLOAD_MAX];
	u32 permitted[NETCX_OFFLOAD_MAX];
	struct netcx_plan plan;
	bool committed;
	bool paused;
	int set_err;
	struct task_struct *applier;
	netdev_features_t applying;
	struct netcx_pcpu_stats __percpu *stats;
};

/*
 * The transmit checksum capabilities as declared, for the per-packet code,
 * or NULL when the hardware declared none.
 */
static inline const struct netcx_tx_csum_caps *
netcx_tx_csum_caps(const struct netcx_adapter *ad)
{
	if (!(ad->declared & BIT(NETCX_OFFLOAD_TX_CSUM)))
		return NULL;
	return &ad->tx_csum;
}

/* kinds.c */
const char *netcx_offload_name(enum netcx_offload off);
u32 netcx_hw_kinds(const struct netcx_adapter *ad, enum netcx_offload off);

/* adapter.c */
int netcx_adapter_may_change(const struct netcx_adapter *ad, const char *what);

/* verify.c: each returns NULL, or the message of the first rule broken. */
const char *netcx_check_tx_csum(const struct netcx_tx_csum_caps *caps);
const char *netcx_check_rx_csum(const struct netcx_rx_csum_caps *caps);
const char *netcx_check_lso(const struct netcx_gso_caps *caps);
const char *netcx_check_uso(const struct netcx_gso_caps *caps);
const char *netcx_check_rsc(const struct netcx_rsc_caps *caps);
const char *netcx_check_ieee8021q(const struct netcx_ieee8021q_caps *caps);
const char *netcx_check_adapter(const struct netcx_adapter *ad);

/* features.c */
u32 netcx_kinds(const struct netcx_adapter *ad, enum netcx_offload off,
		netdev_features_t features);
void netcx_features_commit(struct netcx_adapter *ad);

/*
 * The kinds of @off that dev->features make active: netcx_active() for the
 * per-packet code, which never runs the change callbacks.
 */
static inline u32 netcx_active_now(const struct netcx_adapter *ad,
				   enum netcx_offload off)
{
	return netcx_kinds(ad, off, READ_ONCE(ad->dev->features));
}

/* stats.c */

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
 * @NETCX_RX_VLAN_HW: a stripped tag handed to the stack out of band.
 * @NETCX_RX_VLAN_SW: a stripped tag put back into the frame: stripping
 *	is off for its kind, and the hardware stripped it anyway.
 * @NETCX_RX_STATS: the number of receive counters.
 */
enum netcx_rx_stat {
	NETCX_RX_VALID,
	NETCX_RX_INVALID,
	NETCX_RX_NOT_CHECKED,
	NETCX_RX_INACTIVE,
	NETCX_RX_COMPLETE,
	NETCX_RX_VLAN_HW,
	NETCX_RX_VLAN_SW,
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
void netcx_count_rx(struct netcx_adapter *ad, enum netcx_rx_stat stat);

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

/* keywords.c */
/**
 * struct netcx_kw_error - why a keyword string was refused
 * @reason: the rule the token broke.
 * @token: where the token starts, inside the string parsed.
 * @len: the token's length.
 */
struct netcx_kw_error {
	const char *reason;
	const char *token;
	int len;
};

#if IS_ENABLED(CONFIG_KUNIT)
int netcx_keywords_parse(const char *str, u32 kw_off[NETCX_OFFLOAD_MAX],
			 struct netcx_kw_error *err);
#endif

#endif /* _NETCX_CORE_H */
