// SPDX-License-Identifier: GPL-2.0
/*
 * Encapsulated offloads (VXLAN, GENEVE, GRE, IP in IP): the rules of their
 * capabilities, their packet kinds and permitted kinds, hw_enc_features
 * and gso_partial_features, and the UDP tunnel port table netcx keeps
 * from the kernel's udp_tunnel_nic.
 */
#include <linux/bitops.h>
#include <linux/export.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/netdevice.h>
#include <net/udp_tunnel.h>

#include <compat/compat.h>
#include <kunit/visibility.h>
#include <netcx/netcx.h>

#include "core.h"

/**
 * DOC: tunnel rules
 *
 * netcx_set_tunnel_caps() refuses, in this order:
 *  - an outer flag outside %NETCX_L3_ALL; no encapsulation with an outer
 *    flag; an outer "with options" or "with extension headers" flag
 *    without its plain flag;
 *  - an inner flag outside %NETCX_L3_ALL or %NETCX_L4_ALL; no inner
 *    layer-4 flag (the inner checksum is what every tunnel offload stands
 *    on); inner layer-4 flags without an inner layer-3 flag; an inner
 *    "with options" flag without its plain flag;
 *  - a non-zero inner layer-3 offset limit below an outer Ethernet and
 *    IPv4 header (34 bytes); a non-zero inner layer-4 offset limit below
 *    those and an inner IPv4 header (54 bytes), or below the inner layer-3
 *    limit plus an IPv4 header;
 *  - a segmentation flag outside %NETCX_L4_ALL, TCP-with-options without
 *    TCP, or a transport segmented without its inner checksum;
 *  - a UDP tunnel port table of more than %NETCX_TNL_PORTS_MAX entries, for
 *    an encapsulation other than VXLAN and GENEVE, for none, with no
 *    entries, or for an encapsulation with no outer flag; tables not filled
 *    from the first; VXLAN or GENEVE declared without a table for it (the
 *    hardware tells them from other UDP by the port).
 *
 * netcx_adapter_commit() refuses tunnel capabilities without TX checksum
 * capabilities, and tunnel segmentation of inner TCP without LSO (of inner
 * UDP without USO) capabilities: their size limits are the tunnels' too.
 */

#define NETCX_TNL_MIN_L3_OFFSET	(ETH_HLEN + sizeof(struct iphdr))
#define NETCX_TNL_MIN_L4_OFFSET	(NETCX_TNL_MIN_L3_OFFSET + sizeof(struct iphdr))
#define NETCX_TNL_UDP_ENCAPS	(BIT(NETCX_ENCAP_VXLAN) | BIT(NETCX_ENCAP_GENEVE))

static_assert(NETCX_TNL_PORT_TABLES <= UDP_TUNNEL_NIC_MAX_TABLES);
static_assert(NETCX_TNL_PORTS_MAX == 16, "the port table rule's message says 16");
static_assert(NETCX_TNL_KIND6(NETCX_ENCAP_IPXIP) == NETCX_TNL_IPXIP6 &&
	      NETCX_TNL_KIND4(NETCX_ENCAP_VXLAN) == NETCX_TNL_VXLAN4);

static const char *netcx_check_tnl_outer(const struct netcx_tunnel_caps *caps)
{
	u8 any = 0;
	int e;

	for (e = 0; e < NETCX_ENCAP_MAX; e++) {
		u8 l3 = caps->outer[e];

		if (l3 & ~NETCX_L3_ALL)
			return "unknown outer layer-3 flag";
		if ((l3 & NETCX_L3_IPV4_OPTS) && !(l3 & NETCX_L3_IPV4))
			return "outer IPv4-with-options flag without the outer IPv4 flag";
		if ((l3 & NETCX_L3_IPV6_EXT) && !(l3 & NETCX_L3_IPV6))
			return "outer IPv6-with-extension-headers flag without the outer IPv6 flag";
		any |= l3;
	}
	if (!any)
		return "no encapsulation with an outer layer-3 flag";
	return NULL;
}

