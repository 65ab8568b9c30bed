// SPDX-License-Identifier: GPL-2.0
/*
 * ncsim's debugfs: a directory per port, /sys/kernel/debug/ncsim/<port>/
 * (named as the port was when it registered), with fault knobs for tests:
 *
 *   wire_drop          drop every Nth frame the port puts on the wire
 *   wire_reorder       every Nth frame goes after the one that follows it in
 *                      the same poll
 *   wire_corrupt       flip a bit of every Nth frame, at the end of its IP
 *                      datagram (ncsim_hw_wire_corrupt())
 *   tx_drop            the transmit engine completes every Nth descriptor
 *                      without putting anything on the wire
 *   rx_alloc_fail      every Nth receive buffer allocation fails
 *   fail_changed       the next N change callbacks fail with -EIO
 *   fail_changed_skip  ... once N more have gone through
 *   pause              1: netcx_pause(), 0: netcx_resume() (RTNL taken)
 *
 * and one read-only file, tunnel_ports: the device's UDP tunnel port tables
 * as the engines read them, a line per entry of each table the profile
 * declares: "TABLE ENTRY PORT ENCAP", ENCAP vxlan or geneve, or "0 -" for an
 * empty entry (only with tunnel capabilities).
 *
 * 0 turns a knob off. The every-Nth knobs but wire_reorder take 0 or 2 and
 * more (1 would be a dead link, not a fault), wire_reorder any u32,
 * fail_changed and fail_changed_skip up to NCSIM_FAULT_MAX, pause 0 or 1;
 * other values are refused with -EINVAL and a message. Counters (ethtool
 * -S): wire_fault_drops, wire_fault_reorders, wire_fault_corrupts,
 * hw_tx_fault_drops, rx_alloc_fail, fault_changed_fails.
 *
 * The directory goes before the port is unregistered, outside the RTNL
 * (ncsim_port_destroy()): removing it waits for a write in progress, which
 * may hold the RTNL.
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/kstrtox.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/seq_file.h>

#include "ncsim.h"

/* The most change callbacks fail_changed and fail_changed_skip count. */
#define NCSIM_FAULT_MAX		1000

/* The values a knob takes. */
enum ncsim_knob_kind {
	NCSIM_KNOB_NTH,		/* every Nth: 0 (off), or 2 and more */
	NCSIM_KNOB_ANY,		/* any u32 */
	NCSIM_KNOB_COUNT,	/* a count, RTNL's: 0 to NCSIM_FAULT_MAX */
	NCSIM_KNOB_PAUSE,	/* 1: netcx_pause(), 0: netcx_resume() */
};

/**
 * struct ncsim_knob - one debugfs file of a port
 * @name: the file's name.
 * @kind: the values it takes.
 * @off: where its u32 is in &struct ncsim_port (all but the pause file).
 * @want: what it takes, for the message that refuses a value.
 */
struct ncsim_knob {
	const char *name;
	enum ncsim_knob_kind kind;
	size_t off;
	const char *want;
};

#define NCSIM_NTH_WANT	"0 (off) or 2 to 4294967295"

static const struct ncsim_knob ncsim_knobs[] = {
	{ "wire_drop", NCSIM_KNOB_NTH,
	  offsetof(struct ncsim_port, wire_drop), NCSIM_NTH_WANT },
	{ "wire_reorder", NCSIM_KNOB_ANY,
	  offsetof(struct ncsim_port, wire_reorder), "0 to 4294967295" },
	{ "wire_corrupt", NCSIM_KNOB_NTH,
	  offsetof(struct ncsim_port, wire_corrupt), NCSIM_NTH_WANT },
	{ "tx_drop", NCSIM_KNOB_NTH,
	  offsetof(struct ncsim_port, hw_tx.fault_drop), NCSIM_NTH_WANT },
	{ "rx_alloc_fail", NCSIM_KNOB_NTH,
	  offsetof(struct ncsim_port, rx_alloc_fail), NCSIM_NTH_WANT },
	{ "fail_changed", NCSIM_KNOB_COUNT,
	  offsetof(struct ncsim_port, fail_changed),
	  "0 to " __stringify(NCSIM_FAULT_MAX) },
	{ "fail_changed_skip", NCSIM_KNOB_COUNT,
	  offsetof(struct ncsim_port, fail_changed_skip),
	  "0 to " __stringify(NCSIM_FAULT_MAX) },
	{ "pause", NCSIM_KNOB_PAUSE, 0, "1 (pause) or 0 (resume)" },
};

static struct dentry *ncsim_debugfs_root;

/* The knob of the file @file, by its name. */
static const struct ncsim_knob *ncsim_knob_of(struct file *file)
{
	const char *name = file->f_path.dentry->d_name.name;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ncsim_knobs); i++)
		if (!strcmp(ncsim_knobs[i].name, name))
			return &ncsim_knobs[i];
	return NULL;
}

