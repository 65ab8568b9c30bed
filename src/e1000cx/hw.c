// SPDX-License-Identifier: GPL-2.0
/*
 * e1000cx hardware: reset, the MAC address (EEPROM through EERD, else the
 * receive address the firmware left in RAL0/RAH0), the link, and the
 * registers the rings and offloads leave alone: interrupts, receive
 * filters, CTRL.VME and RXCSUM.
 */
#include <linux/delay.h>
#include <linux/etherdevice.h>
#include <linux/iopoll.h>

#include <netcx/netcx.h>

#include "e1000cx.h"

/**
 * e1000cx_hw_irq_disable() - mask every interrupt and clear what is pending
 * @e: the adapter.
 */
void e1000cx_hw_irq_disable(struct e1000cx *e)
{
	e1000cx_wr(e, E1000CX_IMC, ~0u);
	e1000cx_flush(e);
}

/**
 * e1000cx_hw_irq_enable() - unmask the interrupts the driver handles
 * @e: the adapter.
 */
void e1000cx_hw_irq_enable(struct e1000cx *e)
{
	e1000cx_wr(e, E1000CX_IMS, E1000CX_INT_MASK);
	e1000cx_flush(e);
}

/**
 * e1000cx_hw_reset() - a global reset: every register to its default
 * @e: the adapter.
 *
 * Receive and transmit are stopped and their rings forgotten; the EEPROM
 * is loaded again (the MAC address into RAL0/RAH0).
 *
 * Return: 0, or -ETIMEDOUT when the device never leaves reset.
 */
int e1000cx_hw_reset(struct e1000cx *e)
{
	u32 ctrl;
	int err;

	e1000cx_hw_irq_disable(e);
	e1000cx_wr(e, E1000CX_RCTL, 0);
	e1000cx_wr(e, E1000CX_TCTL, E1000CX_TCTL_PSP);
	e1000cx_flush(e);
	/* pending DMA completes before the reset (the manual's 10 ms) */
	usleep_range(10000, 20000);

	e1000cx_wr(e, E1000CX_CTRL, e1000cx_rd(e, E1000CX_CTRL) | E1000CX_CTRL_RST);
	/* the EEPROM reload takes a few ms; the bit clears itself */
	usleep_range(5000, 10000);
	err = readl_poll_timeout(e->hw + E1000CX_CTRL, ctrl,
				 !(ctrl & E1000CX_CTRL_RST), 1000, 100000);
	e1000cx_hw_irq_disable(e);
	e1000cx_rd(e, E1000CX_ICR);
	return err;
}

static int e1000cx_eeprom_read(struct e1000cx *e, u8 addr, u16 *word)
{
	u32 v;
	int err;

	e1000cx_wr(e, E1000CX_EERD,
		   E1000CX_EERD_START | ((u32)addr << E1000CX_EERD_ADDR_SHIFT));
	err = readl_poll_timeout(e->hw + E1000CX_EERD, v,
				 v & E1000CX_EERD_DONE, 5, 10000);
	if (err)
		return err;
	*word = v >> E1000CX_EERD_DATA_SHIFT;
	return 0;
}

/**
 * e1000cx_hw_read_mac() - the adapter's permanent MAC address
 * @e: the adapter, after reset.
 * @mac: ETH_ALEN bytes.
 *
 * Words 0-2 of the EEPROM, read through EERD; failing that, what the
 * EEPROM load left in RAL0/RAH0.
 *
 * Return: 0, or -EADDRNOTAVAIL when neither holds a valid address.
 */
int e1000cx_hw_read_mac(struct e1000cx *e, u8 *mac)
{
	u32 ral, rah;
	u16 w;
	int i;

	for (i = 0; i < 3; i++) {
		if (e1000cx_eeprom_read(e, i, &w))
			break;
		mac[2 * i] = w & 0xff;
		mac[2 * i + 1] = w >> 8;
	}
	if (i == 3 && is_valid_ether_addr(mac))
		return 0;

	ral = e1000cx_rd(e, E1000CX_RAL0);
	rah = e1000cx_rd(e, E1000CX_RAH0);
	mac[0] = ral;
	mac[1] = ral >> 8;
	mac[2] = ral >> 16;
	mac[3] = ral >> 24;
	mac[4] = rah;
	mac[5] = rah >> 8;
	if ((rah & E1000CX_RAH_AV) && is_valid_ether_addr(mac))
		return 0;
	return -EADDRNOTAVAIL;
}

/**
 * e1000cx_hw_set_mac() - the address the receive filter accepts
 * @e: the adapter.
 * @mac: the address.
 */
void e1000cx_hw_set_mac(struct e1000cx *e, const u8 *mac)
{
	e1000cx_wr(e, E1000CX_RAL0, mac[0] | mac[1] << 8 | mac[2] << 16 |
				    (u32)mac[3] << 24);
	e1000cx_wr(e, E1000CX_RAH0, mac[4] | mac[5] << 8 | E1000CX_RAH_AV);
	e1000cx_flush(e);
}

/**
 * e1000cx_hw_set_rx_mode() - the receive filters from the device's flags
 * @e: the adapter.
 *
 * Unicast: RAL0 only, or everything when promiscuous. Multicast: no hash
 * filter is programmed; multicast is accepted whole (MPE) whenever any
 * multicast address is wanted, which IPv6 always does.
 */
