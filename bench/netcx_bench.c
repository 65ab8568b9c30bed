// SPDX-License-Identifier: GPL-2.0
/*
 * netcx_bench: netcx's transmit paths timed next to the kernel's own, in
 * the same run, and the memory a netcx port takes. Loaded by
 * scripts/guest/bench.sh (make bench): it runs once, at load, prints every
 * figure as a line "netcx_bench: CASE<TAB>METRIC<TAB>VALUE" and judges
 * none of them; scripts/bench.sh makes the table. docs/benchmarks.md says
 * what each figure is.
 *
 *   perpkt:   ns per packet over a mix the hardware takes whole: the
 *             kernel's netif_skb_features(), netcx_features_check() and
 *             netcx_tx_prepare(), and the pieces of them
 *   seg64k:   ns per 64 KB TCP packet that netcx and the kernel segment
 *             (and checksum) in software
 *   csum1500: ns per 1500-byte TCP packet they checksum in software
 *   memory:   bytes per port and per ring entry
 *
 * The timed loops run in process context (insmod) with BH disabled, as
 * validate_xmit_skb() and ndo_start_xmit() run, and so without preemption,
 * in batches of a few milliseconds with BH enabled and cond_resched() in
 * between; interrupts stay on, so a batch may include one, and the host
 * may deschedule the whole (UML) guest. Every case runs for several rounds,
 * the cases taking turns within each round; each figure is the fastest
 * round (METRIC) and the median one (METRIC_median).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bottom_half.h>
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/sched.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/timekeeping.h>
#include <net/checksum.h>
#include <net/ip6_checksum.h>

#include <compat/compat.h>
#include <netcx/netcx.h>

#include "ncsim/footprint.h"
#include "../testing/netcx_pkt_build.h"
#include "../testing/netcx_test.h"

static unsigned int rounds = 31;
module_param(rounds, uint, 0444);
MODULE_PARM_DESC(rounds, "rounds of every case: the fastest and the median are reported");

static unsigned int packets = 50000;
module_param(packets, uint, 0444);
MODULE_PARM_DESC(packets, "packets per round of each per-packet case");

static unsigned int fallbacks = 100;
module_param(fallbacks, uint, 0444);
MODULE_PARM_DESC(fallbacks, "64 KB packets per round of each fallback case");

#define NB_MAX_ROUNDS	63
/* mix repetitions per BH-disabled batch, and fallback packets per batch */
#define NB_BATCH	1000
#define NB_FB_BATCH	10

static void nb_put(const char *kase, const char *metric, u64 v)
{
	pr_info("%s\t%s\t%llu\n", kase, metric, v);
}

/* @x10 tenths, printed with one decimal */
static void nb_put_tenths(const char *kase, const char *metric, u64 x10)
{
	pr_info("%s\t%s\t%llu.%llu\n", kase, metric, x10 / 10, x10 % 10);
}

/* ---- devices: a netcx driver's wiring, and a plain one to compare ---- */

enum nb_dev {
	NB_FULL,	/* netcx, kunit/netcx_test.h's full: every offload */
	NB_NOLSO,	/* netcx, full with LSO and USO off by keywords */
	NB_NONE,	/* netcx, no offloads: software everything */
	NB_PLAIN,	/* no netcx, no ndo_features_check: the full features */
	NB_NDEVS,
};

static const char * const nb_dev_names[NB_NDEVS] = {
	[NB_FULL] = "ncxb-full",
	[NB_NOLSO] = "ncxb-nolso",
	[NB_NONE] = "ncxb-none",
	[NB_PLAIN] = "ncxb-plain",
};

static const char * const nb_keywords[NB_NDEVS] = {
	[NB_NOLSO] = "*LsoV2IPv4=0,*LsoV2IPv6=0,*UsoIPv4=0,*UsoIPv6=0",
};

static const enum netcx_test_profile nb_profiles[NB_NDEVS] = {
	[NB_FULL] = NETCX_TEST_FULL,
	[NB_NOLSO] = NETCX_TEST_FULL,
	[NB_NONE] = NETCX_TEST_NONE,
};

struct nb_priv {
	struct netcx_adapter *ad;
};

static struct netcx_adapter *nb_ad(struct net_device *dev)
{
	return ((struct nb_priv *)netdev_priv(dev))->ad;
}

