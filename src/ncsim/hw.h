/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The simulated ncsim hardware: what the silicon can do, and its transmit
 * and receive engines. The model knows nothing of net_devices or of netcx's
 * code: the driver (netdev.c) and the KUnit suite drive it through the
 * rings of ring.h and the functions below.
 */
#ifndef _NCSIM_HW_H
#define _NCSIM_HW_H

#include <linux/ethtool.h>
#include <linux/u64_stats_sync.h>

#include <netcx/caps.h>

#include "ring.h"

/**
 * struct ncsim_hw_caps - what the silicon can offload
 * @tx_csum: transmit checksum engine; no flags: none.
 * @rx_csum: receive checksum verification; no kinds: none.
 * @lso: TCP segmentation engine; no layer-4 flag: none.
 * @uso: UDP segmentation engine; no layer-4 flag: none.
 * @rsc: receive coalescing: the kinds the coalescer can take, whether it
 *	takes the TCP timestamp option, the most segments it coalesces.
 * @tag: 802.1Q tag insertion and stripping; no kinds: none.
 * @tnl: encapsulated packets: inner checksums and tunnel segmentation on
 *	transmit, inner checksum verification on receive, the UDP tunnel
 *	port tables; no outer flags: none.
 * @max_mtu: the largest MTU the MAC handles.
 *
 * The driver declares exactly these to netcx; the engines enforce them.
 */
struct ncsim_hw_caps {
	struct netcx_tx_csum_caps tx_csum;
	struct netcx_rx_csum_caps rx_csum;
	struct netcx_gso_caps lso;
	struct netcx_gso_caps uso;
	struct netcx_rsc_caps rsc;
	struct netcx_ieee8021q_caps tag;
	struct netcx_tunnel_caps tnl;
	unsigned int max_mtu;
};

/**
 * struct ncsim_hw_tnl_ports - the UDP tunnel port tables of one port
 * @entry: per table and entry, 0 when empty, else the UDP port (host
 *	order) shifted left by 8 bits, ORed with its &enum netcx_encap + 1:
 *	one word, written whole by the driver (under RTNL) and read whole by
 *	the engines.
 *
 * Both engines of a port read its tables: the transmit engine recognises
 * the VXLAN and GENEVE packets it is asked to offload by them, the receive
 * engine the frames whose inner checksums it verifies.
 */
struct ncsim_hw_tnl_ports {
	u32 entry[NETCX_TNL_PORT_TABLES][NETCX_TNL_PORTS_MAX];
};

/**
 * enum ncsim_hw_tx_stat - transmit engine counters
 * @NCSIM_HW_TX_PACKETS: descriptors completed: executed, or dropped on
 *	request (%NCSIM_HW_TX_FAULT_DROPS).
 * @NCSIM_HW_TX_FRAMES: frames put on the wire.
 * @NCSIM_HW_TX_BYTES: their bytes.
 * @NCSIM_HW_TX_IP_CSUM: IPv4 header checksums inserted, segments included.
 * @NCSIM_HW_TX_L4_CSUM: TCP/UDP checksums inserted, segments included.
 * @NCSIM_HW_TX_LSO: packets segmented by the TCP engine.
 * @NCSIM_HW_TX_LSO_SEGS: segments it produced.
 * @NCSIM_HW_TX_USO: packets segmented by the UDP engine.
 * @NCSIM_HW_TX_USO_SEGS: segments it produced.
 * @NCSIM_HW_TX_TNL_CSUM: inner TCP/UDP checksums of encapsulated packets
 *	inserted, segments included.
 * @NCSIM_HW_TX_TNL_GSO: encapsulated packets segmented.
 * @NCSIM_HW_TX_TNL_GSO_SEGS: segments they produced.
 * @NCSIM_HW_TX_VLAN: 802.1Q tags inserted.
 * @NCSIM_HW_TX_MTU_DROPS: frames longer than the wire MTU, dropped.
 * @NCSIM_HW_TX_NO_CARRIER: frames sent with nobody at the other end.
 * @NCSIM_HW_TX_PAUSED: times the engine stopped for a PAUSE from the far end.
 * @NCSIM_HW_TX_VIOLATIONS: descriptors asking for an offload outside the
 *	capabilities, executed as the silicon fails.
 * @NCSIM_HW_TX_DESC_ERRORS: descriptors the device could not parse
 *	(offsets outside the packet), dropped.
 * @NCSIM_HW_TX_FAULT_DROPS: descriptors completed without a frame on the
 *	wire, on request (@fault_drop of &struct ncsim_hw_tx).
 * @NCSIM_HW_TX_NSTATS: the number of counters.
 */
