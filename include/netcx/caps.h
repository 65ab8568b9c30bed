/* SPDX-License-Identifier: GPL-2.0 */
/*
 * netcx hardware capabilities: what a client driver declares its hardware
 * can offload, once, before the net_device is registered.
 *
 * The structures mirror NetAdapterCx's offload capabilities and go further
 * where Linux drivers need it: separate LSO and USO limits, a maximum
 * segment count, receive checksum per layer and per IP version, and a
 * generic (csum_start/csum_offset) checksum engine.
 */
#ifndef _NETCX_CAPS_H
#define _NETCX_CAPS_H

#include <linux/bits.h>
#include <linux/limits.h>
#include <linux/types.h>

/**
 * DOC: layer flags
 *
 * Layer-3 flags (``NETCX_L3_*``) say which IP headers the hardware can
 * handle; a "with options" or "with extension headers" flag needs its plain
 * flag. Layer-4 flags (``NETCX_L4_*``) say which transport headers it can
 * handle; ``NETCX_L4_TCP_OPTS`` needs ``NETCX_L4_TCP``.
 */
#define NETCX_L3_IPV4		BIT(0)	/* IPv4 without options */
#define NETCX_L3_IPV4_OPTS	BIT(1)	/* IPv4 with options */
#define NETCX_L3_IPV6		BIT(2)	/* IPv6 without extension headers */
#define NETCX_L3_IPV6_EXT	BIT(3)	/* IPv6 with extension headers */
#define NETCX_L3_ALL		GENMASK(3, 0)

#define NETCX_L4_TCP		BIT(0)	/* TCP without options */
#define NETCX_L4_TCP_OPTS	BIT(1)	/* TCP with options */
#define NETCX_L4_UDP		BIT(2)
#define NETCX_L4_ALL		GENMASK(2, 0)

/**
 * DOC: packet kinds
 *
 * Every offload's active state is a mask of packet kinds: the protocol
 * combinations it is currently performed for. Keywords switch kinds off one
 * by one (``*TCPChecksumOffloadIPv6=0`` clears %NETCX_TCP6 from the TX and
 * RX checksum offloads), the stack switches them off in groups (``ethtool
 * -K tx-checksum-ipv6 off`` clears every IPv6 kind of the TX checksum), and
 * the change callbacks of &struct netcx_adapter_ops report the result.
 */
#define NETCX_IPV4_HDR		BIT(0)	/* the IPv4 header checksum */
#define NETCX_TCP4		BIT(1)	/* TCP over IPv4 */
#define NETCX_UDP4		BIT(2)	/* UDP over IPv4 */
#define NETCX_TCP6		BIT(3)	/* TCP over IPv6 */
#define NETCX_UDP6		BIT(4)	/* UDP over IPv6 */
#define NETCX_TAG_PRIO		BIT(5)	/* 802.1Q priority tags (VLAN id 0) */
#define NETCX_TAG_VLAN		BIT(6)	/* 802.1Q VLAN tags */

#define NETCX_KINDS_V4		(NETCX_IPV4_HDR | NETCX_TCP4 | NETCX_UDP4)
#define NETCX_KINDS_V6		(NETCX_TCP6 | NETCX_UDP6)

/**
 * struct netcx_tx_csum_caps - transmit checksum capabilities
 * @l3: %NETCX_L3_* flags the engine handles.
 * @l4: %NETCX_L4_* flags the engine handles.
 * @generic: the engine checksums from ``csum_start`` to the end and stores
 *	the result at ``csum_start + csum_offset`` without parsing headers
 *	(like e1000); maps to %NETIF_F_HW_CSUM instead of the per-protocol
 *	%NETIF_F_IP_CSUM and %NETIF_F_IPV6_CSUM.
 * @l3_offset_limit: the longest layer-2 header (offset of the IP header) the
 *	hardware handles, in bytes; 0 means no limit.
 * @l4_offset_limit: the longest layer-2 plus layer-3 header (offset of the
 *	transport header) the hardware handles, in bytes; 0 means no limit.
 */
struct netcx_tx_csum_caps {
	u8 l3;
	u8 l4;
	bool generic;
	u16 l3_offset_limit;
	u16 l4_offset_limit;
};

/**
 * struct netcx_rx_csum_bits - one layer's checksum result in a status word
 * @checked: the status bits that say the hardware verified the layer's
 *	checksum (any of them set); 0: the layer is never reported.
 * @bad: the status bits that say the checksum it verified was wrong (any
 *	of them set, with a @checked bit); 0: a verified checksum is right.
 */
struct netcx_rx_csum_bits {
	u32 checked;
	u32 bad;
};