static const char *netcx_check_tnl_inner(const struct netcx_tunnel_caps *caps)
{
	u8 l3 = caps->inner_l3, l4 = caps->inner_l4;
	u16 lim3 = caps->inner_l3_offset_limit;
	u16 lim4 = caps->inner_l4_offset_limit;

	if (l3 & ~NETCX_L3_ALL)
		return "unknown inner layer-3 flag";
	if (l4 & ~NETCX_L4_ALL)
		return "unknown inner layer-4 flag";
	if (!l4)
		return "no inner layer-4 flag (the inner checksum is every tunnel offload's base)";
	if (!l3)
		return "inner layer-4 flags without an inner layer-3 flag";
	if ((l3 & NETCX_L3_IPV4_OPTS) && !(l3 & NETCX_L3_IPV4))
		return "inner IPv4-with-options flag without the inner IPv4 flag";
	if ((l3 & NETCX_L3_IPV6_EXT) && !(l3 & NETCX_L3_IPV6))
		return "inner IPv6-with-extension-headers flag without the inner IPv6 flag";
	if ((l4 & NETCX_L4_TCP_OPTS) && !(l4 & NETCX_L4_TCP))
		return "inner TCP-with-options flag without the inner TCP flag";
	if (lim3 && lim3 < NETCX_TNL_MIN_L3_OFFSET)
		return "inner layer-3 offset limit below outer Ethernet and IPv4 headers";
	if (lim4 && lim4 < NETCX_TNL_MIN_L4_OFFSET)
		return "inner layer-4 offset limit below Ethernet and two IPv4 headers";
	if (lim3 && lim4 && lim4 < lim3 + sizeof(struct iphdr))
		return "inner layer-4 offset limit below the inner layer-3 one plus an IPv4 header";
	return NULL;
}

static const char *netcx_check_tnl_gso(const struct netcx_tunnel_caps *caps)
{
	u8 gso = caps->gso_l4;

	if (gso & ~NETCX_L4_ALL)
		return "unknown tunnel segmentation flag";
	if ((gso & NETCX_L4_TCP_OPTS) && !(gso & NETCX_L4_TCP))
		return "tunnel segmentation TCP-with-options flag without the TCP flag";
	if (gso & ~caps->inner_l4)
		return "tunnel segmentation of an inner transport without its inner checksum";
	return NULL;
}

static const char *netcx_check_tnl_ports(const struct netcx_tunnel_caps *caps)
{
	u8 covered = 0;
	int t, e;

	for (t = 0; t < NETCX_TNL_PORT_TABLES; t++) {
		const struct netcx_tnl_port_table *pt = &caps->ports[t];

		if (pt->entries > NETCX_TNL_PORTS_MAX)
			return "UDP tunnel port table above 16 entries";
		if (pt->encaps & ~NETCX_TNL_UDP_ENCAPS)
			return "UDP tunnel port table for other than VXLAN and GENEVE";
		if (pt->entries && !pt->encaps)
			return "UDP tunnel port table for no encapsulation";
		if (!pt->entries && pt->encaps)
			return "UDP tunnel port table with no entries";
		for (e = 0; e < NETCX_ENCAP_MAX; e++)
			if ((pt->encaps & BIT(e)) && !caps->outer[e])
				return "UDP tunnel port table for an undeclared encapsulation";
		if (t && pt->entries && !caps->ports[t - 1].entries)
			return "UDP tunnel port tables not filled from the first";
		covered |= pt->encaps;
	}
	if (caps->outer[NETCX_ENCAP_VXLAN] && !(covered & BIT(NETCX_ENCAP_VXLAN)))
		return "VXLAN without a UDP tunnel port table for it";
	if (caps->outer[NETCX_ENCAP_GENEVE] && !(covered & BIT(NETCX_ENCAP_GENEVE)))
		return "GENEVE without a UDP tunnel port table for it";
	return NULL;
}

/**
 * netcx_check_tunnel() - the rules of the tunnel capabilities
 * @caps: the capabilities.
 *
 * See "DOC: tunnel rules".
 *
 * Return: NULL, or the message of the first rule @caps break.
 */