enum ncsim_hw_tx_stat {
	NCSIM_HW_TX_PACKETS,
	NCSIM_HW_TX_FRAMES,
	NCSIM_HW_TX_BYTES,
	NCSIM_HW_TX_IP_CSUM,
	NCSIM_HW_TX_L4_CSUM,
	NCSIM_HW_TX_LSO,
	NCSIM_HW_TX_LSO_SEGS,
	NCSIM_HW_TX_USO,
	NCSIM_HW_TX_USO_SEGS,
	NCSIM_HW_TX_TNL_CSUM,
	NCSIM_HW_TX_TNL_GSO,
	NCSIM_HW_TX_TNL_GSO_SEGS,
	NCSIM_HW_TX_VLAN,
	NCSIM_HW_TX_MTU_DROPS,
	NCSIM_HW_TX_NO_CARRIER,
	NCSIM_HW_TX_PAUSED,
	NCSIM_HW_TX_VIOLATIONS,
	NCSIM_HW_TX_DESC_ERRORS,
	NCSIM_HW_TX_FAULT_DROPS,
	NCSIM_HW_TX_NSTATS,
};

/**
 * enum ncsim_hw_rx_stat - receive engine counters
 * @NCSIM_HW_RX_FRAMES: frames written to the ring (each segment of a
 *	coalesced frame counts).
 * @NCSIM_HW_RX_BYTES: their bytes.
 * @NCSIM_HW_RX_CSUM_OK: transport checksums verified good.
 * @NCSIM_HW_RX_CSUM_BAD: IPv4 header or transport checksums found wrong.
 * @NCSIM_HW_RX_TNL_CSUM_OK: inner transport checksums of encapsulated
 *	frames verified good.
 * @NCSIM_HW_RX_TNL_CSUM_BAD: inner IPv4 header, inner transport or GRE
 *	checksums of encapsulated frames found wrong.
 * @NCSIM_HW_RX_VLAN: 802.1Q tags stripped.
 * @NCSIM_HW_RX_RING_FULL: frames dropped for want of a posted buffer.
 * @NCSIM_HW_RX_OVERSIZE: frames longer than the posted buffer, dropped.
 * @NCSIM_HW_RX_RUNT: frames shorter than an Ethernet header, dropped.
 * @NCSIM_HW_RX_RSC_FRAMES: coalesced frames written (2 segments or more).
 * @NCSIM_HW_RX_RSC_SEGS: the segments they were built from.
 * @NCSIM_HW_RX_RSC_END_PASS: coalesces ended by the end of a receive pass.
 * @NCSIM_HW_RX_RSC_END_PSH: ended by a segment with PSH, included.
 * @NCSIM_HW_RX_RSC_END_SHORT: ended by a segment shorter than the MSS,
 *	included.
 * @NCSIM_HW_RX_RSC_END_MAX: ended at the most segments or 64 KiB of IP
 *	length.
 * @NCSIM_HW_RX_RSC_END_SEQ: ended by a segment of the flow out of sequence.
 * @NCSIM_HW_RX_RSC_END_ACK: by a segment with another ACK number.
 * @NCSIM_HW_RX_RSC_END_FLAGS: by one with flags beyond ACK and PSH, or no
 *	payload.
 * @NCSIM_HW_RX_RSC_END_OPTS: by one with other TCP options (or other
 *	timestamp values).
 * @NCSIM_HW_RX_RSC_END_IP: by one whose IP header differs beyond what
 *	coalescing allows (TOS, TTL, DF, ID not incremented; traffic class,
 *	flow label, hop limit).
 * @NCSIM_HW_RX_RSC_END_SIZE: by one with more payload than the MSS.
 * @NCSIM_HW_RX_RSC_END_CSUM: by one whose checksums were not verified good.
 * @NCSIM_HW_RX_RSC_END_FLOW: by a frame of another flow, or one the
 *	coalescer does not take.
 * @NCSIM_HW_RX_RSC_END_RING: for want of a posted buffer for the next
 *	segment.
 * @NCSIM_HW_RX_NSTATS: the number of counters.
 */