static netdev_tx_t nb_start_xmit(struct sk_buff *skb, struct net_device *dev)
{
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static netdev_features_t nb_features_check(struct sk_buff *skb,
					   struct net_device *dev,
					   netdev_features_t features)
{
	return netcx_features_check(nb_ad(dev), skb, features);
}

static netdev_features_t nb_fix_features(struct net_device *dev,
					 netdev_features_t features)
{
	return netcx_fix_features(nb_ad(dev), features);
}

static int nb_set_features(struct net_device *dev, netdev_features_t features)
{
	return netcx_set_features(nb_ad(dev), features);
}

static const struct net_device_ops nb_netcx_ops = {
	.ndo_start_xmit = nb_start_xmit,
	.ndo_features_check = nb_features_check,
	.ndo_fix_features = nb_fix_features,
	.ndo_set_features = nb_set_features,
};

static const struct net_device_ops nb_plain_ops = {
	.ndo_start_xmit = nb_start_xmit,
};

#define NB_DRIVER_BITS	(NETIF_F_SG | NETIF_F_HIGHDMA)

static void nb_dev_destroy(struct net_device *dev)
{
	struct netcx_adapter *ad;

	if (!dev)
		return;
	ad = nb_ad(dev);
	if (dev->reg_state == NETREG_REGISTERED)
		unregister_netdev(dev);
	netcx_adapter_destroy(ad);
	free_netdev(dev);
}

/* A registered device; @like, for NB_PLAIN, gives it its features. */
static struct net_device *nb_dev_create(enum nb_dev which,
					const struct net_device *like)
{
	struct net_device *dev;
	struct nb_priv *p;
	int err;

	dev = alloc_etherdev(sizeof(*p));
	if (!dev)
		return ERR_PTR(-ENOMEM);
	strscpy(dev->name, nb_dev_names[which], IFNAMSIZ);
	eth_hw_addr_random(dev);
	dev->hw_features = NB_DRIVER_BITS;
	dev->features = NB_DRIVER_BITS;
	dev->vlan_features = NB_DRIVER_BITS;
	p = netdev_priv(dev);

	if (which == NB_PLAIN) {
		dev->netdev_ops = &nb_plain_ops;
		dev->hw_features = like->hw_features;
		dev->features = like->features;
		dev->vlan_features = like->vlan_features;
		dev->hw_enc_features = like->hw_enc_features;
		netif_set_tso_max_size(dev, like->tso_max_size);
		netif_set_tso_max_segs(dev, like->tso_max_segs);
	} else {
		dev->netdev_ops = &nb_netcx_ops;
		p->ad = netcx_adapter_create(dev, NULL);
		if (IS_ERR(p->ad)) {
			err = PTR_ERR(p->ad);
			p->ad = NULL;
			goto err_free;
		}
		err = netcx_test_declare(p->ad, nb_profiles[which]);
		if (!err && nb_keywords[which])
			err = netcx_set_keywords(p->ad, nb_keywords[which]);
		if (!err)
			err = netcx_adapter_commit(p->ad);
		if (err)
			goto err_free;
	}
	err = register_netdev(dev);
	if (err)
		goto err_free;
	return dev;

err_free:
	nb_dev_destroy(dev);
	return ERR_PTR(err);
}

/* ---- packets, written by kunit/netcx_pkt_build.h ---- */

#define L(...)	((const struct tb_layer[]){ __VA_ARGS__, { TB_END } })

#define ETH	{ TB_ETH }
#define IP4	{ TB_IPV4, 0, 0x4000 }		/* DF */
#define IP4O	{ TB_IPV4, 8, 0x4000 }		/* 8 bytes of options */
#define IP6	{ TB_IPV6 }
#define HOP8	{ TB_HOP, 8 }
#define TCP	{ TB_TCP, 0, 0x18 }		/* ACK, PSH */
#define TCPO	{ TB_TCP, 12, 0x18 }		/* a timestamp */
#define UDP	{ TB_UDP }
#define DATA(n)	{ TB_DATA, n }

/**
 * struct nb_shape - one packet of a benchmark
 * @l: its layers.
 * @gso_type: with @mss, a GSO skb.
 * @mss: the GSO size; 0: not GSO.
 */
struct nb_shape {
	const struct tb_layer *l;
	unsigned int gso_type;
	u16 mss;
};

/*
 * The per-packet mix: TCP and UDP over IPv4 and IPv6, with and without IP
 * options, extension headers and TCP options, GSO and not. The full
 * adapter's hardware takes every one whole, and so does the kernel's
 * netif_skb_features() for the same features (no IPv6 extension header in
 * a GSO skb, which 6.12 segments in software itself).
 */
static const struct nb_shape nb_mix[] = {
	{ L(ETH, IP4, TCP, DATA(1448)) },
	{ L(ETH, IP4, TCPO, DATA(1448)) },
	{ L(ETH, IP4O, TCP, DATA(1448)) },
	{ L(ETH, IP4, UDP, DATA(1472)) },
	{ L(ETH, IP6, TCP, DATA(1428)) },
	{ L(ETH, IP6, TCPO, DATA(1428)) },
	{ L(ETH, IP6, HOP8, TCP, DATA(1420)) },
	{ L(ETH, IP6, UDP, DATA(1452)) },
	{ L(ETH, IP4, TCP, DATA(4000)), SKB_GSO_TCPV4, 1000 },
	{ L(ETH, IP4, TCPO, DATA(4000)), SKB_GSO_TCPV4, 1000 },
	{ L(ETH, IP4O, TCPO, DATA(4000)), SKB_GSO_TCPV4, 1000 },
	{ L(ETH, IP6, TCPO, DATA(4000)), SKB_GSO_TCPV6, 1000 },
	{ L(ETH, IP4, UDP, DATA(4000)), SKB_GSO_UDP_L4, 1000 },
	{ L(ETH, IP6, UDP, DATA(4000)), SKB_GSO_UDP_L4, 1000 },
};

#define NB_MIX		ARRAY_SIZE(nb_mix)

/* 64 KB of TCP over IPv4, with timestamps: 45 segments of 1448 bytes */
#define NB_64K_MSS	1448
#define NB_64K_SEGS	45
static const struct nb_shape nb_64k = {
	L(ETH, IP4, TCPO, DATA(NB_64K_MSS * NB_64K_SEGS)), SKB_GSO_TCPV4,
	NB_64K_MSS,
};

static const struct nb_shape nb_1500 = { L(ETH, IP4, TCPO, DATA(1448)) };

/*
 * An skb of @s as TCP or UDP hands it to a driver: the headers in the
 * linear area, the payload in page fragments, CHECKSUM_PARTIAL with the
 * pseudo-header sum seeded, and for GSO the segment size and count.
 */
static struct sk_buff *nb_skb(const struct nb_shape *s, struct net_device *dev)
{
	unsigned int len = tb_len(s->l), off = 0, nh = 0, th = 0, hlen = 0;
	unsigned int check = 0, i;
	const struct tb_layer *l;
	struct sk_buff *skb;
	__sum16 *csum;
	u8 proto = 0;
	u8 *buf;

	buf = kvmalloc(len, GFP_KERNEL);
	if (!buf)
		return NULL;
	tb_build(buf, len, s->l);
	for (l = s->l; l->type != TB_END && !hlen; off += tb_layer_len(l), l++) {
		switch (l->type) {
		case TB_IPV4:
		case TB_IPV6:
			nh = off;
			break;
		case TB_TCP:
			proto = IPPROTO_TCP;
			th = off;
			check = off + offsetof(struct tcphdr, check);
			hlen = off + tb_layer_len(l);
			break;
		case TB_UDP:
			proto = IPPROTO_UDP;
			th = off;
			check = off + offsetof(struct udphdr, check);
			hlen = off + tb_layer_len(l);
			break;
		}
	}

	skb = alloc_skb(NET_SKB_PAD + hlen, GFP_KERNEL);
	if (!skb)
		goto out;
	skb_reserve(skb, NET_SKB_PAD);
	skb_put_data(skb, buf, hlen);
	for (off = hlen, i = 0; off < len; off += PAGE_SIZE, i++) {
		unsigned int n = min_t(unsigned int, PAGE_SIZE, len - off);
		struct page *page;

		page = i < MAX_SKB_FRAGS ? alloc_page(GFP_KERNEL) : NULL;
		if (!page) {
			kfree_skb(skb);
			skb = NULL;
			goto out;
		}
		memcpy(page_address(page), buf + off, n);
		skb_add_rx_frag(skb, i, page, 0, n, PAGE_SIZE);
	}

	skb->dev = dev;
	skb_reset_mac_header(skb);
	skb->protocol = htons(tb_get16(buf + 12));
	skb_set_network_header(skb, nh);
	skb_set_transport_header(skb, th);
	skb->ip_summed = CHECKSUM_PARTIAL;
	skb->csum_start = skb_transport_header(skb) - skb->head;
	skb->csum_offset = check - th;
	csum = (__sum16 *)(skb->data + check);
	if (skb->protocol == htons(ETH_P_IP))
		*csum = ~csum_tcpudp_magic(ip_hdr(skb)->saddr,
					   ip_hdr(skb)->daddr, len - th,
					   proto, 0);
	else
		*csum = ~csum_ipv6_magic(&ipv6_hdr(skb)->saddr,
					 &ipv6_hdr(skb)->daddr, len - th,
					 proto, 0);
	if (s->mss) {
		skb_shinfo(skb)->gso_size = s->mss;
		skb_shinfo(skb)->gso_type = s->gso_type;
		skb_shinfo(skb)->gso_segs = DIV_ROUND_UP(len - hlen, s->mss);
	}
out:
	kvfree(buf);
	return skb;
}

/* ---- timing ---- */

static int nb_cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

/*
 * Every round's time @t for @n packets, per packet: the fastest round as
 * METRIC, the one the rest of the machine disturbed least, and the median
 * round as METRIC_median; in tenths of ns with @tenths.
 */
static void nb_put_rounds(const char *kase, const char *metric, u64 *t,
			  u64 n, bool tenths)
{
	u64 scale = tenths ? 10 : 1, fastest, median;
	char name[64];

	sort(t, rounds, sizeof(*t), nb_cmp_u64, NULL);
	fastest = div64_u64(t[0] * scale, n);
	median = div64_u64(t[rounds / 2] * scale, n);
	snprintf(name, sizeof(name), "%s_median", metric);
	if (tenths) {
		nb_put_tenths(kase, metric, fastest);
		nb_put_tenths(kase, name, median);
	} else {
		nb_put(kase, metric, fastest);
		nb_put(kase, name, median);
	}
}

/* keeps the compiler from dropping results */
static u64 nb_sink;

/* ---- item: per-packet cost ---- */

enum nb_op {
	OP_NSF_PLAIN,	/* netif_skb_features(), no ndo_features_check */
	OP_NSF_NETCX,	/* netif_skb_features(), netcx's ndo_features_check */
	OP_FC,		/* netcx_features_check() */
	OP_PREP,	/* netcx_tx_prepare(), the hardware path */
	OP_FC_PREP,	/* both, one after the other, per packet */
	OP_WALK,	/* netcx_pkt_walk() */
	OP_ACTIVE,	/* netcx_active(): one kinds lookup */
	OP_FC_SW,	/* netcx_features_check(), everything software */
	OP_MAX,
};

static const char * const nb_op_names[OP_MAX] = {
	[OP_NSF_PLAIN]	= "netif_skb_features",
	[OP_NSF_NETCX]	= "netif_skb_features_netcx",
	[OP_FC]		= "netcx_features_check",
	[OP_PREP]	= "netcx_tx_prepare",
	[OP_FC_PREP]	= "netcx_check_and_prepare",
	[OP_WALK]	= "netcx_pkt_walk",
	[OP_ACTIVE]	= "netcx_active",
	[OP_FC_SW]	= "netcx_features_check_sw",
};

struct nb_perpkt {
	struct net_device *full;
	struct net_device *none;
	struct net_device *plain;
	struct sk_buff *mix[NB_MIX];
};

/* @reps times over the mix, BH disabled: the ns it took. */
static noinline u64 nb_perpkt_batch(struct nb_perpkt *b, enum nb_op op,
				    unsigned int reps)
{
	struct netcx_adapter *ad = nb_ad(op == OP_FC_SW ? b->none : b->full);
	netdev_features_t features = READ_ONCE(netcx_adapter_netdev(ad)->features);
	struct netcx_pkt_layout lay;
	struct netcx_tx_desc desc;
	struct sk_buff *skb;
	unsigned int r, i;
	u64 sink = 0, t;

	local_bh_disable();
	t = ktime_get_ns();
	switch (op) {
	case OP_NSF_PLAIN:
	case OP_NSF_NETCX:
		for (r = 0; r < reps; r++)
			for (i = 0; i < NB_MIX; i++)
				sink ^= netif_skb_features(b->mix[i]);
		break;
	case OP_FC:
	case OP_FC_SW:
		for (r = 0; r < reps; r++)
			for (i = 0; i < NB_MIX; i++)
				sink ^= netcx_features_check(ad, b->mix[i],
							     features);
		break;
	case OP_PREP:
		for (r = 0; r < reps; r++)
			for (i = 0; i < NB_MIX; i++) {
				skb = b->mix[i];
				sink += netcx_tx_prepare(ad, &skb, &desc);
				sink ^= desc.flags;
			}
		break;
	case OP_FC_PREP:
		for (r = 0; r < reps; r++)
			for (i = 0; i < NB_MIX; i++) {
				skb = b->mix[i];
				sink ^= netcx_features_check(ad, skb, features);
				sink += netcx_tx_prepare(ad, &skb, &desc);
				sink ^= desc.flags;
			}
		break;
	case OP_WALK:
		for (r = 0; r < reps; r++)
			for (i = 0; i < NB_MIX; i++) {
				sink += netcx_pkt_walk(b->mix[i], &lay);
				sink ^= lay.l2_len;
			}
		break;
	case OP_ACTIVE:
		for (r = 0; r < reps; r++)
			for (i = 0; i < NB_MIX; i++)
				sink ^= netcx_active(ad, NETCX_OFFLOAD_TX_CSUM);
		break;
	default:
		break;
	}
	t = ktime_get_ns() - t;
	local_bh_enable();
	WRITE_ONCE(nb_sink, nb_sink ^ sink);
	return t;
}

static u64 nb_perpkt_run(struct nb_perpkt *b, enum nb_op op, unsigned int reps)
{
	struct net_device *dev = op == OP_NSF_PLAIN ? b->plain : b->full;
	unsigned int i, n;
	u64 t = 0;

	for (i = 0; i < NB_MIX; i++)
		b->mix[i]->dev = dev;
	for (; reps; reps -= n) {
		n = min_t(unsigned int, reps, NB_BATCH);
		t += nb_perpkt_batch(b, op, n);
		cond_resched();
	}
	return t;
}

/* A counter of @ad by its ethtool -S name: U64_MAX when there is none. */
static u64 nb_counter(struct netcx_adapter *ad, const char *name)
{
	int i, n = netcx_stats_count(ad);
	u64 *vals, *v, ret = U64_MAX;
	u8 *names, *s;

	names = kcalloc(n, ETH_GSTRING_LEN, GFP_KERNEL);
	vals = kcalloc(n, sizeof(*vals), GFP_KERNEL);
	if (names && vals) {
		s = names;
		v = vals;
		netcx_stats_strings(ad, &s);
		netcx_stats_fill(ad, &v);
		for (i = 0; i < n; i++)
			if (!strcmp(names + i * ETH_GSTRING_LEN, name))
				ret = vals[i];
	}
	kfree(names);
	kfree(vals);
	return ret;
}

/* What netcx asks of the hardware for every packet of the mix: no fallback. */
static bool nb_perpkt_check(struct nb_perpkt *b)
{
	struct netcx_adapter *ad = nb_ad(b->full);
	netdev_features_t features = b->full->features, got;
	struct netcx_tx_desc desc;
	bool ok = true;
	unsigned int i;

	if (b->plain->features != b->full->features) {
		pr_err("the plain device's features differ: %pNF, not %pNF\n",
		       &b->plain->features, &b->full->features);
		ok = false;
	}
	for (i = 0; i < NB_MIX; i++) {
		struct sk_buff *skb = b->mix[i];
		u16 want = skb_is_gso(skb) ? NETCX_TXD_LSO | NETCX_TXD_USO :
					     NETCX_TXD_L4_CSUM;
		int ret;

		skb->dev = b->full;
		local_bh_disable();
		got = netcx_features_check(ad, skb, features);
		ret = netcx_tx_prepare(ad, &skb, &desc);
		local_bh_enable();
		if (got != vlan_features_check(skb, features) || ret ||
		    skb != b->mix[i] || !(desc.flags & want)) {
			pr_err("mix packet %u: features %pNF, prepare %d, descriptor %#x: not the hardware's\n",
			       i, &got, ret, desc.flags);
			ok = false;
		}
		skb->dev = b->plain;
		if (netif_skb_features(skb) != features) {
			got = netif_skb_features(skb);
			pr_err("mix packet %u: the kernel keeps %pNF of %pNF\n",
			       i, &got, &features);
			ok = false;
		}
	}
	return ok;
}

static void nb_perpkt(struct net_device *full, struct net_device *none,
		      struct net_device *plain)
{
	struct nb_perpkt b = { .full = full, .none = none, .plain = plain };
	unsigned int reps = DIV_ROUND_UP(packets, NB_MIX), r, k, op;
	u64 (*t)[NB_MAX_ROUNDS];
	u64 before, after;

	t = kcalloc(OP_MAX, sizeof(*t), GFP_KERNEL);
	if (!t)
		return;
	for (k = 0; k < NB_MIX; k++) {
		b.mix[k] = nb_skb(&nb_mix[k], full);
		if (!b.mix[k])
			goto out;
	}
	if (!nb_perpkt_check(&b)) {
		pr_err("perpkt: skipped, the mix needs software fallback\n");
		goto out;
	}

	before = nb_counter(nb_ad(full), "tx_csum_sw") +
		 nb_counter(nb_ad(full), "tx_lso_sw") +
		 nb_counter(nb_ad(full), "tx_uso_sw") +
		 nb_counter(nb_ad(full), "tx_offload_dropped");
	/* one warm-up round, then the cases take turns */
	for (op = 0; op < OP_MAX; op++)
		nb_perpkt_run(&b, op, reps / 10 + 1);
	for (r = 0; r < rounds; r++)
		for (k = 0; k < OP_MAX; k++) {
			op = (k + r) % OP_MAX;
			t[op][r] = nb_perpkt_run(&b, op, reps);
		}
	after = nb_counter(nb_ad(full), "tx_csum_sw") +
		nb_counter(nb_ad(full), "tx_lso_sw") +
		nb_counter(nb_ad(full), "tx_uso_sw") +
		nb_counter(nb_ad(full), "tx_offload_dropped");

	nb_put("perpkt", "packets", (u64)reps * NB_MIX);
	nb_put("perpkt", "mix", NB_MIX);
	nb_put("perpkt", "rounds", rounds);
	nb_put("perpkt", "fallbacks", after - before);
	for (op = 0; op < OP_MAX; op++)
		nb_put_rounds("perpkt", nb_op_names[op], t[op],
			      (u64)reps * NB_MIX, true);
out:
	for (k = 0; k < NB_MIX; k++)
		kfree_skb(b.mix[k]);
	kfree(t);
}

/* ---- item: software fallback ---- */

enum nb_fb_op {
	FB_CLONE,	/* skb_clone() and consume_skb() alone */
	FB_KERNEL,	/* the kernel's: skb_gso_segment(), sums folded in */
	FB_KERNEL_HELP,	/* skb_gso_segment(), then skb_checksum_help() each */
	FB_NETCX,	/* netcx_tx_prepare(), LSO and checksum off */
	FB_KERNEL_HW,	/* skb_gso_segment(), segments CHECKSUM_PARTIAL */
	FB_NETCX_HW,	/* netcx_tx_prepare(), LSO off, checksum on */
	FB_MAX,
};

static const char * const nb_fb_names[FB_MAX] = {
	[FB_CLONE]	= "clone",
	[FB_KERNEL]	= "kernel",
	[FB_KERNEL_HELP] = "kernel_help",
	[FB_NETCX]	= "netcx",
	[FB_KERNEL_HW]	= "kernel_hwcsum",
	[FB_NETCX_HW]	= "netcx_hwcsum",
};

/* the features validate_xmit_skb() segments with, per device */
#define NB_SW_FEATURES	NB_DRIVER_BITS
#define NB_HW_FEATURES	(NB_DRIVER_BITS | NETIF_F_IP_CSUM | NETIF_F_IPV6_CSUM)

/*
 * One packet the kernel's way: segmented by skb_gso_segment(), then the
 * segments' checksums summed where the features leave them to software
 * (@help: skb_checksum_help() on segments left CHECKSUM_PARTIAL), as
 * validate_xmit_skb() does. Returns the segments, or NULL.
 */
static struct sk_buff *nb_kernel_xmit(struct sk_buff *skb,
				      netdev_features_t features, bool help)
{
	struct sk_buff *segs, *seg, *next;

	if (skb_is_gso(skb)) {
		segs = skb_gso_segment(skb, features);
		if (IS_ERR_OR_NULL(segs)) {
			kfree_skb(skb);
			return NULL;
		}
		consume_skb(skb);
	} else {
		segs = skb;
	}
	if (!help)
		return segs;
	skb_list_walk_safe(segs, seg, next) {
		if (seg->ip_summed == CHECKSUM_PARTIAL &&
		    skb_checksum_help(seg)) {
			kfree_skb_list(segs);
			return NULL;
		}
	}
	return segs;
}

/* One packet netcx's way, as a driver's ndo_start_xmit: the segments. */
static struct sk_buff *nb_netcx_xmit(struct netcx_adapter *ad,
				     struct sk_buff *skb)
{
	struct sk_buff *seg, *next, *head = NULL, **tail = &head;
	struct netcx_tx_desc desc;
	int ret;

	ret = netcx_tx_prepare(ad, &skb, &desc);
	if (ret < 0)
		return NULL;
	if (ret != NETCX_TX_SEGMENTED)
		return skb;
	skb_list_walk_safe(skb, seg, next) {
		skb_mark_not_on_list(seg);
		if (netcx_tx_prepare(ad, &seg, &desc))
			continue;
		*tail = seg;
		tail = &seg->next;
	}
	return head;
}

struct nb_fallback {
	struct net_device *nolso;
	struct net_device *none;
	struct sk_buff *skb;
};

static struct sk_buff *nb_fb_xmit(struct nb_fallback *b, enum nb_fb_op op)
{
	struct sk_buff *skb = skb_clone(b->skb, GFP_ATOMIC);

	if (!skb)
		return NULL;
	switch (op) {
	case FB_KERNEL:
		return nb_kernel_xmit(skb, NB_SW_FEATURES, true);
	case FB_KERNEL_HELP:
		return nb_kernel_xmit(skb, NB_HW_FEATURES, true);
	case FB_NETCX:
		return nb_netcx_xmit(nb_ad(b->none), skb);
	case FB_KERNEL_HW:
		return nb_kernel_xmit(skb, NB_HW_FEATURES, false);
	case FB_NETCX_HW:
		return nb_netcx_xmit(nb_ad(b->nolso), skb);
	default:
		return skb;
	}
}

static noinline u64 nb_fb_batch(struct nb_fallback *b, enum nb_fb_op op,
				unsigned int n)
{
	struct sk_buff *segs;
	unsigned int i;
	u64 t;

	local_bh_disable();
	t = ktime_get_ns();
	for (i = 0; i < n; i++) {
		segs = nb_fb_xmit(b, op);
		if (segs)
			kfree_skb_list(segs);
	}
	t = ktime_get_ns() - t;
	local_bh_enable();
	return t;
}

static u64 nb_fb_run(struct nb_fallback *b, enum nb_fb_op op, unsigned int n)
{
	unsigned int k;
	u64 t = 0;

	for (; n; n -= k) {
		k = min_t(unsigned int, n, NB_FB_BATCH);
		t += nb_fb_batch(b, op, k);
		cond_resched();
	}
	return t;
}

/* Whether two lists of packets hold the same bytes; logs the first change. */
static bool nb_same_packets(struct sk_buff *a, struct sk_buff *b)
{
	static u8 x[2][ETH_FRAME_LEN + 64];
	unsigned int i, k;

	for (k = 0; a && b; a = a->next, b = b->next, k++) {
		if (a->len != b->len || a->len > sizeof(x[0]) ||
		    a->ip_summed != b->ip_summed ||
		    skb_copy_bits(a, 0, x[0], a->len) ||
		    skb_copy_bits(b, 0, x[1], b->len)) {
			pr_err("packet %u: length %u, %u; ip_summed %u, %u\n",
			       k, a->len, b->len, a->ip_summed, b->ip_summed);
			return false;
		}
		for (i = 0; i < a->len; i++)
			if (x[0][i] != x[1][i]) {
				pr_err("packet %u: byte %u: %#x, %#x\n",
				       k, i, x[0][i], x[1][i]);
				return false;
			}
	}
	return !a && !b;
}

/* @op's packets against @ref's, byte for byte, before timing. */
static bool nb_fb_check(struct nb_fallback *b, enum nb_fb_op ref,
			enum nb_fb_op op, unsigned int segs)
{
	struct sk_buff *r, *p, *seg;
	unsigned int count = 0;
	bool same;

	local_bh_disable();
	r = nb_fb_xmit(b, ref);
	p = nb_fb_xmit(b, op);
	local_bh_enable();
	same = r && p && nb_same_packets(r, p);
	for (seg = p; seg; seg = seg->next)
		count++;
	kfree_skb_list(r);
	kfree_skb_list(p);
	if (!same || count != segs)
		pr_err("%s: %u packets, %u expected, bytes %s %s's\n",
		       nb_fb_names[op], count, segs,
		       same ? "as" : "not as", nb_fb_names[ref]);
	return same && count == segs;
}

static void nb_fallback_case(const char *kase, struct nb_fallback *b,
			     const enum nb_fb_op *ops, unsigned int nops,
			     unsigned int n)
{
	u64 (*t)[NB_MAX_ROUNDS];
	unsigned int r, k, op;

	t = kcalloc(FB_MAX, sizeof(*t), GFP_KERNEL);
	if (!t)
		return;
	for (k = 0; k < nops; k++)
		nb_fb_run(b, ops[k], n / 10 + 1);
	for (r = 0; r < rounds; r++)
		for (k = 0; k < nops; k++) {
			op = ops[(k + r) % nops];
			t[op][r] = nb_fb_run(b, op, n);
		}
	nb_put(kase, "packets", n);
	nb_put(kase, "rounds", rounds);
	for (k = 0; k < nops; k++)
		nb_put_rounds(kase, nb_fb_names[ops[k]], t[ops[k]], n, false);
	kfree(t);
}

static void nb_fallback(struct net_device *nolso, struct net_device *none)
{
	static const enum nb_fb_op seg_ops[] = {
		FB_CLONE, FB_KERNEL, FB_KERNEL_HELP, FB_NETCX, FB_KERNEL_HW,
		FB_NETCX_HW,
	};
	static const enum nb_fb_op csum_ops[] = {
		FB_CLONE, FB_KERNEL, FB_NETCX,
	};
	struct nb_fallback b = { .nolso = nolso, .none = none };
	bool ok;

	b.skb = nb_skb(&nb_64k, none);
	if (!b.skb)
		return;
	ok = nb_fb_check(&b, FB_KERNEL, FB_NETCX, NB_64K_SEGS) &&
	     nb_fb_check(&b, FB_KERNEL, FB_KERNEL_HELP, NB_64K_SEGS) &&
	     nb_fb_check(&b, FB_KERNEL_HW, FB_NETCX_HW, NB_64K_SEGS);
	nb_put("seg64k", "same_bytes", ok);
	nb_put("seg64k", "segments", NB_64K_SEGS);
	if (ok)
		nb_fallback_case("seg64k", &b, seg_ops, ARRAY_SIZE(seg_ops),
				 fallbacks);
	kfree_skb(b.skb);

	b.skb = nb_skb(&nb_1500, none);
	if (!b.skb)
		return;
	ok = nb_fb_check(&b, FB_KERNEL, FB_NETCX, 1);
	nb_put("csum1500", "same_bytes", ok);
	if (ok)
		nb_fallback_case("csum1500", &b, csum_ops, ARRAY_SIZE(csum_ops),
				 fallbacks * 20);
	kfree_skb(b.skb);
}

/* ---- item: memory ---- */

static void nb_memory(struct net_device *dev)
{
	struct netcx_footprint nf;
	struct ncsim_footprint sf;
	struct sk_buff *skb;

	netcx_footprint(&nf);
	ncsim_footprint(&sf);
	nb_put("memory", "nr_cpu_ids", nr_cpu_ids);
	nb_put("memory", "net_device", sf.net_device);
	nb_put("memory", "ncsim_port", sf.port);
	/* alloc_netdev_mqs(): one allocation, the private area after */
	nb_put("memory", "netdev_alloc", sf.netdev_slab);
	nb_put("memory", "netcx_adapter", nf.adapter);
	nb_put("memory", "netcx_adapter_slab", nf.adapter_slab);
	nb_put("memory", "netcx_pcpu_stats", nf.pcpu_stats);
	nb_put("memory", "netcx_percpu", nf.percpu);
	nb_put("memory", "netcx_per_port", nf.adapter_slab + nf.percpu);
	nb_put("memory", "ncsim_txd", sf.txd);
	nb_put("memory", "ncsim_rxd", sf.rxd);
	nb_put("memory", "tx_ring_entry", sf.tx_entry);
	nb_put("memory", "rx_ring_entry", sf.rx_entry);
	nb_put("memory", "tx_ring", sf.tx_ring);
	nb_put("memory", "rx_ring", sf.rx_ring);
	nb_put("memory", "rings_per_port", sf.rings_slab);
	/* a posted receive buffer at MTU 1500, as ncsim posts it */
	skb = __netdev_alloc_skb_ip_align(dev, sf.rx_buf_len, GFP_KERNEL);
	if (skb) {
		nb_put("memory", "rx_buffer", skb->truesize);
		kfree_skb(skb);
	}
}

static int __init nb_init(void)
{
	struct net_device *dev[NB_NDEVS] = {};
	int i, err = 0;

	if (!rounds || rounds > NB_MAX_ROUNDS || !packets || !fallbacks) {
		pr_err("rounds must be 1-%u, packets and fallbacks not 0\n",
		       NB_MAX_ROUNDS);
		return -EINVAL;
	}
	for (i = 0; i < NB_NDEVS; i++) {
		dev[i] = nb_dev_create(i, dev[NB_FULL]);
		if (IS_ERR(dev[i])) {
			err = PTR_ERR(dev[i]);
			dev[i] = NULL;
			pr_err("%s: not created (%d)\n", nb_dev_names[i], err);
			goto out;
		}
	}

	nb_memory(dev[NB_FULL]);
	nb_perpkt(dev[NB_FULL], dev[NB_NONE], dev[NB_PLAIN]);
	nb_fallback(dev[NB_NOLSO], dev[NB_NONE]);
	pr_info("done\n");
out:
	for (i = NB_NDEVS - 1; i >= 0; i--)
		nb_dev_destroy(dev[i]);
	return err;
}

static void __exit nb_exit(void)
{
}

module_init(nb_init);
module_exit(nb_exit);

MODULE_DESCRIPTION("netcx benchmarks: per-packet cost, software fallback, memory");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(NETCX_NS);
MODULE_IMPORT_NS(NCSIM_NS);