const char *netcx_check_tunnel(const struct netcx_tunnel_caps *caps)
{
	return netcx_check_tnl_outer(caps) ?:
	       netcx_check_tnl_inner(caps) ?:
	       netcx_check_tnl_gso(caps) ?:
	       netcx_check_tnl_ports(caps);
}
EXPORT_SYMBOL_IF_KUNIT(netcx_check_tunnel);

/**
 * netcx_check_tunnel_deps() - the tunnel rules spanning offloads
 * @ad: the adapter, its capabilities declared.
 *
 * Return: NULL, or the message of the first rule broken.
 */
const char *netcx_check_tunnel_deps(const struct netcx_adapter *ad)
{
	u8 gso = ad->tnl.caps.gso_l4;

	if (!(ad->declared & BIT(NETCX_OFFLOAD_TNL_CSUM)))
		return NULL;
	if (!(ad->declared & BIT(NETCX_OFFLOAD_TX_CSUM)))
		return "tunnel offloads need the TX checksum";
	if ((gso & NETCX_L4_TCP) && !(ad->declared & BIT(NETCX_OFFLOAD_LSO)))
		return "tunnel segmentation of inner TCP needs LSO";
	if ((gso & NETCX_L4_UDP) && !(ad->declared & BIT(NETCX_OFFLOAD_USO)))
		return "tunnel segmentation of inner UDP needs USO";
	return NULL;
}

/**
 * netcx_tnl_hw_kinds() - the tunnel kinds the hardware declared
 * @ad: the adapter.
 * @off: %NETCX_OFFLOAD_TNL_CSUM or %NETCX_OFFLOAD_TNL_GSO, declared.
 *
 * Return: per encapsulation with outer flags, its kind over outer IPv4
 * and/or IPv6; for segmentation, the outer checksum kinds of the UDP
 * encapsulations and of GRE too.
 */
u32 netcx_tnl_hw_kinds(const struct netcx_adapter *ad, enum netcx_offload off)
{
	const struct netcx_tunnel_caps *caps = &ad->tnl.caps;
	u32 kinds = 0;
	int e;

	for (e = 0; e < NETCX_ENCAP_MAX; e++) {
		if (caps->outer[e] & NETCX_L3_IPV4)
			kinds |= NETCX_TNL_KIND4(e);
		if (caps->outer[e] & NETCX_L3_IPV6)
			kinds |= NETCX_TNL_KIND6(e);
	}
	if (off != NETCX_OFFLOAD_TNL_GSO)
		return kinds;
	if (kinds & NETCX_TNL_UDP)
		kinds |= NETCX_TNL_UDP_CSUM;
	if (kinds & NETCX_TNL_GRE)
		kinds |= NETCX_TNL_GRE_CSUM;
	return kinds;
}
EXPORT_SYMBOL_IF_KUNIT(netcx_tnl_hw_kinds);

/**
 * netcx_tnl_permitted() - the tunnel offloads' dependencies
 * @ad: the adapter; its permitted kinds computed for every offload.
 *
 * The inner checksum needs the TX checksum feature its outer IP version
 * maps to; segmentation needs the inner checksum of the same kind, and LSO
 * or USO permitted for an inner transport it segments. An outer checksum
 * kind goes with the last encapsulation that has one.
 */