/**
 * struct netcx_rx_status_map - where a receive status word reports checksums
 * @ignore: the status bits that make every layer not checked (Intel's
 *	IXSM, "ignore checksum indication"); 0: none.
 * @ipv4: the IPv4 header checksum's bits; needs %NETCX_IPV4_HDR.
 * @tcp: the TCP checksum's bits, either IP version; needs %NETCX_TCP4 or
 *	%NETCX_TCP6.
 * @udp: the UDP checksum's bits; needs %NETCX_UDP4 or %NETCX_UDP6. A
 *	result bit shared with @tcp (hardware with one bit for both) is
 *	reported for both: netcx keeps the one whose kind is active.
 * @inner: the inner TCP/UDP checksum's bits, of an encapsulated packet
 *	(&netcx_rx_csum.inner); 0: never reported.
 * @inner_tcp: with an @inner checked bit, the bits that say the inner
 *	transport is TCP (else UDP).
 * @inner_ipv6: ... that the inner packet is IPv6 (else IPv4).
 * @inner_level: ... that a checksum the stack checks comes before the
 *	inner one: csum_level 1 (&netcx_rx_csum.inner_level), else 0.
 *
 * The status word's layout is the driver's: e1000cx passes the descriptor's
 * status byte with its errors byte shifted above it. See "DOC: receive
 * checksum" and netcx_rx_csum_status().
 */
struct netcx_rx_status_map {
	u32 ignore;
	struct netcx_rx_csum_bits ipv4;
	struct netcx_rx_csum_bits tcp;
	struct netcx_rx_csum_bits udp;
	struct netcx_rx_csum_bits inner;
	u32 inner_tcp;
	u32 inner_ipv6;
	u32 inner_level;
};

/**
 * struct netcx_rx_csum_caps - receive checksum capabilities
 * @kinds: what the hardware verifies, per layer and IP version:
 *	%NETCX_IPV4_HDR, %NETCX_TCP4, %NETCX_UDP4, %NETCX_TCP6, %NETCX_UDP6.
 * @complete: the hardware can also report the ones' complement sum of the
 *	whole packet (``CHECKSUM_COMPLETE``).
 * @status: for drivers that report with netcx_rx_csum_status(): which bits
 *	of their status word say what; all 0 for drivers that fill a
 *	&struct netcx_rx_csum themselves (netcx_rx_csum()).
 */
struct netcx_rx_csum_caps {
	u32 kinds;
	bool complete;
	struct netcx_rx_status_map status;
};

/**
 * struct netcx_gso_caps - segmentation offload capabilities (LSO or USO)
 * @l3: %NETCX_L3_* flags segmentation is done for.
 * @l4: %NETCX_L4_TCP (and %NETCX_L4_TCP_OPTS) for LSO, %NETCX_L4_UDP for USO.
 * @l4_offset_limit: the longest layer-2 plus layer-3 header, in bytes;
 *	0 means no limit.
 * @max_size: the largest packet the hardware segments, headers included, in
 *	bytes; must not be 0.
 * @min_segs: the fewest segments a packet must yield to be offloaded; must
 *	not be 0.
 * @max_segs: the most segments one packet may yield; 0 means the kernel's
 *	%GSO_MAX_SEGS.
 * @seed: ``NETCX_GSO_SEED_*`` flags: how the hardware wants the headers of
 *	a packet it segments to be seeded; 0 takes them as the stack leaves
 *	them. netcx_tx_prepare() rewrites them so, in a header of the
 *	packet's own (skb_cow_head()), for every packet it hands over with
 *	%NETCX_TXD_LSO or %NETCX_TXD_USO: the driver never writes into the
 *	packet.
 */
struct netcx_gso_caps {
	u8 l3;
	u8 l4;
	u16 l4_offset_limit;
	u32 max_size;
	u16 min_segs;
	u16 max_segs;
	u8 seed;
};

/**
 * netcx_gso_max_segs() - the segment count a declaration allows at most
 * @caps: LSO or USO capabilities.
 *
 * Return: @caps->max_segs, or for 0 the kernel's %GSO_MAX_SEGS (65535:
 * netcx's verifier checks that the two agree).
 */
static inline u32 netcx_gso_max_segs(const struct netcx_gso_caps *caps)
{
	return caps->max_segs ?: U16_MAX;
}

/**
 * DOC: segmentation seeds
 *
 * ``NETCX_GSO_SEED_*`` bits in &netcx_gso_caps.seed. The stack leaves the
 * transport checksum field of a GSO packet holding the pseudo-header sum
 * over the whole transport length, and the IPv4 header checksum valid for
 * the whole packet. Segmentation engines that add each segment's length
 * to the pseudo-header sum themselves, and sum the IPv4 header over the
 * field as they find it (Intel's 8254x, 8257x and later), want the
 * pseudo-header sum over a zero length (%NETCX_GSO_SEED_NO_LEN) and the
 * IPv4 header checksum field zeroed (%NETCX_GSO_SEED_IPV4_CSUM0).
 */
