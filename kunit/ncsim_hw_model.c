// SPDX-License-Identifier: GPL-2.0
/*
 * The ncsim hardware model, compiled once more into the KUnit module: an
 * object file may belong to one module only, and the model needs neither
 * netcx nor a net_device, so the suite drives its own copy.
 */
#include "../src/ncsim/hw_tx.c"
#include "../src/ncsim/hw_rx.c"