void netcx_tnl_permitted(struct netcx_adapter *ad)
{
	u32 *p = ad->permitted;
	u32 tx = p[NETCX_OFFLOAD_TX_CSUM];
	u8 gso = ad->tnl.caps.gso_l4;

	if (ad->tx_csum.generic) {
		if (!(tx & NETCX_L4_KINDS))
			p[NETCX_OFFLOAD_TNL_CSUM] = 0;
	} else {
		if (!(tx & (NETCX_TCP4 | NETCX_UDP4)))
			p[NETCX_OFFLOAD_TNL_CSUM] &= ~NETCX_TNL_OUTER4;
		if (!(tx & (NETCX_TCP6 | NETCX_UDP6)))
			p[NETCX_OFFLOAD_TNL_CSUM] &= ~NETCX_TNL_OUTER6;
	}

	p[NETCX_OFFLOAD_TNL_GSO] &= p[NETCX_OFFLOAD_TNL_CSUM] | NETCX_TNL_CSUMS;
	if (!(p[NETCX_OFFLOAD_TNL_GSO] & NETCX_TNL_UDP))
		p[NETCX_OFFLOAD_TNL_GSO] &= ~NETCX_TNL_UDP_CSUM;
	if (!(p[NETCX_OFFLOAD_TNL_GSO] & NETCX_TNL_GRE))
		p[NETCX_OFFLOAD_TNL_GSO] &= ~NETCX_TNL_GRE_CSUM;
	if (!((gso & NETCX_L4_TCP) && p[NETCX_OFFLOAD_LSO]) &&
	    !((gso & NETCX_L4_UDP) && p[NETCX_OFFLOAD_USO]))
		p[NETCX_OFFLOAD_TNL_GSO] = 0;
}

/**
 * DOC: tunnel feature mapping
 *
 * The tunnel offloads take rows of the feature map like the others:
 *
 * ================== ============================ ==========================
 * offload            permitted kinds              feature
 * ================== ============================ ==========================
 * tunnel checksum    any, generic engine          %NETIF_F_HW_CSUM
 * tunnel checksum    outer IPv4, protocol-aware   %NETIF_F_IP_CSUM
 * tunnel checksum    outer IPv6, protocol-aware   %NETIF_F_IPV6_CSUM
 * tunnel GSO         VXLAN or GENEVE              %NETIF_F_GSO_UDP_TUNNEL
 * tunnel GSO         VXLAN or GENEVE (UDP_CSUM)   %NETIF_F_GSO_UDP_TUNNEL_CSUM
 * tunnel GSO         GRE                          %NETIF_F_GSO_GRE
 * tunnel GSO         GRE (GRE_CSUM)               %NETIF_F_GSO_GRE_CSUM
 * tunnel GSO         IP in outer IPv4             %NETIF_F_GSO_IPXIP4
 * tunnel GSO         IP in outer IPv6             %NETIF_F_GSO_IPXIP6
 * ================== ============================ ==========================
 *
 * The tunnel checksum shares its bits with the TX checksum (the stack
 * checks them against the outer protocol), so ``ethtool -K
 * tx-checksum-ipv4 off`` calls both back; the segmentation bits are its
 * own (``tx-udp_tnl-segmentation``, ``tx-udp_tnl-csum-segmentation``,
 * ``tx-gre-segmentation``, ``tx-gre-csum-segmentation``,
 * ``tx-ipxip4-segmentation``, ``tx-ipxip6-segmentation``) and go through
 * the same netcx_fix_features() and netcx_set_features() path, change
 * callbacks and rollback included. Inner TCP and UDP are segmented with
 * the %NETIF_F_TSO, %NETIF_F_TSO6 and %NETIF_F_GSO_UDP_L4 bits, as the
 * stack masks an encapsulated packet's features with hw_enc_features:
 * those bits, the tunnel bits and the tunnel checksum's bits make up
 * hw_enc_features. The driver adds its own %NETIF_F_SG there.
 *
 * Without &netcx_tunnel_caps.outer_csum, %NETIF_F_GSO_UDP_TUNNEL_CSUM and
 * %NETIF_F_GSO_GRE_CSUM go to gso_partial_features too, with
 * %NETIF_F_GSO_PARTIAL (``tx-gso-partial``) in hw_features, features and
 * hw_enc_features: the stack then fixes the outer checksum itself and
 * hands the device a GSO_PARTIAL packet; with ``tx-gso-partial`` off,
 * netdev_fix_features() drops the two partial bits, and their kinds go
 * inactive. %NETIF_F_GSO_PARTIAL maps to no kind.
 *
 * Permitted tunnel kinds are the declared ones, minus keywords, minus
 * those whose TX checksum bit is not permitted (a generic engine needs any
 * TCP or UDP kind, a protocol-aware one a kind of the outer IP version);
 * segmentation kinds also need the inner checksum of the same kind and LSO
 * (inner TCP) or USO (inner UDP) permitted.
 */