void e1000cx_hw_set_rx_mode(struct e1000cx *e)
{
	struct net_device *dev = e->dev;
	u32 rctl = e->rctl & ~(E1000CX_RCTL_UPE | E1000CX_RCTL_MPE);

	if (dev->flags & IFF_PROMISC)
		rctl |= E1000CX_RCTL_UPE | E1000CX_RCTL_MPE;
	else if ((dev->flags & IFF_ALLMULTI) || !netdev_mc_empty(dev))
		rctl |= E1000CX_RCTL_MPE;
	e->rctl = rctl;
	e1000cx_wr(e, E1000CX_RCTL, rctl);
}

/**
 * e1000cx_hw_set_vme() - CTRL.VME from the 802.1Q offloads
 * @e: the adapter.
 *
 * One bit makes the device both insert tags (VLE) and strip them: it is
 * on while either offload is. Tags stripped while stripping is off are
 * put back into the frame on receive (rx.c).
 */
void e1000cx_hw_set_vme(struct e1000cx *e)
{
	u32 ctrl = e1000cx_rd(e, E1000CX_CTRL);

	if (netcx_active(e->ad, NETCX_OFFLOAD_VLAN_RX) ||
	    netcx_active(e->ad, NETCX_OFFLOAD_VLAN_TX))
		ctrl |= E1000CX_CTRL_VME;
	else
		ctrl &= ~E1000CX_CTRL_VME;
	e1000cx_wr(e, E1000CX_CTRL, ctrl);
	e1000cx_flush(e);
}

/**
 * e1000cx_hw_set_rxcsum() - RXCSUM from the active receive checksum kinds
 * @e: the adapter.
 *
 * The kinds are netcx_active()'s: in a change callback, those being
 * applied.
 */
void e1000cx_hw_set_rxcsum(struct e1000cx *e)
{
	u32 kinds = netcx_active(e->ad, NETCX_OFFLOAD_RX_CSUM), v = 0;

	if (kinds & NETCX_IPV4_HDR)
		v |= E1000CX_RXCSUM_IPOFL;
	if (kinds & (NETCX_TCP4 | NETCX_UDP4))
		v |= E1000CX_RXCSUM_TUOFL;
	e1000cx_wr(e, E1000CX_RXCSUM, v);
	e1000cx_flush(e);
}

/**
 * e1000cx_hw_init() - the registers of a device coming up, rings aside
 * @e: the adapter, after reset.
 *
 * Link up (auto-speed), the MAC address, no VLAN filter, 802.1Q tag type,
 * interrupt moderation, receive checksum and VLAN mode as netcx left them.
 */
void e1000cx_hw_init(struct e1000cx *e)
{
	int i;

	e1000cx_wr(e, E1000CX_CTRL, (e1000cx_rd(e, E1000CX_CTRL) &
				     ~E1000CX_CTRL_VME) |
		   E1000CX_CTRL_SLU | E1000CX_CTRL_ASDE);
	e1000cx_hw_set_mac(e, e->dev->dev_addr);
	for (i = 1; i < 16; i++) {
		e1000cx_wr(e, E1000CX_RAL0 + 8 * i, 0);
		e1000cx_wr(e, E1000CX_RAH0 + 8 * i, 0);
	}
	for (i = 0; i < E1000CX_MTA_NUM; i++)
		e1000cx_wr(e, E1000CX_MTA(i), 0);
	for (i = 0; i < E1000CX_VFTA_NUM; i++)
		e1000cx_wr(e, E1000CX_VFTA(i), 0);
	e1000cx_wr(e, E1000CX_VET, ETH_P_8021Q);
	/* at most one interrupt per 50 us (ITR counts 256 ns) */
	e1000cx_wr(e, E1000CX_ITR, 195);
	e1000cx_hw_set_rxcsum(e);
	e1000cx_hw_set_vme(e);
}

/**
 * e1000cx_hw_link_up() - STATUS.LU
 * @e: the adapter.
 *
 * Return: true when the link is up.
 */
bool e1000cx_hw_link_up(struct e1000cx *e)
{
	return e1000cx_rd(e, E1000CX_STATUS) & E1000CX_STATUS_LU;
}

/**
 * e1000cx_hw_count_missed() - frames the device could not take, counted
 * @e: the adapter; NAPI context, after a receive overrun (ICR.RXO).
 *
 * MPC (the receive FIFO full: frames lost) and RNBC (no free descriptor
 * when a frame came: it waited in the FIFO, or was lost and counted in
 * MPC too) clear when read: read on an overrun, not on every poll, and
 * added to rx_missed and rx_no_buffer. A device gone (all ones) adds
 * nothing.
 */
void e1000cx_hw_count_missed(struct e1000cx *e)
{
	u32 mpc = e1000cx_rd(e, E1000CX_MPC);
	u32 rnbc = e1000cx_rd(e, E1000CX_RNBC);

	if (mpc == ~0u || rnbc == ~0u)
		return;
	e1000cx_count(e, E1000CX_RX_MISSED, mpc);
	e1000cx_count(e, E1000CX_RX_NO_BUFFER, rnbc);
}

/**
 * e1000cx_hw_link_report() - carrier from STATUS.LU, after an LSC
 * @e: the adapter.
 */
void e1000cx_hw_link_report(struct e1000cx *e)
{
	bool up = e1000cx_hw_link_up(e);

	if (up == netif_carrier_ok(e->dev))
		return;
	if (up) {
		netif_carrier_on(e->dev);
		netdev_info(e->dev, "link up\n");
	} else {
		netif_carrier_off(e->dev);
		netdev_info(e->dev, "link down\n");
	}
}