#define NETCX_GSO_SEED_NO_LEN		BIT(0)
#define NETCX_GSO_SEED_IPV4_CSUM0	BIT(1)
#define NETCX_GSO_SEED_ALL		GENMASK(1, 0)

/*
 * The most TCP segments RSC hardware coalesces into one frame when the
 * declaration says 0: the 64 of Broadcom's TPA (bnxt's MAX_TPA_SEGS_P5 is
 * 63), within the 64 KiB the IP length fields allow at any common MSS.
 */
#define NETCX_RSC_MAX_SEGS_DEFAULT	64

/**
 * struct netcx_rsc_caps - receive segment coalescing capabilities
 * @l3: %NETCX_L3_IPV4 and/or %NETCX_L3_IPV6 (without options or extension
 *	headers: RSC never coalesces those).
 * @tcp_timestamp: segments carrying only the TCP timestamp option are
 *	coalesced too.
 * @max_segs: the most TCP segments the hardware coalesces into one frame;
 *	0 means %NETCX_RSC_MAX_SEGS_DEFAULT, 1 is refused (nothing would be
 *	coalesced). netcx_rx_rsc() refuses a frame reported with more.
 *
 * A coalesced frame is never longer than its IP length field allows (64
 * KiB of IP packet): the hardware stops there whatever @max_segs says.
 */
struct netcx_rsc_caps {
	u8 l3;
	bool tcp_timestamp;
	u16 max_segs;
};

/**
 * netcx_rsc_max_segs() - the segment count RSC coalesces at most
 * @caps: RSC capabilities.
 *
 * Return: @caps->max_segs, or for 0 %NETCX_RSC_MAX_SEGS_DEFAULT.
 */
static inline u16 netcx_rsc_max_segs(const struct netcx_rsc_caps *caps)
{
	return caps->max_segs ?: NETCX_RSC_MAX_SEGS_DEFAULT;
}

/**
 * struct netcx_ieee8021q_caps - IEEE 802.1Q tagging capabilities
 * @kinds: %NETCX_TAG_PRIO (priority tags, VLAN id 0) and/or %NETCX_TAG_VLAN.
 *	The hardware inserts such tags on transmit and strips them on receive.
 */
struct netcx_ieee8021q_caps {
	u32 kinds;
};

/**
 * DOC: tunnel capabilities
 *
 * Encapsulated (tunnelled) packets: an outer Ethernet and IP header, the
 * encapsulation's own header, then an inner packet whose checksum the
 * hardware computes (%NETCX_OFFLOAD_TNL_CSUM) or which it segments
 * (%NETCX_OFFLOAD_TNL_GSO). Encapsulations are indexed by
 * &enum netcx_encap; their packet kinds say the encapsulation and the
 * outer IP version (``NETCX_TNL_*``), in the same masks as the other
 * kinds. The inner IP and transport headers are what the inner layer
 * flags of &struct netcx_tunnel_caps say, checked per packet.
 */

/**
 * enum netcx_encap - the encapsulations netcx offloads
 * @NETCX_ENCAP_VXLAN: VXLAN (RFC 7348), UDP to a port of the device's
 *	UDP tunnel port table, inner Ethernet frame.
 * @NETCX_ENCAP_GENEVE: GENEVE (RFC 8926), UDP to a port of the table,
 *	inner Ethernet frame, options in the GENEVE header.
 * @NETCX_ENCAP_GRE: GRE (RFC 2784/2890): gre, gretap, ip6gre, ip6gretap,
 *	NVGRE; inner IP packet or Ethernet frame.
 * @NETCX_ENCAP_IPXIP: IPv4 or IPv6 directly in IPv4 or IPv6 (ipip, sit,
 *	ip6tnl).
 * @NETCX_ENCAP_MAX: the number of encapsulations.
 */
enum netcx_encap {
	NETCX_ENCAP_VXLAN,
	NETCX_ENCAP_GENEVE,
	NETCX_ENCAP_GRE,
	NETCX_ENCAP_IPXIP,
	NETCX_ENCAP_MAX,
};

/*
 * Tunnel packet kinds: the encapsulation and the outer IP version. The two
 * "_CSUM" kinds are the segmentation of a packet whose outer UDP (VXLAN,
 * GENEVE) or GRE header carries a checksum, which every segment needs
 * fixed (%NETIF_F_GSO_UDP_TUNNEL_CSUM, %NETIF_F_GSO_GRE_CSUM).
 */
