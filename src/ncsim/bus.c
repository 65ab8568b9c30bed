// SPDX-License-Identifier: GPL-2.0
/*
 * The ncsim bus: /sys/bus/ncsim/, whose devices come and go at run time,
 * as netdevsim's do. One device is a pair of ports joined by their wire,
 * with a devlink instance (devlink.c); the module parameters create the
 * first ones (main.c), the others are asked for by writing to the bus:
 *
 *   echo "ID [PROFILE] [NAME=VALUE ...]" > /sys/bus/ncsim/new_device
 *   echo ID > /sys/bus/ncsim/del_device
 *
 * ID (0 to INT_MAX, unique) names the device ncsim<ID> (devlink handle
 * ncsim/ncsim<ID>); PROFILE is full, e1000, basic, none, tnlcsum or tnlpartial, the module's
 * profile when left out; each NAME=VALUE is one of the module's limit
 * overrides (lso_max_size=..., same names, same range checks, the module's
 * values the defaults) or keywords=KEYWORDS, the initial value of the
 * devlink parameter keywords (the module's keywords when left out). Bad
 * input is refused with -EINVAL (-EEXIST for an ID in use, -ENOENT for
 * del_device of an unknown one) and a message, and leaves nothing.
 *
 * A mutex guards the list of devices: new_device, del_device and module
 * unload run one at a time, and the unload first shuts the door (what
 * writes after that gets -EBUSY), then removes every device, then waits
 * until the last one is released (devlink may hold a reference a little
 * longer) before the bus goes.
 */
#include <linux/completion.h>
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <compat/compat.h>

#include "ncsim.h"

static LIST_HEAD(ncsim_devs);
static DEFINE_MUTEX(ncsim_devs_lock);
/* new_device and del_device may run: under ncsim_devs_lock */
static bool ncsim_bus_open;
/* the devices not yet released, and the bus itself */
static refcount_t ncsim_bus_refs;
static DECLARE_COMPLETION(ncsim_bus_released);

static struct ncsim_dev *to_ncsim_dev(struct device *dev)
{
	return container_of(dev, struct ncsim_dev, dev);
}

static void ncsim_dev_release(struct device *dev)
{
	struct ncsim_dev *nd = to_ncsim_dev(dev);

	kfree(nd->keywords);
	kfree(nd);
	if (refcount_dec_and_test(&ncsim_bus_refs))
		complete(&ncsim_bus_released);
}

static const struct device_type ncsim_dev_type = {
	.release = ncsim_dev_release,
};

static int ncsim_bus_probe(struct device *dev)
{
	struct ncsim_dev *nd = to_ncsim_dev(dev);

	/* ncsim_dev_new() reads it: the driver core keeps it to itself */
	nd->probe_err = ncsim_dev_probe(nd);
	return nd->probe_err;
}

static void ncsim_bus_remove(struct device *dev)
{
	ncsim_dev_remove(to_ncsim_dev(dev));
}

/* Under ncsim_devs_lock. */
static struct ncsim_dev *ncsim_dev_find(unsigned int id)
{
	struct ncsim_dev *nd;

	list_for_each_entry(nd, &ncsim_devs, list)
		if (nd->dev.id == id)
			return nd;
	return NULL;
}

/* The next token of @p, blanks skipped; NULL at the end. */
static char *ncsim_next_token(char **p)
{
	char *tok;

	do {
		tok = strsep(p, " \t\n");
	} while (tok && !*tok);
	return tok;
}

static int ncsim_parse_id(const char *what, const char *tok, unsigned int *id)
{
	if (kstrtouint(tok, 10, id) || *id > INT_MAX) {
		pr_err("ncsim: %s: bad ID \"%s\" (0-%d)\n", what, tok, INT_MAX);
		return -EINVAL;
	}
	return 0;
}