static u32 *ncsim_knob_val(struct ncsim_port *port, const struct ncsim_knob *k)
{
	return (u32 *)((u8 *)port + k->off);
}

static ssize_t ncsim_knob_read(struct file *file, char __user *buf,
			       size_t len, loff_t *ppos)
{
	const struct ncsim_knob *k = ncsim_knob_of(file);
	struct ncsim_port *port = file->private_data;
	char out[16];
	u32 val;
	int n;

	if (!k)
		return -ENOENT;
	if (k->kind == NCSIM_KNOB_PAUSE)
		val = READ_ONCE(port->paused);
	else
		val = READ_ONCE(*ncsim_knob_val(port, k));
	n = scnprintf(out, sizeof(out), "%u\n", val);
	return simple_read_from_buffer(buf, len, ppos, out, n);
}

/* Whether @val is one the knob @k takes. */
static bool ncsim_knob_valid(const struct ncsim_knob *k, u64 val)
{
	switch (k->kind) {
	case NCSIM_KNOB_NTH:
		return val != 1 && val <= U32_MAX;
	case NCSIM_KNOB_ANY:
		return val <= U32_MAX;
	case NCSIM_KNOB_COUNT:
		return val <= NCSIM_FAULT_MAX;
	case NCSIM_KNOB_PAUSE:
		return val <= 1;
	}
	return false;
}

/*
 * Writes a knob: a number in any base kstrtou64() reads, that the knob
 * takes; anything else is refused, -EINVAL and a message. The pause file
 * answers netcx's error.
 */
static ssize_t ncsim_knob_write(struct file *file, const char __user *buf,
				size_t len, loff_t *ppos)
{
	const struct ncsim_knob *k = ncsim_knob_of(file);
	struct ncsim_port *port = file->private_data;
	u64 val;
	int err;

	if (!k)
		return -ENOENT;
	err = kstrtou64_from_user(buf, len, 0, &val);
	if (err || !ncsim_knob_valid(k, val)) {
		netdev_err(port->dev, "debugfs %s: %s, it takes %s\n", k->name,
			   err ? "not a number" : "out of range", k->want);
		return -EINVAL;
	}
	switch (k->kind) {
	case NCSIM_KNOB_PAUSE:
		err = ncsim_port_set_paused(port, val);
		if (err)
			return err;
		break;
	case NCSIM_KNOB_COUNT:
		/* read and counted down by the change callbacks, under RTNL */
		rtnl_lock();
		*ncsim_knob_val(port, k) = val;
		rtnl_unlock();
		break;
	default:
		WRITE_ONCE(*ncsim_knob_val(port, k), val);
		break;
	}
	return len;
}

static const struct file_operations ncsim_knob_fops = {
	.owner		= THIS_MODULE,
	.open		= simple_open,
	.read		= ncsim_knob_read,
	.write		= ncsim_knob_write,
	.llseek		= default_llseek,
};

/* tunnel_ports: the port tables, an entry a line. */
static int ncsim_tunnel_ports_show(struct seq_file *m, void *v)
{
	const struct ncsim_port *port = m->private;
	const struct netcx_tunnel_caps *c = &port->hw_tx.caps->tnl;
	unsigned int t, e;
	u32 val;

	for (t = 0; t < NETCX_TNL_PORT_TABLES; t++)
		for (e = 0; e < c->ports[t].entries && e < NETCX_TNL_PORTS_MAX;
		     e++) {
			val = READ_ONCE(port->tnl_ports.entry[t][e]);
			seq_printf(m, "%u %u %u %s\n", t, e, val >> 8,
				   !val ? "-" :
				   (val & 0xff) - 1 == NETCX_ENCAP_VXLAN ?
				   "vxlan" : "geneve");
		}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(ncsim_tunnel_ports);

/* Creates /sys/kernel/debug/ncsim/; without debugfs, nothing. */
void ncsim_debugfs_init(void)
{
	ncsim_debugfs_root = debugfs_create_dir("ncsim", NULL);
}

void ncsim_debugfs_exit(void)
{
	debugfs_remove_recursive(ncsim_debugfs_root);
	ncsim_debugfs_root = NULL;
}

/* The port's directory and knobs, once it has its name (registered). */
void ncsim_debugfs_port_add(struct ncsim_port *port)
{
	unsigned int i;

	port->debugfs = debugfs_create_dir(netdev_name(port->dev),
					   ncsim_debugfs_root);
	for (i = 0; i < ARRAY_SIZE(ncsim_knobs); i++)
		debugfs_create_file(ncsim_knobs[i].name, 0600, port->debugfs,
				    port, &ncsim_knob_fops);
	if (port->hw_tx.caps->tnl.ports[0].entries)
		debugfs_create_file("tunnel_ports", 0400, port->debugfs, port,
				    &ncsim_tunnel_ports_fops);
}

void ncsim_debugfs_port_remove(struct ncsim_port *port)
{
	debugfs_remove_recursive(port->debugfs);
	port->debugfs = NULL;
}
