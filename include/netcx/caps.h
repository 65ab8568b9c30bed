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

#endif /* _NETCX_CAPS_H */