/**
 * netcx_tnl_partial() - %NETIF_F_GSO_PARTIAL, when the tunnels need it
 * @ad: the adapter; its permitted kinds computed.
 *
 * Return: %NETIF_F_GSO_PARTIAL when segmentation with an outer checksum is
 * permitted and the hardware does not fix that checksum; else 0.
 */
netdev_features_t netcx_tnl_partial(const struct netcx_adapter *ad)
{
	if (ad->tnl.caps.outer_csum ||
	    !(ad->permitted[NETCX_OFFLOAD_TNL_GSO] & NETCX_TNL_CSUMS))
		return 0;
	return NETIF_F_GSO_PARTIAL;
}

/* The feature bits of the plan's rows for @off. */
static netdev_features_t netcx_tnl_row_features(const struct netcx_adapter *ad,
						enum netcx_offload off)
{
	netdev_features_t f = 0;
	int i;

	for (i = 0; i < NETCX_MAP_ROWS; i++)
		f |= ad->plan.kinds[off][i].feature;
	return f;
}

/**
 * netcx_tnl_features_commit() - hw_enc_features and gso_partial_features
 * @ad: the adapter; its permitted kinds and plan rows computed.
 * @features: the netcx features the device got (all permitted ones).
 *
 * hw_enc_features gets the TX checksum bits the tunnel checksum maps to,
 * the tunnel segmentation bits, and the inner segmentation bits (TSO,
 * TSO6, GSO_UDP_L4) of what is segmented inside a tunnel. Without
 * &netcx_tunnel_caps.outer_csum, the outer checksum segmentation bits go
 * to gso_partial_features, and %NETIF_F_GSO_PARTIAL (which @features has
 * then, netcx_tnl_partial()) to hw_enc_features. At commit, and again
 * when keywords change after it.
 */
void netcx_tnl_features_commit(struct netcx_adapter *ad,
			       netdev_features_t features)
{
	struct net_device *dev = ad->dev;
	netdev_features_t enc = 0, partial = 0;
	u8 gso = ad->tnl.caps.gso_l4;

	if (ad->permitted[NETCX_OFFLOAD_TNL_CSUM])
		enc |= netcx_tnl_row_features(ad, NETCX_OFFLOAD_TNL_CSUM);
	if (ad->permitted[NETCX_OFFLOAD_TNL_GSO]) {
		enc |= netcx_tnl_row_features(ad, NETCX_OFFLOAD_TNL_GSO);
		if (gso & NETCX_L4_TCP)
			enc |= features & (NETIF_F_TSO | NETIF_F_TSO6);
		if (gso & NETCX_L4_UDP)
			enc |= features & NETIF_F_GSO_UDP_L4;
		if (!ad->tnl.caps.outer_csum)
			partial = enc & (NETIF_F_GSO_UDP_TUNNEL_CSUM |
					 NETIF_F_GSO_GRE_CSUM);
	}
	if (partial)
		enc |= NETIF_F_GSO_PARTIAL;
	dev->hw_enc_features = (dev->hw_enc_features & ~NETCX_FEATURES) | enc;
	dev->gso_partial_features =
		(dev->gso_partial_features & ~NETCX_TNL_FEATURES) | partial;
}