enum ncsim_hw_rx_stat {
	NCSIM_HW_RX_FRAMES,
	NCSIM_HW_RX_BYTES,
	NCSIM_HW_RX_CSUM_OK,
	NCSIM_HW_RX_CSUM_BAD,
	NCSIM_HW_RX_TNL_CSUM_OK,
	NCSIM_HW_RX_TNL_CSUM_BAD,
	NCSIM_HW_RX_VLAN,
	NCSIM_HW_RX_RING_FULL,
	NCSIM_HW_RX_OVERSIZE,
	NCSIM_HW_RX_RUNT,
	NCSIM_HW_RX_RSC_FRAMES,
	NCSIM_HW_RX_RSC_SEGS,
	NCSIM_HW_RX_RSC_END_PASS,
	NCSIM_HW_RX_RSC_END_PSH,
	NCSIM_HW_RX_RSC_END_SHORT,
	NCSIM_HW_RX_RSC_END_MAX,
	NCSIM_HW_RX_RSC_END_SEQ,
	NCSIM_HW_RX_RSC_END_ACK,
	NCSIM_HW_RX_RSC_END_FLAGS,
	NCSIM_HW_RX_RSC_END_OPTS,
	NCSIM_HW_RX_RSC_END_IP,
	NCSIM_HW_RX_RSC_END_SIZE,
	NCSIM_HW_RX_RSC_END_CSUM,
	NCSIM_HW_RX_RSC_END_FLOW,
	NCSIM_HW_RX_RSC_END_RING,
	NCSIM_HW_RX_NSTATS,
};

extern const char ncsim_hw_tx_stat_names[NCSIM_HW_TX_NSTATS][ETH_GSTRING_LEN];
extern const char ncsim_hw_rx_stat_names[NCSIM_HW_RX_NSTATS][ETH_GSTRING_LEN];

/**
 * struct ncsim_hw_frame - a frame on the wire, as the transmit engine
 *	sends it
 * @hdr: its first @hlen bytes, built by the transmit engine: at least its
 *	headers up to the 802.1Q tags (the whole frame when shorter).
 * @hlen: their length.
 * @pkt: where the other @plen bytes are: the packet's buffers, read by DMA
 *	as the frame goes out; unused when @plen is 0.
 * @off: their offset in @pkt.
 * @plen: their length.
 *
 * The wire is cut-through: the receive engine's DMA write takes the
 * payload straight from the packet's buffers, so a payload byte is copied
 * once between the two ends (the headers, which the engine rewrites per
 * frame, twice).
 */
struct ncsim_hw_frame {
	const u8 *hdr;
	unsigned int hlen;
	const struct sk_buff *pkt;
	unsigned int off;
	unsigned int plen;
};

/*
 * The wire: takes one frame the transmit engine produced. Returns 0, or
 * -ENOLINK when nobody is at the other end (counted as no carrier), or
 * -EFAULT when the payload could not be read from the packet (counted as a
 * descriptor error); any other error is the receiver's to count.
 */
typedef int (*ncsim_hw_wire_t)(void *priv, const struct ncsim_hw_frame *fr);

