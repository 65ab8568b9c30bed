// SPDX-License-Identifier: GPL-2.0
/*
 * e1000cx: the module, the PCI driver and the net_device.
 *
 * A netcx client for the Intel 82540EM (8086:100e), the NIC QEMU, VirtualBox
 * and VMware emulate by default. Probe maps BAR 0, resets the device, reads
 * its MAC address, declares its offloads to netcx and registers the
 * net_device; open allocates the rings and the interrupt (MSI where the
 * function offers it, else INTx) and brings the link up. The in-tree e1000
 * drives the same device ID: bind this driver to one function through
 * /sys/bus/pci/devices/ADDR/driver_override.
 */
#include <linux/etherdevice.h>
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/pci.h>

#include <compat/compat.h>
#include <netcx/netcx.h>

#include "e1000cx.h"

static char *keywords = "";
module_param(keywords, charp, 0444);
MODULE_PARM_DESC(keywords,
		 "netcx keywords, e.g. \"*LsoV2IPv4=0,*TCPChecksumOffloadIPv4=2\"");

const char e1000cx_stat_names[E1000CX_NSTATS][ETH_GSTRING_LEN] = {
	[E1000CX_RX_PACKETS]		= "rx_packets",
	[E1000CX_RX_BYTES]		= "rx_bytes",
	[E1000CX_RX_FRAME_ERRORS]	= "rx_frame_errors",
	[E1000CX_RX_ALLOC_FAIL]		= "rx_alloc_fail",
	[E1000CX_RX_MISSED]		= "rx_missed",
	[E1000CX_RX_NO_BUFFER]		= "rx_no_buffer",
	[E1000CX_TX_PACKETS]		= "tx_packets",
	[E1000CX_TX_BYTES]		= "tx_bytes",
	[E1000CX_TX_CONTEXTS]		= "tx_context_descs",
	[E1000CX_TX_RING_FULL]		= "tx_ring_full",
	[E1000CX_TX_MAP_ERRORS]		= "tx_map_errors",
	[E1000CX_TX_DESC_LIMIT]		= "tx_desc_limit",
	[E1000CX_TX_STOPS]		= "tx_queue_stops",
};

/**
 * e1000cx_read_stats() - read the driver's counters
 * @e: the adapter.
 * @vals: room for %E1000CX_NSTATS values.
 */
void e1000cx_read_stats(struct e1000cx *e, u64 *vals)
{
	unsigned int start, i;

	do {
		start = u64_stats_fetch_begin(&e->rx_syncp);
		for (i = 0; i < E1000CX_NAPI_STATS; i++)
			vals[i] = u64_stats_read(&e->stats[i]);
	} while (u64_stats_fetch_retry(&e->rx_syncp, start));
	do {
		start = u64_stats_fetch_begin(&e->tx_syncp);
		for (i = E1000CX_NAPI_STATS; i < E1000CX_NSTATS; i++)
			vals[i] = u64_stats_read(&e->stats[i]);
	} while (u64_stats_fetch_retry(&e->tx_syncp, start));
}

static irqreturn_t e1000cx_intr(int irq, void *data)
{
	struct e1000cx *e = data;
	u32 icr;

	/* reading ICR clears it (and deasserts INTx) */
	icr = e1000cx_rd(e, E1000CX_ICR);
	if (!icr || icr == ~0u)
		return IRQ_NONE;	/* a shared line, or the device gone */
	if (icr & E1000CX_INT_LSC)
		e1000cx_hw_link_report(e);
	if (icr & E1000CX_INT_RXO)
		set_bit(E1000CX_FLAG_RXO, &e->flags);
	/* masked until NAPI has reaped both rings */
	e1000cx_wr(e, E1000CX_IMC, ~0u);
	napi_schedule(&e->napi);
	return IRQ_HANDLED;
}

static int e1000cx_poll(struct napi_struct *napi, int budget)
{
	struct e1000cx *e = container_of(napi, struct e1000cx, napi);
	int done = 0;

	e1000cx_tx_clean(e, budget);
	if (test_and_clear_bit(E1000CX_FLAG_RXO, &e->flags))
		e1000cx_hw_count_missed(e);
	if (budget)
		done = e1000cx_rx(e, budget);
	if (done == budget)
		return budget;
	if (napi_complete_done(napi, done))
		e1000cx_hw_irq_enable(e);
	return done;
}

/**
 * e1000cx_up() - bring the device up: rings, registers, interrupt, NAPI
 * @e: the adapter, down; RTNL held.
 *
 * Return: 0 or an errno (nothing left allocated).
 */