static int ncsim_bus_new_device(char *str)
{
	const char *keywords = ncsim_param_keywords;
	const struct ncsim_profile *prof;
	struct ncsim_limits lim;
	char *p = str, *tok, *val;
	unsigned int id;
	int err;

	tok = ncsim_next_token(&p);
	if (!tok) {
		pr_err("ncsim: new_device: \"ID [PROFILE] [NAME=VALUE ...]\" expected\n");
		return -EINVAL;
	}
	err = ncsim_parse_id("new_device", tok, &id);
	if (err)
		return err;

	/* validated when the module loaded */
	prof = ncsim_profile_find(ncsim_param_profile);
	tok = ncsim_next_token(&p);
	if (tok && !strchr(tok, '=')) {
		prof = ncsim_profile_find(tok);
		if (!prof) {
			pr_err("ncsim: new_device: unknown profile \"%s\" (full, e1000, basic, none, tnlcsum, tnlpartial)\n",
			       tok);
			return -EINVAL;
		}
		tok = ncsim_next_token(&p);
	}

	ncsim_limits_init(&lim, false);
	for (; tok; tok = ncsim_next_token(&p)) {
		val = strchr(tok, '=');
		if (!val || val == tok) {
			pr_err("ncsim: new_device: \"%s\" is not NAME=VALUE\n",
			       tok);
			return -EINVAL;
		}
		*val++ = '\0';
		if (!strcmp(tok, "keywords")) {
			keywords = val;
			continue;
		}
		err = ncsim_limits_set(&lim, tok, val);
		if (err)
			return -EINVAL;
	}
	return ncsim_dev_new(id, prof, &lim, keywords);
}

static ssize_t new_device_store(netcx_bus_type *bus,
				const char *buf, size_t count)
{
	char *str;
	int err;

	str = kstrndup(buf, count, GFP_KERNEL);
	if (!str)
		return -ENOMEM;
	err = ncsim_bus_new_device(str);
	kfree(str);
	return err ?: count;
}
static BUS_ATTR_WO(new_device);

static ssize_t del_device_store(netcx_bus_type *bus,
				const char *buf, size_t count)
{
	char *str, *p, *tok;
	struct ncsim_dev *nd;
	unsigned int id;
	int err;

	str = kstrndup(buf, count, GFP_KERNEL);
	if (!str)
		return -ENOMEM;
	p = str;
	tok = ncsim_next_token(&p);
	if (!tok || ncsim_next_token(&p)) {
		pr_err("ncsim: del_device: \"ID\" expected\n");
		err = -EINVAL;
		goto out_free;
	}
	err = ncsim_parse_id("del_device", tok, &id);
	if (err)
		goto out_free;

	mutex_lock(&ncsim_devs_lock);
	if (!ncsim_bus_open) {
		err = -EBUSY;
		goto out_unlock;
	}
	nd = ncsim_dev_find(id);
	if (!nd) {
		pr_err("ncsim: del_device: no device %u\n", id);
		err = -ENOENT;
		goto out_unlock;
	}
	list_del(&nd->list);
	device_unregister(&nd->dev);
out_unlock:
	mutex_unlock(&ncsim_devs_lock);
out_free:
	kfree(str);
	return err ?: count;
}
static BUS_ATTR_WO(del_device);

static struct attribute *ncsim_bus_attrs[] = {
	&bus_attr_new_device.attr,
	&bus_attr_del_device.attr,
	NULL
};
ATTRIBUTE_GROUPS(ncsim_bus);

static netcx_bus_type ncsim_bus = {
	.name		= "ncsim",
	.dev_name	= "ncsim",
	.bus_groups	= ncsim_bus_groups,
	.probe		= ncsim_bus_probe,
	.remove		= ncsim_bus_remove,
};

/* Bound when added, unbound when deleted: no bind or unbind in sysfs. */
static struct device_driver ncsim_driver = {
	.name			= "ncsim",
	.bus			= &ncsim_bus,
	.owner			= THIS_MODULE,
	.suppress_bind_attrs	= true,
	.probe_type		= PROBE_FORCE_SYNCHRONOUS,
};