/*
 * 802.3x flow control: how many frames the far end takes now, or UINT_MAX
 * when it sends no PAUSE (flow control off, nobody there, or nothing it
 * could free by waiting).
 */
typedef unsigned int (*ncsim_hw_room_t)(void *priv);

/**
 * struct ncsim_hw_tx - the transmit engine of one port
 * @caps: what the silicon can do.
 * @ring: the transmit ring it executes.
 * @mtu: the wire MTU: frames longer than the Ethernet header, its 802.1Q
 *	tags and @mtu bytes are dropped. The driver writes it.
 * @wire: where frames go.
 * @room: flow control, or NULL for none.
 * @ports: the port's UDP tunnel port tables, or NULL for none.
 * @wire_priv: @wire's and @room's argument.
 * @paused: the engine stopped before a descriptor for want of @room; the
 *	far end calls ncsim_hw_tx_process() again when it has freed room.
 * @frame: the headers of the frame being built (a short frame whole).
 * @hdr: the headers of the packet being segmented.
 * @frame_size: the size of @frame and @hdr: the longest frame @max_mtu allows.
 * @burst: frames put on the wire in the current ncsim_hw_tx_process().
 * @fault_drop: fault injection: every Nth descriptor is completed without
 *	being executed (nothing on the wire); 0: none. The driver writes it.
 * @fault_n: the descriptors counted for @fault_drop.
 * @stats: &enum ncsim_hw_tx_stat counters, written by the engine only.
 * @syncp: guards @stats.
 */
struct ncsim_hw_tx {
	const struct ncsim_hw_caps *caps;
	struct ncsim_tx_ring ring;
	unsigned int mtu;
	ncsim_hw_wire_t wire;
	ncsim_hw_room_t room;
	const struct ncsim_hw_tnl_ports *ports;
	void *wire_priv;
	bool paused;
	u8 *frame;
	u8 *hdr;
	unsigned int frame_size;
	unsigned int burst;
	u32 fault_drop;
	u32 fault_n;
	u64_stats_t stats[NCSIM_HW_TX_NSTATS];
	struct u64_stats_sync syncp;
};

/**
 * struct ncsim_hw_rsc - the receive coalescer's context: one coalesce open
 * @segs: the segments in it; 0 when none is open.
 * @first: the ring index of its first descriptor, which holds the headers
 *	of the first segment, as received until the coalesce ends.
 * @mss: the payload bytes of the first segment.
 * @payload: the payload bytes of all its segments.
 * @sum: their sum, in order.
 * @next_seq: the sequence number the next segment must carry.
 * @l4: the offset of the TCP header in the first buffer.
 * @hlen: the length of the headers there.
 * @v6: IPv6, else IPv4.
 * @psh: the last segment had PSH.
 * @window: the last segment's window field, as on the wire.
 * @len: the first segment's frame length, for its descriptor.
 * @vlan: the tag stripped from it, for its descriptor.
 * @csum: its checksum results, for its descriptor.
 * @sta: its status bits but EOP (DD, VP), for its descriptor.
 *
 * The descriptors the coalesce holds (from @first, @segs of them) are
 * written back when it ends, at the end of the receive pass at the latest.
 */
struct ncsim_hw_rsc {
	u16 segs;
	u32 first;
	u16 mss;
	u32 payload;
	__wsum sum;
	u32 next_seq;
	u16 l4;
	u16 hlen;
	bool v6;
	bool psh;
	__be16 window;
	u16 len;
	u16 vlan;
	u16 csum;
	u8 sta;
};