/**
 * DOC: UDP tunnel ports
 *
 * VXLAN and GENEVE are UDP: hardware tells them from other UDP by the
 * destination port, from a table the driver programs. netcx gives the
 * device a &struct udp_tunnel_nic_info built from
 * &netcx_tunnel_caps.ports at netcx_adapter_commit() (only the tables and
 * tunnel types of permitted encapsulations; %UDP_TUNNEL_NIC_INFO_IPV4_ONLY
 * without outer IPv6). The kernel's udp_tunnel_nic then calls netcx with
 * each port its VXLAN and GENEVE devices open; netcx passes it on to the
 * driver (&netcx_adapter_ops.tunnel_port) and keeps a copy: a packet of a
 * UDP encapsulation is offloaded only to a port of that copy
 * (netcx_tunnel_port_encap()).
 *
 * The ``*VxlanUDPPortNumber`` keyword pins a VXLAN port: entry 0 of the
 * first table for VXLAN holds it from commit on, whatever tunnel devices
 * exist; udp_tunnel_nic gets that table one entry shorter (none when it
 * had one entry).
 */

/* Store the port of (@tb, @entry), once the driver took it. */
static int netcx_tnl_port_set(struct netcx_adapter *ad, unsigned int tb,
			      unsigned int entry, __be16 port,
			      enum netcx_encap encap)
{
	struct netcx_tnl_state *t = &ad->tnl;
	int err = 0;

	if (tb >= NETCX_TNL_PORT_TABLES || entry >= t->caps.ports[tb].entries)
		return -EINVAL;
	/* a packet to this entry's old port is offloaded no more */
	WRITE_ONCE(t->port[tb][entry], 0);
	if (ad->ops && ad->ops->tunnel_port)
		err = ad->ops->tunnel_port(ad->dev, tb, entry, port, encap);
	if (err) {
		netdev_warn(ad->dev, "netcx: UDP tunnel port %u refused (%d)\n",
			    be16_to_cpu(port), err);
		return err;
	}
	WRITE_ONCE(t->encap[tb][entry], encap);
	WRITE_ONCE(t->port[tb][entry], port);
	return 0;
}

/* udp_tunnel_nic's table and entry, as netcx's. */
static int netcx_tnl_entry(struct netcx_adapter *ad, unsigned int table,
			   unsigned int *entry)
{
	unsigned int tb;

	if (table >= UDP_TUNNEL_NIC_MAX_TABLES ||
	    !ad->tnl.utn.tables[table].n_entries)
		return -EINVAL;
	tb = ad->tnl.utn_table[table];
	if (ad->tnl.pinned == tb)
		(*entry)++;
	return tb;
}

static int netcx_tnl_set_port(struct net_device *dev, unsigned int table,
			      unsigned int entry, struct udp_tunnel_info *ti)
{
	struct netcx_adapter *ad = dev->ml_priv;
	int tb = netcx_tnl_entry(ad, table, &entry);

	if (tb < 0)
		return tb;
	return netcx_tnl_port_set(ad, tb, entry, ti->port,
				  ti->type == UDP_TUNNEL_TYPE_GENEVE ?
				  NETCX_ENCAP_GENEVE : NETCX_ENCAP_VXLAN);
}

static int netcx_tnl_unset_port(struct net_device *dev, unsigned int table,
				unsigned int entry, struct udp_tunnel_info *ti)
{
	struct netcx_adapter *ad = dev->ml_priv;
	int tb = netcx_tnl_entry(ad, table, &entry);

	if (tb < 0)
		return tb;
	return netcx_tnl_port_set(ad, tb, entry, 0, ad->tnl.encap[tb][entry]);
}

/* The udp_tunnel_nic types of a table's permitted encapsulations. */
static unsigned int netcx_tnl_types(const struct netcx_adapter *ad, u8 encaps)
{
	u32 p = ad->permitted[NETCX_OFFLOAD_TNL_CSUM];
	unsigned int types = 0;

	if ((encaps & BIT(NETCX_ENCAP_VXLAN)) && (p & NETCX_TNL_VXLAN))
		types |= UDP_TUNNEL_TYPE_VXLAN;
	if ((encaps & BIT(NETCX_ENCAP_GENEVE)) && (p & NETCX_TNL_GENEVE))
		types |= UDP_TUNNEL_TYPE_GENEVE;
	return types;
}