int e1000cx_up(struct e1000cx *e)
{
	struct pci_dev *pdev = e->pdev;
	int err;

	err = e1000cx_tx_alloc(e, e->tx_count_req);
	if (err)
		return err;
	err = e1000cx_rx_alloc(e, e->rx_count_req);
	if (err)
		goto err_free_tx;
	err = e1000cx_hw_reset(e);
	if (err)
		goto err_free_rx;
	err = request_irq(e->irq, e1000cx_intr,
			  pdev->msi_enabled ? 0 : IRQF_SHARED, e->dev->name, e);
	if (err)
		goto err_free_rx;

	e1000cx_hw_init(e);
	e1000cx_tx_start(e);
	e1000cx_rx_start(e);
	napi_enable(&e->napi);
	netif_carrier_off(e->dev);
	e1000cx_hw_irq_enable(e);
	/* no LSC comes for a link already up */
	e1000cx_hw_link_report(e);
	netif_start_queue(e->dev);
	return 0;

err_free_rx:
	e1000cx_rx_free(e);
err_free_tx:
	e1000cx_tx_free(e);
	return err;
}

/**
 * e1000cx_down() - take the device down, in the reverse order of up
 * @e: the adapter, up; RTNL held.
 */
void e1000cx_down(struct e1000cx *e)
{
	/*
	 * NAPI first: its transmit completion wakes the queue, and a poll
	 * between netif_tx_disable() and the rings' end would let
	 * ndo_start_xmit() post to a ring being freed. Then the interrupt
	 * (a poll re-enables it as it completes), then the queue.
	 */
	napi_disable(&e->napi);
	e1000cx_hw_irq_disable(e);
	synchronize_irq(e->irq);
	netif_tx_disable(e->dev);
	netif_carrier_off(e->dev);
	/* receive and transmit stop; DMA in flight completes */
	e->rctl = 0;
	e1000cx_wr(e, E1000CX_RCTL, 0);
	e1000cx_wr(e, E1000CX_TCTL, E1000CX_TCTL_PSP);
	e1000cx_flush(e);
	usleep_range(10000, 20000);
	free_irq(e->irq, e);
	e1000cx_hw_reset(e);
	e1000cx_rx_drain(e);
	e1000cx_tx_drain(e);
	e1000cx_rx_free(e);
	e1000cx_tx_free(e);
}

static int e1000cx_open(struct net_device *dev)
{
	return e1000cx_up(netdev_priv(dev));
}

static int e1000cx_stop(struct net_device *dev)
{
	e1000cx_down(netdev_priv(dev));
	return 0;
}

static int e1000cx_change_mtu(struct net_device *dev, int mtu)
{
	struct e1000cx *e = netdev_priv(dev);
	int err;

	if (!netif_running(dev)) {
		WRITE_ONCE(dev->mtu, mtu);
		return 0;
	}
	/* RCTL.LPE follows the MTU: the device comes up again with it */
	e1000cx_down(e);
	WRITE_ONCE(dev->mtu, mtu);
	err = e1000cx_up(e);
	if (err)
		netdev_err(dev, "cannot come up again: %d\n", err);
	return err;
}

static void e1000cx_set_rx_mode(struct net_device *dev)
{
	struct e1000cx *e = netdev_priv(dev);

	if (netif_running(dev))
		e1000cx_hw_set_rx_mode(e);
}

static int e1000cx_set_mac(struct net_device *dev, void *p)
{
	struct e1000cx *e = netdev_priv(dev);
	int err;

	err = eth_mac_addr(dev, p);
	if (err)
		return err;
	if (netif_running(dev))
		e1000cx_hw_set_mac(e, dev->dev_addr);
	return 0;
}

static void e1000cx_get_stats64(struct net_device *dev,
				struct rtnl_link_stats64 *s)
{
	struct e1000cx *e = netdev_priv(dev);
	u64 v[E1000CX_NSTATS];

	e1000cx_read_stats(e, v);
	s->rx_packets = v[E1000CX_RX_PACKETS];
	s->rx_bytes = v[E1000CX_RX_BYTES];
	s->rx_frame_errors = v[E1000CX_RX_FRAME_ERRORS];
	s->rx_errors = s->rx_frame_errors;
	s->rx_missed_errors = v[E1000CX_RX_MISSED] + v[E1000CX_RX_ALLOC_FAIL];
	s->tx_packets = v[E1000CX_TX_PACKETS];
	s->tx_bytes = v[E1000CX_TX_BYTES];
	s->tx_errors = v[E1000CX_TX_MAP_ERRORS] + v[E1000CX_TX_DESC_LIMIT];
	/* tx_dropped and rx_dropped: the core's counters, added by the core */
}

static const struct net_device_ops e1000cx_netdev_ops = {
	.ndo_open		= e1000cx_open,
	.ndo_stop		= e1000cx_stop,
	.ndo_start_xmit		= e1000cx_xmit,
	.ndo_features_check	= netcx_ndo_features_check,
	.ndo_fix_features	= netcx_ndo_fix_features,
	.ndo_set_features	= netcx_ndo_set_features,
	.ndo_get_stats64	= e1000cx_get_stats64,
	.ndo_change_mtu		= e1000cx_change_mtu,
	.ndo_set_rx_mode	= e1000cx_set_rx_mode,
	.ndo_set_mac_address	= e1000cx_set_mac,
	.ndo_validate_addr	= eth_validate_addr,
};