/**
 * struct ncsim_hw_rx - the receive engine of one port
 * @caps: what the silicon can do.
 * @ring: the receive ring it fills.
 * @csum_kinds: register: the ``NETCX_*`` packet kinds whose checksums are
 *	verified (within @caps->rx_csum.kinds).
 * @strip_kinds: register: the ``NETCX_TAG_*`` kinds of 802.1Q tags
 *	stripped (within @caps->tag.kinds).
 * @rsc_kinds: register: the ``NETCX_TCP4``/``NETCX_TCP6`` kinds the
 *	coalescer takes (within @caps->rsc.l3).
 * @ports: the port's UDP tunnel port tables, or NULL for none.
 * @rsc: the coalescer's context, written by the engine only.
 * @stats: &enum ncsim_hw_rx_stat counters, written by the engine only.
 * @syncp: guards @stats.
 */
struct ncsim_hw_rx {
	const struct ncsim_hw_caps *caps;
	struct ncsim_rx_ring ring;
	u32 csum_kinds;
	u32 strip_kinds;
	u32 rsc_kinds;
	const struct ncsim_hw_tnl_ports *ports;
	struct ncsim_hw_rsc rsc;
	u64_stats_t stats[NCSIM_HW_RX_NSTATS];
	struct u64_stats_sync syncp;
};

int ncsim_hw_tx_init(struct ncsim_hw_tx *tx, const struct ncsim_hw_caps *caps,
		     unsigned int ring_size, ncsim_hw_wire_t wire,
		     ncsim_hw_room_t room, void *priv);
void ncsim_hw_tx_uninit(struct ncsim_hw_tx *tx);
void ncsim_hw_tx_reset(struct ncsim_hw_tx *tx);
unsigned int ncsim_hw_tx_process(struct ncsim_hw_tx *tx, unsigned int budget);
bool ncsim_hw_tx_pending(const struct ncsim_hw_tx *tx);
void ncsim_hw_tx_read_stats(const struct ncsim_hw_tx *tx, u64 *vals);

int ncsim_hw_rx_init(struct ncsim_hw_rx *rx, const struct ncsim_hw_caps *caps,
		     unsigned int ring_size);
void ncsim_hw_rx_uninit(struct ncsim_hw_rx *rx);
void ncsim_hw_rx_reset(struct ncsim_hw_rx *rx);
int ncsim_hw_rx_gather(struct ncsim_hw_rx *rx, const struct ncsim_hw_frame *fr);
int ncsim_hw_rx_frame(struct ncsim_hw_rx *rx, const u8 *frame,
		      unsigned int len);
bool ncsim_hw_rx_flush(struct ncsim_hw_rx *rx);
int ncsim_hw_wire_corrupt(u8 *f, unsigned int len);
void ncsim_hw_rx_read_stats(const struct ncsim_hw_rx *rx, u64 *vals);

void ncsim_hw_tnl_port_set(struct ncsim_hw_tnl_ports *t, unsigned int table,
			   unsigned int entry, __be16 port,
			   enum netcx_encap encap);
int ncsim_hw_tnl_port_find(const struct ncsim_hw_tnl_ports *t, u16 port);

/* hw_tx.c, for the tunnel engine (hw_tnl.c) */
void ncsim_hw_tx_count(struct ncsim_hw_tx *tx, enum ncsim_hw_tx_stat s,
		       unsigned long n);
int ncsim_hw_dma_read(const struct ncsim_txd *d, unsigned int off, void *to,
		      unsigned int len);
__wsum ncsim_hw_frame_sum(const struct ncsim_hw_frame *fr, unsigned int from);
bool ncsim_hw_tx_fits(const struct ncsim_hw_tx *tx, const u8 *h,
		      unsigned int avail, unsigned int len, bool vle);
bool ncsim_hw_seg_start(struct ncsim_hw_tx *tx, const struct ncsim_txd *d,
			unsigned int *segs);
int ncsim_hw_tx_emit(struct ncsim_hw_tx *tx, struct ncsim_hw_frame *fr, u8 *f,
		     bool vle, u16 tci);

/* hw_tnl.c */
bool ncsim_hw_tnl_exec(struct ncsim_hw_tx *tx, const struct ncsim_txd *d,
		       u16 cmd);

#endif /* _NCSIM_HW_H */