#define NETCX_TNL_VXLAN4	BIT(8)
#define NETCX_TNL_VXLAN6	BIT(9)
#define NETCX_TNL_GENEVE4	BIT(10)
#define NETCX_TNL_GENEVE6	BIT(11)
#define NETCX_TNL_GRE4		BIT(12)
#define NETCX_TNL_GRE6		BIT(13)
#define NETCX_TNL_IPXIP4	BIT(14)
#define NETCX_TNL_IPXIP6	BIT(15)
#define NETCX_TNL_UDP_CSUM	BIT(16)	/* segmentation: outer UDP checksum */
#define NETCX_TNL_GRE_CSUM	BIT(17)	/* segmentation: GRE checksum */

/* The tunnel kinds of encapsulation @e over outer IPv4, and over IPv6. */
#define NETCX_TNL_KIND4(e)	BIT(8 + 2 * (e))
#define NETCX_TNL_KIND6(e)	BIT(9 + 2 * (e))
#define NETCX_TNL_VXLAN		(NETCX_TNL_VXLAN4 | NETCX_TNL_VXLAN6)
#define NETCX_TNL_GENEVE	(NETCX_TNL_GENEVE4 | NETCX_TNL_GENEVE6)
#define NETCX_TNL_GRE		(NETCX_TNL_GRE4 | NETCX_TNL_GRE6)
#define NETCX_TNL_IPXIP		(NETCX_TNL_IPXIP4 | NETCX_TNL_IPXIP6)
#define NETCX_TNL_UDP		(NETCX_TNL_VXLAN | NETCX_TNL_GENEVE)
#define NETCX_TNL_OUTER4	(NETCX_TNL_VXLAN4 | NETCX_TNL_GENEVE4 | \
				 NETCX_TNL_GRE4 | NETCX_TNL_IPXIP4)
#define NETCX_TNL_OUTER6	(NETCX_TNL_VXLAN6 | NETCX_TNL_GENEVE6 | \
				 NETCX_TNL_GRE6 | NETCX_TNL_IPXIP6)
#define NETCX_TNL_KINDS		(NETCX_TNL_OUTER4 | NETCX_TNL_OUTER6)
#define NETCX_TNL_CSUMS		(NETCX_TNL_UDP_CSUM | NETCX_TNL_GRE_CSUM)

/* The UDP tunnel port tables a device may have, and their largest size. */
#define NETCX_TNL_PORT_TABLES	2
#define NETCX_TNL_PORTS_MAX	16

/**
 * struct netcx_tnl_port_table - one UDP tunnel port table of the hardware
 * @entries: the ports it holds; 0: no such table.
 * @encaps: BIT(%NETCX_ENCAP_VXLAN) and/or BIT(%NETCX_ENCAP_GENEVE): the
 *	encapsulations its ports may be for.
 */
struct netcx_tnl_port_table {
	u8 entries;
	u8 encaps;
};

/**
 * struct netcx_tunnel_caps - encapsulated packet offload capabilities
 * @outer: per &enum netcx_encap, the %NETCX_L3_* flags of the outer IP
 *	headers the hardware handles for it; 0: the encapsulation is not
 *	offloaded.
 * @inner_l3: %NETCX_L3_* flags of the inner IP header.
 * @inner_l4: %NETCX_L4_* flags of the inner transport header the hardware
 *	checksums; not 0 (the inner checksum is the base of every tunnel
 *	offload).
 * @inner_l3_offset_limit: the furthest the inner IP header may start,
 *	counted from the outer frame's first byte; 0 means no limit.
 * @inner_l4_offset_limit: the furthest the inner transport header may
 *	start, counted from the outer frame's first byte; 0 means no limit.
 *	Both limits hold for checksum and segmentation.
 * @gso_l4: the inner transports the hardware segments: %NETCX_L4_TCP (and
 *	%NETCX_L4_TCP_OPTS) and/or %NETCX_L4_UDP; 0: no tunnel segmentation.
 *	Sizes and segment counts are those of LSO (inner TCP) and USO (inner
 *	UDP), which must be declared.
 * @outer_csum: the hardware fixes the outer UDP checksum (VXLAN, GENEVE)
 *	and the GRE checksum of each segment. Without it netcx declares
 *	%NETIF_F_GSO_PARTIAL: the stack computes the outer checksum in
 *	software and hands over segments whose outer checksum stays valid.
 * @ports: the UDP tunnel port tables: VXLAN and GENEVE packets are
 *	offloaded only to ports the table holds, which netcx keeps from the
 *	kernel's udp_tunnel_nic and tells the driver
 *	(&netcx_adapter_ops.tunnel_port). Fill from the first.
 */
struct netcx_tunnel_caps {
	u8 outer[NETCX_ENCAP_MAX];
	u8 inner_l3;
	u8 inner_l4;
	u16 inner_l3_offset_limit;
	u16 inner_l4_offset_limit;
	u8 gso_l4;
	bool outer_csum;
	struct netcx_tnl_port_table ports[NETCX_TNL_PORT_TABLES];
};

#endif /* _NETCX_CAPS_H */