/**
 * ncsim_dev_new() - create a device on the ncsim bus, and its ports
 * @id: its ID: ncsim<ID>.
 * @profile: the hardware its ports model.
 * @lim: the limit overrides.
 * @keywords: the initial value of its devlink parameter keywords.
 *
 * Return: 0; -EEXIST when @id is in use, -EBUSY while the module goes,
 * or the error of the overrides, of netcx or of an allocation (with a
 * message, and nothing left behind).
 */
int ncsim_dev_new(unsigned int id, const struct ncsim_profile *profile,
		  const struct ncsim_limits *lim, const char *keywords)
{
	struct ncsim_dev *nd;
	int err;

	mutex_lock(&ncsim_devs_lock);
	if (!ncsim_bus_open) {
		err = -EBUSY;
		goto out_unlock;
	}
	if (ncsim_dev_find(id)) {
		pr_err("ncsim: device %u exists\n", id);
		err = -EEXIST;
		goto out_unlock;
	}
	err = -ENOMEM;
	nd = kzalloc(sizeof(*nd), GFP_KERNEL);
	if (!nd)
		goto out_unlock;
	nd->keywords = kstrdup(keywords ?: "", GFP_KERNEL);
	if (!nd->keywords)
		goto err_free_dev;
	err = ncsim_profile_caps(profile, lim, &nd->caps);
	if (err)
		goto err_free_keywords;
	nd->profile = profile;
	nd->threaded = ncsim_param_threaded;

	/* from here on the release frees it */
	device_initialize(&nd->dev);
	refcount_inc(&ncsim_bus_refs);
	nd->dev.bus = &ncsim_bus;
	nd->dev.type = &ncsim_dev_type;
	nd->dev.id = id;
	err = device_add(&nd->dev);
	if (err)
		goto err_put_device;
	/* probed synchronously: bound now, or its probe failed */
	if (!nd->dev.driver) {
		err = nd->probe_err ?: -ENODEV;
		if (!nd->probe_err)
			pr_err("ncsim: %s not bound (drivers_autoprobe off?)\n",
			       dev_name(&nd->dev));
		goto err_del_device;
	}
	list_add_tail(&nd->list, &ncsim_devs);
	mutex_unlock(&ncsim_devs_lock);
	return 0;

err_del_device:
	device_del(&nd->dev);
err_put_device:
	put_device(&nd->dev);
	goto out_unlock;
err_free_keywords:
	kfree(nd->keywords);
err_free_dev:
	kfree(nd);
out_unlock:
	mutex_unlock(&ncsim_devs_lock);
	return err;
}

/**
 * ncsim_bus_init() - register the ncsim bus and its driver
 *
 * Return: 0 or the error of bus_register() or driver_register().
 */
int ncsim_bus_init(void)
{
	int err;

	err = bus_register(&ncsim_bus);
	if (err)
		return err;
	err = driver_register(&ncsim_driver);
	if (err)
		goto err_bus_unregister;
	refcount_set(&ncsim_bus_refs, 1);
	mutex_lock(&ncsim_devs_lock);
	ncsim_bus_open = true;
	mutex_unlock(&ncsim_devs_lock);
	return 0;

err_bus_unregister:
	bus_unregister(&ncsim_bus);
	return err;
}

/**
 * ncsim_bus_exit() - remove every device, then the driver and the bus
 */
void ncsim_bus_exit(void)
{
	struct ncsim_dev *nd, *tmp;

	mutex_lock(&ncsim_devs_lock);
	ncsim_bus_open = false;
	list_for_each_entry_safe_reverse(nd, tmp, &ncsim_devs, list) {
		list_del(&nd->list);
		device_unregister(&nd->dev);
	}
	mutex_unlock(&ncsim_devs_lock);

	if (refcount_dec_and_test(&ncsim_bus_refs))
		complete(&ncsim_bus_released);
	wait_for_completion(&ncsim_bus_released);
	driver_unregister(&ncsim_driver);
	bus_unregister(&ncsim_bus);
}
