/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ncsim descriptor rings: the memory the driver and the simulated device
 * share, in the device's own format.
 *
 * The driver fills descriptors and then moves the ring's tail (the
 * doorbell) with a release store; the device works up to the tail, writes
 * its results back into each descriptor and sets the descriptor's DD bit
 * with a release store, then moves the head. Indices are free-running u32
 * counters masked by the ring size, a power of 2.
 */
#ifndef _NCSIM_RING_H
#define _NCSIM_RING_H

#include <linux/bits.h>
#include <linux/types.h>

struct sk_buff;

/**
 * DOC: transmit descriptor
 *
 * One &struct ncsim_txd per packet. ``cmd`` says what the device does:
 *
 * - ``IPCS``: insert the IPv4 header checksum (header at ``maclen``).
 * - ``L4CS``: insert the transport checksum. The protocol-aware engine
 *   takes the IP header at ``maclen`` and the TCP or UDP header at
 *   ``l4_off`` (the ``TCP``/``UDP`` bits) and computes the pseudo-header
 *   itself; the generic engine sums from ``l4_off`` (CSS) to the end, the
 *   field's contents included, and stores at ``l4_off + cso`` (CSO).
 * - ``TSE``/``USE``: segment TCP/UDP: ``hdr_len`` bytes of headers copied
 *   into every segment, ``mss`` bytes of payload each, every header and
 *   checksum fixed per segment.
 * - ``VLE``: insert an 802.1Q tag with TCI ``vlan`` after the MAC
 *   addresses; offsets in the descriptor do not count it.
 * - ``IP6``: the IP header is IPv6 (else IPv4).
 * - ``TNL``: an encapsulated packet of encapsulation ``tnl`` - 1
 *   (&enum netcx_encap), its outer IP header at ``maclen``, its outer
 *   UDP, GRE or inner IP header at ``l4_off``, its inner IP header at
 *   ``il3_off`` and inner transport header at ``il4_off``: ``IPCS``,
 *   ``L4CS``, ``TSE``, ``USE``, ``TCP`` and ``UDP`` then name the inner
 *   headers (``cso`` counts from ``il4_off``), ``IIP6`` says the inner IP
 *   header is IPv6; ``OIPCS`` inserts the outer IPv4 header checksum and
 *   ``OCS`` the outer UDP or GRE checksum, of every segment with
 *   ``TSE``/``USE`` (see hw_tnl.c).
 *
 * A descriptor asking for what the device cannot do is executed as the
 * silicon would (see hw_tx.c) and counted as a capability violation.
 */
#define NCSIM_TXD_CMD_IPCS	BIT(0)
#define NCSIM_TXD_CMD_L4CS	BIT(1)
#define NCSIM_TXD_CMD_TSE	BIT(2)
#define NCSIM_TXD_CMD_USE	BIT(3)
#define NCSIM_TXD_CMD_VLE	BIT(4)
#define NCSIM_TXD_CMD_IP6	BIT(5)
#define NCSIM_TXD_CMD_TCP	BIT(6)
#define NCSIM_TXD_CMD_UDP	BIT(7)
#define NCSIM_TXD_CMD_TNL	BIT(8)
#define NCSIM_TXD_CMD_IIP6	BIT(9)
#define NCSIM_TXD_CMD_OCS	BIT(10)
#define NCSIM_TXD_CMD_OIPCS	BIT(11)

#define NCSIM_TXD_STA_DD	BIT(0)	/* descriptor done */

/**
 * struct ncsim_txd - a transmit descriptor
 * @buf: the packet's buffers; the device gathers @len bytes from them by
 *	DMA (skb_copy_bits() stands in), paged or linear.
 * @len: the packet's length, headers included.
 * @cmd: ``NCSIM_TXD_CMD_*`` bits.
 * @maclen: bytes before the IP header.
 * @l4_off: bytes before the transport header (CSS for the generic engine).
 * @cso: generic engine: where the checksum goes, from @l4_off.
 * @hdr_len: TSE/USE: header bytes repeated in every segment.
 * @mss: TSE/USE: payload bytes per segment.
 * @vlan: VLE: the tag control information to insert.
 * @sta: written back by the device: %NCSIM_TXD_STA_DD.
 * @tnl: TNL: &enum netcx_encap + 1.
 * @il3_off: TNL: bytes before the inner IP header.
 * @il4_off: TNL: bytes before the inner transport header (CSS for the
 *	generic engine).
 */
