/* SPDX-License-Identifier: GPL-2.0 */
/*
 * e1000cx: the Intel 82540EM's registers and descriptors, as the 8254x
 * family's developer's manual describes them (only what the driver uses).
 */
#ifndef _E1000CX_REGS_H
#define _E1000CX_REGS_H

#include <linux/bits.h>
#include <linux/build_bug.h>
#include <linux/if_ether.h>
#include <linux/types.h>

/* Registers: offsets into BAR 0 */
#define E1000CX_CTRL		0x0000
#define E1000CX_STATUS		0x0008
#define E1000CX_EERD		0x0014
#define E1000CX_VET		0x0038
#define E1000CX_ICR		0x00c0
#define E1000CX_ITR		0x00c4
#define E1000CX_IMS		0x00d0
#define E1000CX_IMC		0x00d8
#define E1000CX_RCTL		0x0100
#define E1000CX_TCTL		0x0400
#define E1000CX_TIPG		0x0410
#define E1000CX_RDBAL		0x2800
#define E1000CX_RDBAH		0x2804
#define E1000CX_RDLEN		0x2808
#define E1000CX_RDH		0x2810
#define E1000CX_RDT		0x2818
#define E1000CX_RDTR		0x2820
#define E1000CX_RADV		0x282c
#define E1000CX_TDBAL		0x3800
#define E1000CX_TDBAH		0x3804
#define E1000CX_TDLEN		0x3808
#define E1000CX_TDH		0x3810
#define E1000CX_TDT		0x3818
#define E1000CX_TIDV		0x3820
#define E1000CX_TADV		0x382c
#define E1000CX_RXCSUM		0x5000
#define E1000CX_MTA(i)		(0x5200 + 4 * (i))
#define E1000CX_MTA_NUM		128
#define E1000CX_RAL0		0x5400
#define E1000CX_RAH0		0x5404
#define E1000CX_VFTA(i)		(0x5600 + 4 * (i))
#define E1000CX_VFTA_NUM	128

/* CTRL */
#define E1000CX_CTRL_FD		BIT(0)
#define E1000CX_CTRL_ASDE	BIT(5)
#define E1000CX_CTRL_SLU	BIT(6)
#define E1000CX_CTRL_RST	BIT(26)
#define E1000CX_CTRL_VME	BIT(30)	/* 802.1Q insertion (VLE) and stripping */

/* STATUS */
#define E1000CX_STATUS_FD	BIT(0)
#define E1000CX_STATUS_LU	BIT(1)
#define E1000CX_STATUS_SPEED	GENMASK(7, 6)

/* EERD: EEPROM read through a register (82540 layout) */
#define E1000CX_EERD_START	BIT(0)
#define E1000CX_EERD_DONE	BIT(4)
#define E1000CX_EERD_ADDR_SHIFT	8
#define E1000CX_EERD_DATA_SHIFT	16

/* Statistics registers: cleared when read */
#define E1000CX_MPC		0x4010	/* missed packets: receive FIFO full */
#define E1000CX_RNBC		0x40a0	/* receive no buffers: the ring empty */

/* ICR, IMS, IMC */
#define E1000CX_INT_TXDW	BIT(0)	/* a descriptor with RS written back */
#define E1000CX_INT_LSC		BIT(2)	/* link status change */
#define E1000CX_INT_RXSEQ	BIT(3)
#define E1000CX_INT_RXDMT0	BIT(4)	/* receive ring below its threshold */
#define E1000CX_INT_RXO		BIT(6)	/* receive overrun */
#define E1000CX_INT_RXT0	BIT(7)	/* receive timer */
#define E1000CX_INT_MASK	(E1000CX_INT_TXDW | E1000CX_INT_LSC | \
				 E1000CX_INT_RXSEQ | E1000CX_INT_RXDMT0 | \
				 E1000CX_INT_RXO | E1000CX_INT_RXT0)

/* RCTL */
#define E1000CX_RCTL_EN		BIT(1)
#define E1000CX_RCTL_UPE	BIT(3)	/* unicast promiscuous */
#define E1000CX_RCTL_MPE	BIT(4)	/* multicast promiscuous */
#define E1000CX_RCTL_LPE	BIT(5)	/* long packets: up to 16384 bytes */
#define E1000CX_RCTL_BAM	BIT(15)	/* broadcasts accepted */
#define E1000CX_RCTL_SZ_2048	(0 << 16)	/* without BSEX */
#define E1000CX_RCTL_BSEX	BIT(25)
#define E1000CX_RCTL_SECRC	BIT(26)	/* strip the Ethernet CRC */

/* TCTL, TIPG */
#define E1000CX_TCTL_EN		BIT(1)
#define E1000CX_TCTL_PSP	BIT(3)	/* pad short packets */
#define E1000CX_TCTL_CT		(0x0f << 4)	/* collision threshold */
#define E1000CX_TCTL_COLD	(0x40 << 12)	/* full-duplex collision distance */
#define E1000CX_TIPG_COPPER	(10 | (8 << 10) | (6 << 20))

/* RXCSUM */
#define E1000CX_RXCSUM_IPOFL	BIT(8)	/* IPv4 header checksum */
#define E1000CX_RXCSUM_TUOFL	BIT(9)	/* TCP/UDP checksum */

