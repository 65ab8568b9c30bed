/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The receive coalescer (hw_rsc.c) and what it shares with the receive
 * engine (hw_rx.c). Private to the hardware model.
 */
#ifndef _NCSIM_HW_RSC_H
#define _NCSIM_HW_RSC_H

#include <linux/if_ether.h>
#include <linux/ipv6.h>

#include "hw.h"

/* The most header bytes the coalescer reads: Ethernet, IPv6, TCP options. */
#define NCSIM_HW_RSC_HDR	(ETH_HLEN + sizeof(struct ipv6hdr) + 60)

/**
 * struct ncsim_hw_rsc_seg - one frame as the coalescer reads it
 * @hdr: its first bytes, as they land in a buffer (a stripped tag out).
 * @out: its length there.
 * @tci: the tag stripped, with %NCSIM_RXD_STA_VP in @sta.
 * @sta: %NCSIM_RXD_STA_VP when a tag was stripped.
 * @tcp: TCP right after the Ethernet header, in IPv4 without options or
 *	fragments or IPv6 without extension headers, the IP length exact: a
 *	frame the coalescer may take; the fields below are set only then.
 * @v6: IPv6, else IPv4.
 * @l4: the offset of the TCP header.
 * @hlen: the length of the headers.
 * @plen: the payload bytes.
 */
struct ncsim_hw_rsc_seg {
	u8 hdr[NCSIM_HW_RSC_HDR];
	unsigned int out;
	u16 tci;
	u8 sta;
	bool tcp;
	bool v6;
	unsigned int l4;
	unsigned int hlen;
	unsigned int plen;
};

/* hw_rx.c */
void ncsim_hw_rx_count(struct ncsim_hw_rx *rx, enum ncsim_hw_rx_stat s,
		       unsigned long n);
int ncsim_hw_rx_copy(const struct ncsim_hw_frame *fr, bool strip,
		     unsigned int off, unsigned int n, u8 *to);

/* hw_rsc.c */
int ncsim_hw_rsc_receive(struct ncsim_hw_rx *rx,
			 const struct ncsim_hw_frame *fr,
			 struct ncsim_hw_rsc_seg *seg);
bool ncsim_hw_rsc_open(struct ncsim_hw_rx *rx, struct ncsim_rxd *d,
		       const struct ncsim_hw_rsc_seg *seg, u16 csum);
void ncsim_hw_rsc_close(struct ncsim_hw_rx *rx, enum ncsim_hw_rx_stat why);

#endif /* _NCSIM_HW_RSC_H */