static int e1000cx_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct net_device *dev;
	struct e1000cx *e;
	u8 mac[ETH_ALEN];
	int err;

	err = pci_enable_device_mem(pdev);
	if (err)
		return err;
	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	if (err)
		goto err_disable;
	err = pci_request_mem_regions(pdev, E1000CX_DRV_NAME);
	if (err)
		goto err_disable;
	pci_set_master(pdev);

	dev = alloc_etherdev(sizeof(*e));
	if (!dev) {
		err = -ENOMEM;
		goto err_release;
	}
	SET_NETDEV_DEV(dev, &pdev->dev);
	pci_set_drvdata(pdev, dev);
	e = netdev_priv(dev);
	e->dev = dev;
	e->pdev = pdev;
	e->tx_count_req = E1000CX_RING_DEFAULT;
	e->rx_count_req = E1000CX_RING_DEFAULT;
	u64_stats_init(&e->rx_syncp);
	u64_stats_init(&e->tx_syncp);

	e->hw = pci_iomap(pdev, 0, 0);
	if (!e->hw) {
		err = -EIO;
		goto err_free_netdev;
	}
	err = e1000cx_hw_reset(e);
	if (err) {
		dev_err(&pdev->dev, "the device stays in reset\n");
		goto err_unmap;
	}
	err = e1000cx_hw_read_mac(e, mac);
	if (err) {
		dev_warn(&pdev->dev, "no MAC address in the EEPROM: a random one\n");
		eth_random_addr(mac);
	}
	eth_hw_addr_set(dev, mac);

	err = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI | PCI_IRQ_INTX);
	if (err < 0)
		goto err_unmap;
	e->irq = pci_irq_vector(pdev, 0);

	dev->netdev_ops = &e1000cx_netdev_ops;
	dev->ethtool_ops = &e1000cx_ethtool_ops;
	dev->watchdog_timeo = 5 * HZ;
	dev->hw_features = NETIF_F_SG | NETIF_F_HIGHDMA;
	dev->features = dev->hw_features;
	/* VLAN devices on top keep SG, and with it netcx's segmentation */
	dev->vlan_features = dev->hw_features;
	dev->priv_flags |= IFF_UNICAST_FLT;
	dev->min_mtu = ETH_MIN_MTU;
	dev->max_mtu = E1000CX_MAX_MTU;
	netif_napi_add(dev, &e->napi, e1000cx_poll);

	err = e1000cx_devlink_create(e, keywords);
	if (err)
		goto err_napi;
	e->ad = netcx_adapter_create(dev, &e1000cx_netcx_ops);
	if (IS_ERR(e->ad)) {
		err = PTR_ERR(e->ad);
		goto err_destroy_devlink;
	}
	err = e1000cx_offload_declare(e, keywords);
	if (!err)
		err = netcx_adapter_commit(e->ad);
	if (err)
		goto err_destroy_adapter;

	netif_carrier_off(dev);
	err = register_netdev(dev);
	if (err)
		goto err_destroy_adapter;
	e1000cx_devlink_register(e);
	netdev_info(dev, "82540EM at %s, %pM, %s interrupt\n", pci_name(pdev),
		    dev->dev_addr, pdev->msi_enabled ? "MSI" : "INTx");
	return 0;

err_destroy_adapter:
	netcx_adapter_destroy(e->ad);
err_destroy_devlink:
	e1000cx_devlink_destroy(e);
err_napi:
	netif_napi_del(&e->napi);
	pci_free_irq_vectors(pdev);
err_unmap:
	pci_iounmap(pdev, e->hw);
err_free_netdev:
	free_netdev(dev);
err_release:
	pci_release_mem_regions(pdev);
err_disable:
	pci_disable_device(pdev);
	return err;
}

static void e1000cx_remove(struct pci_dev *pdev)
{
	struct net_device *dev = pci_get_drvdata(pdev);
	struct e1000cx *e = netdev_priv(dev);

	/* no reload from here on */
	e1000cx_devlink_unregister(e);
	unregister_netdev(dev);
	netcx_adapter_destroy(e->ad);
	e1000cx_devlink_destroy(e);
	netif_napi_del(&e->napi);
	pci_free_irq_vectors(pdev);
	e1000cx_hw_reset(e);
	pci_iounmap(pdev, e->hw);
	free_netdev(dev);
	pci_release_mem_regions(pdev);
	pci_disable_device(pdev);
}

static const struct pci_device_id e1000cx_ids[] = {
	{ PCI_VDEVICE(INTEL, 0x100e) },	/* 82540EM */
	{ }
};
MODULE_DEVICE_TABLE(pci, e1000cx_ids);

static struct pci_driver e1000cx_driver = {
	.name		= E1000CX_DRV_NAME,
	.id_table	= e1000cx_ids,
	.probe		= e1000cx_probe,
	.remove		= e1000cx_remove,
};
module_pci_driver(e1000cx_driver);

MODULE_DESCRIPTION("Intel 82540EM driver on netcx");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(NETCX_NS);
