/* SPDX-License-Identifier: GPL-2.0 */
/*
 * netcx core: the adapter object, and the functions of the files that
 * declare, verify and map its offloads. Counters are counters.h, keyword
 * parsing keywords.h, the per-packet decision plan.h. Not for client drivers:
 * they see only <netcx/adapter.h>.
 */
#ifndef _NETCX_CORE_H
#define _NETCX_CORE_H

#include <linux/if_ether.h>
#include <linux/kconfig.h>
#include <linux/netdevice.h>
#include <linux/percpu.h>
#include <linux/types.h>
#include <net/udp_tunnel.h>

#include <netcx/adapter.h>
#include <netcx/xmit.h>

#include "kinds.h"
#include "plan.h"

struct netcx_pcpu_stats;

/**
 * struct netcx_tnl_state - the tunnel offloads' state (tunnel.c)
 * @caps: the declared capabilities.
 * @kw_vxlan_port: the port ``*VxlanUDPPortNumber`` pins (host order), or 0.
 * @pinned: the port table holding the pinned port in its entry 0, or -1.
 * @utn: what udp_tunnel_nic is given: netcx's tables, less the pinned
 *	entry, a table left empty by it dropped.
 * @utn_table: per table of @utn, netcx's table.
 * @port: per table and entry, the port (network order; 0: empty) the
 *	driver accepted; written under the RTNL, read per packet.
 * @encap: per table and entry, the &enum netcx_encap of @port.
 */
struct netcx_tnl_state {
	struct netcx_tunnel_caps caps;
	u16 kw_vxlan_port;
	s8 pinned;
	struct udp_tunnel_nic_info utn;
	u8 utn_table[UDP_TUNNEL_NIC_MAX_TABLES];
	__be16 port[NETCX_TNL_PORT_TABLES][NETCX_TNL_PORTS_MAX];
	u8 encap[NETCX_TNL_PORT_TABLES][NETCX_TNL_PORTS_MAX];
};

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
 * @tnl: declared tunnel capabilities and the UDP tunnel port table.
 * @kw_off: per offload, the packet kinds the keywords switched off.
 * @permitted: per offload, the packet kinds the hardware declared, minus
 *	those switched off by keywords or by a dependency; set by commit.
 * @plan: the per-packet policy compiled from the above at commit (plan.h).
 * @committed: netcx_adapter_commit() succeeded; nothing may change now
 *	but the keywords, through netcx_update_keywords().
 * @paused: netcx_pause() is in force.
 * @set_err: the error of the last netcx_set_features(), for pause/resume.
 * @applier: the task running the change callbacks in netcx_set_features(),
 *	NULL outside it: netcx_active() answers it from @applying.
 * @applying: the features being applied (the old ones while rolling back).
 * @applying_plan: the plan @applying is read with: @plan, or @was_plan
 *	while rolling back a keyword update.
 * @was_plan: inside netcx_update_keywords(), the plan the device's current
 *	features were set under (@plan is already the new one); NULL outside.
 * @told: netcx_set_features() ran during netcx_update_keywords().
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
	struct netcx_tnl_state tnl;
	u32 kw_off[NETCX_OFFLOAD_MAX];
	u32 permitted[NETCX_OFFLOAD_MAX];
	struct netcx_plan plan;
	bool committed;
	bool paused;
	int set_err;
	struct task_struct *applier;
	netdev_features_t applying;
	const struct netcx_plan *applying_plan;
	const struct netcx_plan *was_plan;
	bool told;
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

/* tunnel.c */
const char *netcx_check_tunnel(const struct netcx_tunnel_caps *caps);
const char *netcx_check_tunnel_deps(const struct netcx_adapter *ad);
u32 netcx_tnl_hw_kinds(const struct netcx_adapter *ad, enum netcx_offload off);
void netcx_tnl_permitted(struct netcx_adapter *ad);
netdev_features_t netcx_tnl_partial(const struct netcx_adapter *ad);
void netcx_tnl_features_commit(struct netcx_adapter *ad,
			       netdev_features_t features);
void netcx_tnl_ports_commit(struct netcx_adapter *ad);
void netcx_tnl_destroy(struct netcx_adapter *ad);
u16 netcx_keywords_vxlan_port(const char *str);

/* features.c */
u32 netcx_plan_kinds(const struct netcx_plan *plan, enum netcx_offload off,
		     netdev_features_t features);
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

#endif /* _NETCX_CORE_H */