struct ncsim_txd {
	const struct sk_buff *buf;
	u32 len;
	u16 cmd;
	u16 maclen;
	u16 l4_off;
	u16 cso;
	u16 hdr_len;
	u16 mss;
	u16 vlan;
	u16 sta;
	u8 tnl;
	u16 il3_off;
	u16 il4_off;
};

/**
 * struct ncsim_tx_ring - a transmit ring
 * @desc: the descriptors.
 * @mask: their number minus one.
 * @tail: written by the driver: descriptors posted.
 * @head: written by the device: descriptors done.
 */
struct ncsim_tx_ring {
	struct ncsim_txd *desc;
	u32 mask;
	u32 tail;
	u32 head;
};

/**
 * DOC: receive descriptor
 *
 * The driver posts an empty buffer in each &struct ncsim_rxd (``addr``,
 * ``buf_len``, ``sta`` clear) and moves the tail. For each frame the device
 * writes the frame into the next buffer, then ``len``, ``vlan``, ``csum``
 * and last ``sta``. ``csum`` holds per-layer results: ``IPCS`` the IPv4
 * header checksum was verified, ``IPE`` and found wrong; ``TCPCS`` or
 * ``UDPCS`` the transport checksum was verified, ``L4E`` and found wrong.
 *
 * A frame the receive coalescer (RSC) built from ``rsc_segs`` segments
 * spans that many descriptors, one after the other: the first holds the
 * headers and the first segment's payload and carries ``rsc_segs``,
 * ``rsc_mss``, ``vlan`` and ``csum``; each of the others holds the payload
 * of one more segment (``len`` bytes from ``addr``). ``EOP`` marks the last
 * descriptor of every frame (a frame alone has it in its only one). The
 * device writes the other descriptors of a frame before the ``sta`` of its
 * first: a driver that sees DD there sees the whole chain.
 */
#define NCSIM_RXD_CS_IPCS	BIT(0)
#define NCSIM_RXD_CS_IPE	BIT(1)
#define NCSIM_RXD_CS_TCPCS	BIT(2)
#define NCSIM_RXD_CS_UDPCS	BIT(3)
#define NCSIM_RXD_CS_L4E	BIT(4)
#define NCSIM_RXD_CS_ITCPCS	BIT(5)
#define NCSIM_RXD_CS_IUDPCS	BIT(6)
#define NCSIM_RXD_CS_IL4E	BIT(7)
#define NCSIM_RXD_CS_IIP6	BIT(8)
#define NCSIM_RXD_CS_ILVL	BIT(9)

#define NCSIM_RXD_STA_DD	BIT(0)	/* descriptor done */
#define NCSIM_RXD_STA_VP	BIT(1)	/* an 802.1Q tag was stripped into vlan */
#define NCSIM_RXD_STA_EOP	BIT(2)	/* the last descriptor of a frame */

/**
 * struct ncsim_rxd - a receive descriptor
 * @addr: the buffer the driver posted.
 * @buf_len: its size in bytes.
 * @len: written back: the frame's length in @addr.
 * @vlan: written back with %NCSIM_RXD_STA_VP: the stripped tag's TCI.
 * @csum: written back: ``NCSIM_RXD_CS_*`` bits.
 * @sta: written back last: ``NCSIM_RXD_STA_*`` bits.
 * @rsc_segs: written back in the first descriptor of a coalesced frame:
 *	the segments it was built from (2 or more); 0 for a frame alone.
 * @rsc_mss: written back with @rsc_segs: the payload bytes of its first
 *	segment, which none of the others exceeds.
 */
struct ncsim_rxd {
	void *addr;
	u16 buf_len;
	u16 len;
	u16 vlan;
	u16 csum;
	u8 sta;
	u16 rsc_segs;
	u16 rsc_mss;
};

/**
 * struct ncsim_rx_ring - a receive ring
 * @desc: the descriptors.
 * @mask: their number minus one.
 * @tail: written by the driver: buffers posted.
 * @head: written by the device: buffers filled.
 */
struct ncsim_rx_ring {
	struct ncsim_rxd *desc;
	u32 mask;
	u32 tail;
	u32 head;
};

#endif /* _NCSIM_RING_H */