/* Pin the keyword's VXLAN port in entry 0 of the first VXLAN table. */
static void netcx_tnl_pin(struct netcx_adapter *ad)
{
	struct netcx_tnl_state *t = &ad->tnl;
	int tb;

	if (!t->kw_vxlan_port)
		return;
	for (tb = 0; tb < NETCX_TNL_PORT_TABLES; tb++) {
		u8 encaps = t->caps.ports[tb].encaps;

		if (!(netcx_tnl_types(ad, encaps) & UDP_TUNNEL_TYPE_VXLAN))
			continue;
		if (!netcx_tnl_port_set(ad, tb, 0, cpu_to_be16(t->kw_vxlan_port),
					NETCX_ENCAP_VXLAN))
			t->pinned = tb;
		return;
	}
}

/**
 * netcx_tnl_ports_commit() - the port tables, at commit
 * @ad: the adapter; its permitted kinds computed.
 *
 * Pins the keyword's port and gives the device its udp_tunnel_nic_info
 * (see "DOC: UDP tunnel ports"), when a UDP encapsulation is permitted.
 */
void netcx_tnl_ports_commit(struct netcx_adapter *ad)
{
	struct netcx_tnl_state *t = &ad->tnl;
	unsigned int n = 0;
	int tb;

	memset(&t->utn, 0, sizeof(t->utn));
	memset(t->port, 0, sizeof(t->port));
	t->pinned = -1;
	if (!(ad->permitted[NETCX_OFFLOAD_TNL_CSUM] & NETCX_TNL_UDP))
		return;
	netcx_tnl_pin(ad);
	for (tb = 0; tb < NETCX_TNL_PORT_TABLES; tb++) {
		unsigned int entries = t->caps.ports[tb].entries;
		unsigned int types = netcx_tnl_types(ad, t->caps.ports[tb].encaps);

		if (t->pinned == tb)
			entries--;
		if (!entries || !types)
			continue;
		t->utn.tables[n].n_entries = entries;
		t->utn.tables[n].tunnel_types = types;
		t->utn_table[n++] = tb;
	}
	if (!n)
		return;
	t->utn.set_port = netcx_tnl_set_port;
	t->utn.unset_port = netcx_tnl_unset_port;
	t->utn.flags = NETCX_UTN_FLAGS;
	if (!(ad->permitted[NETCX_OFFLOAD_TNL_CSUM] & NETCX_TNL_OUTER6 &
	      NETCX_TNL_UDP))
		t->utn.flags |= UDP_TUNNEL_NIC_INFO_IPV4_ONLY;
	ad->dev->udp_tunnel_nic_info = &t->utn;
}

/**
 * netcx_tnl_destroy() - take the port table back from the device
 * @ad: the adapter being destroyed.
 */
void netcx_tnl_destroy(struct netcx_adapter *ad)
{
	if (ad->dev->udp_tunnel_nic_info == &ad->tnl.utn)
		ad->dev->udp_tunnel_nic_info = NULL;
}

/**
 * netcx_tunnel_port_encap() - the encapsulation a UDP port is offloaded for
 * @ad: the adapter.
 * @port: a UDP destination port, network order.
 *
 * What the per-packet decision asks of a UDP-encapsulated packet: a port
 * not in the table is not offloaded. Lock-free: a port changing meanwhile
 * may be answered either way, as udp_tunnel_nic's notifications are
 * best-effort anyway.
 *
 * Return: %NETCX_ENCAP_VXLAN or %NETCX_ENCAP_GENEVE when the port table
 * holds @port; -ENOENT otherwise.
 */
int netcx_tunnel_port_encap(const struct netcx_adapter *ad, __be16 port)
{
	const struct netcx_tnl_state *t = &ad->tnl;
	int tb, e;

	if (!port)
		return -ENOENT;
	for (tb = 0; tb < NETCX_TNL_PORT_TABLES; tb++)
		for (e = 0; e < t->caps.ports[tb].entries; e++)
			if (READ_ONCE(t->port[tb][e]) == port)
				return READ_ONCE(t->encap[tb][e]);
	return -ENOENT;
}
EXPORT_SYMBOL_NS_GPL(netcx_tunnel_port_encap, NETCX_NS);