#define E1000CX_RAH_AV		BIT(31)

/*
 * Transmit descriptors (16 bytes): a legacy/data descriptor and a context
 * descriptor share the layout of their third word (lower.cmd below).
 */
struct e1000cx_tx_desc {
	__le64 addr;
	__le32 lower;	/* DTALEN 19:0, DTYP 23:20, DCMD 31:24 */
	__le32 upper;	/* STA 3:0, POPTS 15:8, SPECIAL 31:16 */
};

struct e1000cx_ctx_desc {
	u8 ipcss;	/* IP checksum start */
	u8 ipcso;	/* IP checksum offset */
	__le16 ipcse;	/* IP checksum end (inclusive), 0: to the end */
	u8 tucss;	/* TCP/UDP checksum start */
	u8 tucso;	/* TCP/UDP checksum offset */
	__le16 tucse;	/* TCP/UDP checksum end, 0: to the end */
	__le32 cmd_len;	/* PAYLEN 19:0, DTYP 23:20, TUCMD 31:24 */
	u8 status;
	u8 hdr_len;	/* TSE: bytes of headers repeated in every segment */
	__le16 mss;	/* TSE: payload bytes per segment */
};

/* Both fill one ring slot; a context is compared whole (memcmp()). */
static_assert(sizeof(struct e1000cx_tx_desc) == 16);
static_assert(sizeof(struct e1000cx_ctx_desc) == 16);

/* DCMD / TUCMD (in the third word) */
#define E1000CX_TXD_EOP		BIT(24)	/* data: end of packet */
#define E1000CX_TXD_TCP		BIT(24)	/* context: TCP (else UDP) */
#define E1000CX_TXD_IFCS	BIT(25)	/* data: insert the FCS */
#define E1000CX_TXD_IP		BIT(25)	/* context: IPv4 (else IPv6) */
#define E1000CX_TXD_TSE		BIT(26)	/* TCP segmentation */
#define E1000CX_TXD_RS		BIT(27)	/* report status (DD) */
#define E1000CX_TXD_DEXT	BIT(29)	/* extended: context or data */
#define E1000CX_TXD_VLE		BIT(30)	/* data: insert the 802.1Q tag */
#define E1000CX_TXD_DTYP_D	BIT(20)	/* data (else context) */
#define E1000CX_TXD_LEN_MASK	GENMASK(19, 0)
/* upper word */
#define E1000CX_TXD_STA_DD	BIT(0)
#define E1000CX_TXD_POPTS_IXSM	BIT(8)	/* insert the IPv4 header checksum */
#define E1000CX_TXD_POPTS_TXSM	BIT(9)	/* insert the TCP/UDP checksum */
#define E1000CX_TXD_SPECIAL_SHIFT 16

/* Limits of the context descriptor's one-byte fields and of TSE */
#define E1000CX_CTX_OFFSET_MAX	255	/* IPCSS, IPCSO, TUCSS, TUCSO, HDRLEN */
#define E1000CX_TSO_PAYLEN_MAX	E1000CX_TXD_LEN_MASK

/* Receive descriptor (legacy, 16 bytes) */
struct e1000cx_rx_desc {
	__le64 addr;
	__le16 length;
	__le16 csum;
	u8 status;
	u8 errors;
	__le16 special;
};

#define E1000CX_RXD_STA_DD	BIT(0)
#define E1000CX_RXD_STA_EOP	BIT(1)
#define E1000CX_RXD_STA_IXSM	BIT(2)	/* ignore the checksum indications */
#define E1000CX_RXD_STA_VP	BIT(3)	/* 802.1Q tag stripped into special */
#define E1000CX_RXD_STA_TCPCS	BIT(5)	/* TCP/UDP checksum computed */
#define E1000CX_RXD_STA_IPCS	BIT(6)	/* IPv4 header checksum computed */
#define E1000CX_RXD_ERR_CE	BIT(0)	/* CRC or alignment */
#define E1000CX_RXD_ERR_SE	BIT(1)	/* symbol */
#define E1000CX_RXD_ERR_SEQ	BIT(2)
#define E1000CX_RXD_ERR_CXE	BIT(4)	/* carrier extension */
#define E1000CX_RXD_ERR_TCPE	BIT(5)	/* TCP/UDP checksum wrong */
#define E1000CX_RXD_ERR_IPE	BIT(6)	/* IPv4 header checksum wrong */
#define E1000CX_RXD_ERR_RXE	BIT(7)
#define E1000CX_RXD_ERR_FRAME	(E1000CX_RXD_ERR_CE | E1000CX_RXD_ERR_SE | \
				 E1000CX_RXD_ERR_SEQ | E1000CX_RXD_ERR_CXE | \
				 E1000CX_RXD_ERR_RXE)

/* The 82540EM's largest frame, FCS included, and so its largest MTU */
#define E1000CX_MAX_FRAME	16128
#define E1000CX_MAX_MTU		(E1000CX_MAX_FRAME - ETH_HLEN - ETH_FCS_LEN)

#endif /* _E1000CX_REGS_H */
