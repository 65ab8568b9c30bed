#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ncsim devices at run time and their devlink instances, a guest script
# (scripts/integration.sh runs it in UML, with a kmemleak scan after it).
#
#   devices    /sys/bus/ncsim/new_device with every profile and limit
#              overrides: the device, its two ports, its devlink instance
#              (ncsim/ncsim<ID>), ethtool -i, the limits; digest-checked
#              transfers through the new pair, then del_device while a
#              transfer runs; bad new_device and del_device strings
#              refused with the right error and a message, leaving
#              nothing; new_device and del_device from two writers at
#              once while traffic flows; module unload with run-time
#              devices present, one of them under traffic, and unload
#              while a writer keeps asking for devices
#   keywords   the devlink parameter keywords (driverinit): set, reloaded
#              (devlink dev reload), the offloads it switches off shown
#              "off [fixed]" on both ports, back on after clearing it and
#              reloading; bad strings refused with the message naming the
#              token; reloads while a digest-checked transfer runs, the
#              transfer intact; the ports keep names, namespaces and
#              addresses; a device created with keywords=...
#
#        netns a                                   netns b
#   +------------------+                      +------------------+
#   | port 0 of the    |      ncsim wire      | port 1 of the    |
#   | device           |<====================>| device           |
#   | 198.18.0.1/24    |                      | 198.18.0.2/24    |
#   | 2001:2::1/64     |                      | 2001:2::2/64     |
#   +------------------+                      +------------------+
#
#   ncsim_devlink.sh BUILD RUN
#   ncsim_devlink.sh --runs
# Measured on a busy host (load 6-7 on two CPUs): keywords 1.5 minutes,
# devices 3.5 (each process start costs UML about 0.3 s); less on its own.
# Also on Debian's 6.1 under QEMU, whose devlink differs (DEVLINK_F_RELOAD,
# parameters registered before the instance, a static extack message):
# 66 s (keywords) and 127 s (devices) there.
# guests: uml qemu-6.1
# weight: 180
# cpu: 60
set -u
if [ "${1:-}" = --runs ]; then
	echo devices keywords
	exit 0
fi
build=$1 run=$2
. "$(dirname "$0")/lib/ncsim.sh"

. "$(dirname "$0")/lib/check.sh"

BUS=/sys/bus/ncsim

# UML forks slowly (about 0.3 s a command): the helpers use bash's builtins.

# ports ID: the device's two ports, in the order they registered (init_net)
ports() {
	local n i by_index=()
	for n in "$BUS/devices/ncsim$1/net/"*; do
		[ -e "$n/ifindex" ] || continue
		read -r i < "$n/ifindex"
		by_index[i]=${n##*/}
	done
	echo "${by_index[*]}"
}

# names GLOB...: the base names of what exists, one line
names() {
	local f out=()
	for f in "$@"; do
		[ -e "$f" ] && out+=("${f##*/}")
	done
	echo "${out[*]}"
}

# devices: the bus's devices; netdevs: the ncsim ports in init_net
devices() { names "$BUS"/devices/*; }
netdevs() { names /sys/class/net/ncsim*; }

# write FILE STRING: STRING into the bus's FILE; prints the error
# (strerror) when the write fails
write() {
	local out
	{ printf '%s\n' "$2" > "$BUS/$1"; } 2> /tmp/ncsim-devlink-err && return 0
	read -r out < /tmp/ncsim-devlink-err
	echo "${out##*: }"
	return 1
}

# refused FILE STRING ERROR: the write is refused with ERROR, ncsim says
# why in the log, and nothing changes
refused() {
	local what="$1 \"$2\"" before nbefore dl err msg
	# shellcheck disable=SC2034 # the checks' eval reads them
	before=$(devices) nbefore=$(netdevs) dl=$(devlink dev)
	dmesg -C
	err=$(write "$1" "$2") && err=accepted
	msg=$(dmesg)
	check "$what: refused with $3" [ "$err" = "$3" ]
	check "$what: a message" eval '[[ $msg == *ncsim* ]]'
	check "$what: nothing left" eval \
		'[ "$(devices)" = "$before" ] && [ "$(netdevs)" = "$nbefore" ] &&
		 [ "$(devlink dev)" = "$dl" ]'
}

# pair_up A B: ports A and B into netns a and b, addressed and up, the
# transfer receiver in b; its pid in $srv
pair_up() {
	ip netns add a && ip netns add b || return 1
	ncsim_port_up a "$1" "${NCSIM_IP4[0]}" "${NCSIM_IP6[0]}" &&
		ncsim_port_up b "$2" "${NCSIM_IP4[1]}" "${NCSIM_IP6[1]}" &&
		ncsim_wait_carrier a "$1" && ncsim_wait_carrier b "$2" &&
		ncsim_xfer_serve b || return 1
	srv=$!
}

# pair_down: the receiver stopped, the namespaces deleted
pair_down() {
	kill "$srv" 2>/dev/null
	wait "$srv" 2>/dev/null
	ncsim_pair_down
}

# xfer SIZE [ADDR]: one digest-checked TCP transfer from a to b
xfer() {
	ncsim_xfer a tcp "${2:-${NCSIM_IP4[1]}}" "$1" plain
}

# violations A B: hw_caps_violation of ports A (in a) and B (in b)
violations() {
	echo $(( $(ncsim_stat a "$1" hw_caps_violation) +
		 $(ncsim_stat b "$2" hw_caps_violation) ))
}

# new_one K PROFILE OVERRIDES TSO_MAX: device 10+K of PROFILE with the
# OVERRIDES; its ports in port_a[K] and port_b[K]
new_one() {
	local k=$1 id=$(($1 + 10)) prof=$2 tso=$4 what="new_device $(($1 + 10)) $2"
	local p dl info
	check "$what $3: created" write new_device "$id $prof $3"
	read -ra p <<< "$(ports "$id")"
	check "$what: two ports" [ "${#p[@]}" -eq 2 ]
	dl=$(devlink dev)
	check "$what: devlink instance ncsim/ncsim$id" eval \
		'[[ $dl == *ncsim/ncsim$id* ]]'
	info=$(ethtool -i "${p[1]}")
	check "$what: ethtool -i: bus-info ncsim$id, firmware $prof" eval \
		'[[ $info == *"bus-info: ncsim$id"* &&
		    $info == *"firmware-version: $prof"* ]]'
	if [ -n "$tso" ]; then
		# shellcheck disable=SC2034 # the check's eval reads it
		info=$(ip -d link show "${p[0]}")
		check "$what: tso_max_size $tso (the override)" eval \
			'[[ $info == *"tso_max_size $tso "* ]]'
	fi
	port_a[k]=${p[0]} port_b[k]=${p[1]}
}

# every_profile: a device of each profile, then their ports in netns a and
# b on subnets of their own (198.18.K.0/24, 2001:2:K::/64: all created
# first, as a port moved out frees its name in init_net), transfers through
# all of them at once, then each deleted while a transfer runs through it
every_profile() {
	local k id pids=() what=() pid i dl
	port_a=() port_b=()
	ip netns add a && ip netns add b
	new_one 0 full "lso_max_size=32000 uso_max_size=30000" 32000
	new_one 1 e1000 "lso_max_size=30000 lso_offset_limit=100" 30000
	new_one 2 basic "csum_l4_offset_limit=54" ""
	new_one 3 none "" ""
	for k in 0 1 2 3; do
		check "device $((k + 10)): up in netns a and b" eval \
			'ncsim_port_up a "${port_a[k]}" "198.18.$k.1" "2001:2:$k::1" &&
			 ncsim_port_up b "${port_b[k]}" "198.18.$k.2" "2001:2:$k::2"'
	done
	check "every profile: the transfer receiver" ncsim_xfer_serve b
	srv=$!
	for k in 0 1 2 3; do
		ncsim_wait_carrier a "${port_a[k]}"
		ncsim_xfer a tcp "198.18.$k.2" $((1 << 20)) plain &
		pids+=($!) what+=("device $((k + 10)): TCP over IPv4, intact")
		ncsim_xfer a tcp "2001:2:$k::2" $((1 << 20)) plain &
		pids+=($!) what+=("device $((k + 10)): TCP over IPv6, intact")
	done
	for i in "${!pids[@]}"; do
		check "${what[i]}" wait "${pids[i]}"
	done
	for k in 0 1 2 3; do
		check "device $((k + 10)): no hw_caps_violation" eq0 \
			"$(violations "${port_a[k]}" "${port_b[k]}")"
	done

	pids=()
	for k in 0 1 2 3; do
		ncsim_xfer a tcp "198.18.$k.2" $((64 << 20)) plain \
			> /dev/null 2>&1 &
		pids+=($!)
	done
	sleep 1
	for k in 0 1 2 3; do
		id=$((k + 10))
		check "device $id: a transfer runs" kill -0 "${pids[k]}"
		check "device $id: del_device under traffic" write del_device "$id"
	done
	# shellcheck disable=SC2034 # the checks' eval reads it
	dl=$(devlink dev)
	for k in 0 1 2 3; do
		id=$((k + 10))
		check "device $id: the transfer ends" wait_for "${pids[k]}" 300
		check "device $id: ports gone" eval \
			'! ip -n a link show "${port_a[k]}" &&
			 ! ip -n b link show "${port_b[k]}"' 2> /dev/null
		check "device $id: devlink instance gone" eval \
			'[[ $dl != *ncsim/ncsim$id* ]]'
		check "device $id: device gone" [ ! -e "$BUS/devices/ncsim$id" ]
	done
	pair_down
}

# wait_for PID TENTHS: PID ended within TENTHS tenths of a second
wait_for() {
	local i
	for i in $(seq "$2"); do
		kill -0 "$1" 2>/dev/null || { wait "$1"; return 0; }
		sleep 0.1
	done
	kill "$1"
	return 1
}

# churn ID SECONDS: new_device and del_device of ID over and over, until
# the bus goes; prints how many devices it created
churn() {
	local end=$(( $(date +%s) + $2 )) n=0
	while [ "$(date +%s)" -lt "$end" ] && [ -e "$BUS/new_device" ]; do
		write new_device "$1 basic" > /dev/null && n=$((n + 1))
		write del_device "$1" > /dev/null
	done
	echo "$n"
}

devices_run() {
	local pid n1 n2 ok p t0=$SECONDS
	check "load" ncsim_load "$build" profile=full
	check "the bus: new_device and del_device" \
		[ -w "$BUS/new_device" ] && [ -w "$BUS/del_device" ]
	check "device ncsim0 from the module parameters" [ -d "$BUS/devices/ncsim0" ]
	check "its ports are ncsim0 and ncsim1" [ "$(ports 0)" = "ncsim0 ncsim1" ]
	check "its devlink instance ncsim/ncsim0" eval \
		'devlink dev | grep -qx "ncsim/ncsim0"'
	check "ethtool -i: driver ncsim, bus-info ncsim0" eval \
		'ethtool -i ncsim0 | grep -qx "driver: ncsim" &&
		 ethtool -i ncsim0 | grep -qx "bus-info: ncsim0"'

	every_profile
	echo "# every profile: $((SECONDS - t0)) s"
	check "only ncsim0 left" [ "$(devices)" = ncsim0 ]

	# defaults: the module's profile; keywords only; a negative limit
	check "new_device \"14\": the module's profile" write new_device 14
	read -ra p <<< "$(ports 14)"
	check "new_device 14: firmware full" eval \
		'ethtool -i "${p[0]}" | grep -qx "firmware-version: full"'
	check "new_device \"15 uso_max_segs=-1\": no profile named" \
		write new_device "15 uso_max_segs=-1"
	check "del_device 14" write del_device 14
	check "del_device 15" write del_device 15

	refused new_device "" "Invalid argument"
	refused new_device "x" "Invalid argument"
	refused new_device "2147483648" "Invalid argument"
	refused new_device "0" "File exists"
	refused new_device "20 bogus" "Invalid argument"
	refused new_device "20 full foo=1" "Invalid argument"
	refused new_device "20 full junk" "Invalid argument"
	refused new_device "20 full =5" "Invalid argument"
	refused new_device "20 full lso_max_size=12ab" "Invalid argument"
	refused new_device "20 full lso_min_segs=70000" "Invalid argument"
	refused new_device "20 full lso_min_segs=0" "Invalid argument"
	refused new_device "20 none lso_max_size=30000" "Invalid argument"
	refused new_device "20 basic csum_l3_offset_limit=4" "Invalid argument"
	refused new_device "20 full keywords=*NoSuchKeyword=1" "Invalid argument"
	refused new_device "20 full keywords=*LsoV2IPv4=7" "Invalid argument"
	refused del_device "" "Invalid argument"
	refused del_device "0 1" "Invalid argument"
	refused del_device "99" "No such file or directory"

	echo "# bad strings: $((SECONDS - t0)) s"
	# two writers creating and deleting devices while ncsim0/1 carry traffic
	check "pair ncsim0/ncsim1 up" pair_up ncsim0 ncsim1
	xfer $((16 << 20)) > /tmp/ncsim-devlink-xfer 2>&1 &
	pid=$!
	churn 30 8 > /tmp/ncsim-churn1 &
	n1=$!
	churn 31 8 > /tmp/ncsim-churn2 &
	n2=$!
	ok=0
	wait "$n1" && wait "$n2" && ok=1
	echo "# churn: $(cat /tmp/ncsim-churn1) and $(cat /tmp/ncsim-churn2) devices"
	check "two writers: both created devices" eval \
		'[ "$ok" = 1 ] && gt0 "$(cat /tmp/ncsim-churn1)" && gt0 "$(cat /tmp/ncsim-churn2)"'
	check "two writers: the transfer beside them intact" wait "$pid"
	check "two writers: only ncsim0 left" [ "$(devices)" = ncsim0 ]
	check "two writers: the same ports in init_net" [ -z "$(netdevs)" ]

	echo "# two writers: $((SECONDS - t0)) s"
	# unload with run-time devices present, one pair under traffic
	pair_down
	check "new_device 40 e1000" write new_device "40 e1000"
	check "new_device 41 basic" write new_device "41 basic"
	read -ra p <<< "$(ports 41)"
	check "device 41 up in two namespaces" pair_up "${p[0]}" "${p[1]}"
	xfer $((128 << 20)) > /tmp/ncsim-devlink-xfer 2>&1 &
	pid=$!
	sleep 1
	check "unload under traffic, three devices" ncsim_unload
	check "the transfer ends" wait_for "$pid" 300
	check "no port left" eval '[ -z "$(netdevs)" ] && ! ip -n a link show "${p[0]}"'
	check "no bus left" [ ! -e "$BUS" ]
	pair_down

	echo "# unload under traffic: $((SECONDS - t0)) s"
	# unload while a writer keeps creating and deleting devices
	check "load again" ncsim_load "$build" profile=basic pairs=2
	churn 50 30 > /dev/null 2>&1 &
	pid=$!
	sleep 2
	check "unload while a writer churns" ncsim_unload
	wait "$pid"
	check "no port left" [ -z "$(netdevs)" ]
	check "load once more" ncsim_load "$build"
	check "device ncsim0 again" [ "$(devices)" = ncsim0 ]
	check "unload" ncsim_unload
}

DL=ncsim/ncsim0

# param DEV: the value of DEV's devlink parameter keywords
param() {
	local out
	out=$(devlink dev param show "$1" name keywords) || return 1
	out=${out##*cmode driverinit value }
	echo "${out%%$'\n'*}"
}

# set_kw DEV VALUE: devlink dev param set, its errors in $err
set_kw() {
	err=$(devlink dev param set "$1" name keywords value "$2" \
		cmode driverinit 2>&1)
}

# feature NS DEV NAME: the ethtool -k line of NAME, after the colon
feature() {
	local out nl=$'\n'
	out=$nl$(ip netns exec "$1" ethtool -k "$2")
	if [[ $out == *"$nl	$3: "* ]]; then
		out=${out#*"$nl	$3: "}
	else
		out=${out#*"$nl$3: "}
	fi
	echo "${out%%"$nl"*}"
}

# tso_is STATE: tx-tcp-segmentation and tx-tcp6-segmentation of both
# ports are STATE ("on", "off [fixed]")
tso_is() {
	[ "$(feature a ncsim0 tx-tcp-segmentation)" = "$1" ] &&
		[ "$(feature a ncsim0 tx-tcp6-segmentation)" = "$1" ] &&
		[ "$(feature b ncsim1 tx-tcp-segmentation)" = "$1" ] &&
		[ "$(feature b ncsim1 tx-tcp6-segmentation)" = "$1" ]
}

# kept: both ports in their namespaces, named, addressed, up, with carrier
kept() {
	local a b
	a=$(ip -n a addr show dev ncsim0) b=$(ip -n b addr show dev ncsim1)
	[[ $a == *"198.18.0.1/24"* && $a == *"2001:2::1/64"* &&
	   $a == *",UP,LOWER_UP>"* && $b == *"198.18.0.2/24"* &&
	   $b == *"2001:2::2/64"* && $b == *",UP,LOWER_UP>"* ]]
}

# xfer_loop STOP: 8 MiB transfers from a to b, one after another, until
# the file STOP exists; prints how many, and how many failed
xfer_loop() {
	local n=0 bad=0
	while [ ! -e "$1" ]; do
		xfer $((8 << 20)) > /dev/null 2>&1 || bad=$((bad + 1))
		n=$((n + 1))
	done
	echo "$n $bad"
}

# reloads_under_traffic WHAT N: N reloads while transfers run, every
# transfer intact (each short enough for a slow guest's 60 s)
reloads_under_traffic() {
	local pid i ok=0 n bad stop=/tmp/ncsim-devlink-stop
	rm -f "$stop"
	xfer_loop "$stop" > /tmp/ncsim-devlink-loop &
	pid=$!
	sleep 1
	for i in $(seq "$2"); do
		devlink dev reload "$DL" && ok=$((ok + 1))
		sleep 0.5
	done
	touch "$stop"
	wait "$pid"
	read -r n bad < /tmp/ncsim-devlink-loop
	echo "# $1: $n transfers, $bad failed"
	check "$1: $2 reloads while transfers run" [ "$ok" -eq "$2" ]
	check "$1: every transfer intact" eval '[ "$n" -gt 0 ] && [ "$bad" -eq 0 ]'
	if [ "$bad" -ne 0 ]; then
		# what moved, for the log
		ip netns exec a ethtool -S ncsim0 | grep -v ': 0$'
		ip netns exec b ethtool -S ncsim1 | grep -v ': 0$'
	fi
}

keywords_run() {
	local kw="*LsoV2IPv4=0,*LsoV2IPv6=0" long p msg
	check "load" ncsim_load "$build" profile=full
	check "pair up in two namespaces" pair_up ncsim0 ncsim1
	check "$DL: keywords, driverinit, empty" eval '[ -z "$(param "$DL")" ]'
	check "TSO on" tso_is on

	check "set keywords $kw" set_kw "$DL" "$kw"
	check "the value is stored" [ "$(param "$DL")" = "$kw" ]
	check "TSO still on before the reload" tso_is on
	check "reload" devlink dev reload "$DL"
	check "TSO off [fixed] on both ports after it" tso_is "off [fixed]"
	check "USO still on" [ "$(feature a ncsim0 tx-udp-segmentation)" = on ]
	check "the ports kept names, namespaces, addresses, link" kept
	check "TCP over IPv4 after the reload, intact" xfer $((1 << 20))
	check "TCP over IPv6 after the reload, intact" \
		xfer $((1 << 20)) "${NCSIM_IP6[1]}"
	check "the hardware segmented nothing" \
		eq0 "$(ncsim_stat a ncsim0 tx_lso_hw)"

	for p in "*LsoV2IPv4=7" "*NoSuchKeyword=1" "*UsoIPv4"; do
		dmesg -C
		check "\"$p\" refused" eval '! set_kw "$DL" "$p"'
		# shellcheck disable=SC2034 # the checks' eval reads it
		msg=$(dmesg)
		echo "# $err"
		if kernel_before 6 2; then
			# the extack holds a static string: why, alone
			check "\"$p\": devlink says why, the log names it" eval \
				'[[ $err == "Error: "* && $msg == *"$p"* ]]'
		else
			check "\"$p\": devlink's message names the token" eval \
				'[[ $err == *"netcx: "*"$p"* ]]'
		fi
		check "\"$p\": the value unchanged" [ "$(param "$DL")" = "$kw" ]
	done
	long="*LsoV2IPv4=0,*LsoV2IPv6=0,*UsoIPv4=0"
	check "a value over 31 characters refused" eval '! set_kw "$DL" "$long"'

	check "clear the keywords" set_kw "$DL" ""
	reloads_under_traffic "cleared" 3
	check "TSO on again, not fixed" tso_is on
	check "set $kw again" set_kw "$DL" "$kw"
	reloads_under_traffic "$kw" 3
	check "TSO off [fixed] again" tso_is "off [fixed]"
	check "the ports kept names, namespaces, addresses, link" kept
	check "no hw_caps_violation" eq0 "$(violations ncsim0 ncsim1)"

	check "reload into another namespace refused" \
		eval '! devlink dev reload "$DL" netns b 2> /dev/null'
	check "reload with the ports down" eval \
		'ip -n a link set ncsim0 down && ip -n b link set ncsim1 down &&
		 devlink dev reload "$DL" &&
		 ip -n a link set ncsim0 up && ip -n b link set ncsim1 up &&
		 ncsim_wait_carrier a ncsim0 && ncsim_wait_carrier b ncsim1'
	check "TCP after it, intact" xfer $((1 << 20))
	pair_down

	# a device created with keywords: the parameter's initial value
	kw="*UsoIPv4=0,*UsoIPv6=0"
	check "new_device \"5 full keywords=$kw\"" \
		write new_device "5 full keywords=$kw"
	read -ra p <<< "$(ports 5)"
	check "ncsim/ncsim5: keywords $kw" [ "$(param ncsim/ncsim5)" = "$kw" ]
	check "USO off [fixed] on its ports" eval \
		'ethtool -k "${p[0]}" | grep -qx "tx-udp-segmentation: off \[fixed\]" &&
		 ethtool -k "${p[1]}" | grep -qx "tx-udp-segmentation: off \[fixed\]"'
	check "cleared and reloaded: USO on" eval \
		'set_kw ncsim/ncsim5 "" && devlink dev reload ncsim/ncsim5 &&
		 ethtool -k "${p[0]}" | grep -qx "tx-udp-segmentation: on"'
	# longer than devlink holds: fixed for the device's life
	long="*UsoIPv4=0,*UsoIPv6=0,*LsoV2IPv4=0"
	check "new_device \"6 basic keywords=$long\" (${#long} characters)" \
		write new_device "6 full keywords=$long"
	read -ra p <<< "$(ports 6)"
	check "ncsim/ncsim6: no keywords parameter" eval '! param ncsim/ncsim6 2> /dev/null'
	check "its keywords apply" eval \
		'ethtool -k "${p[0]}" | grep -qx "tx-udp-segmentation: off \[fixed\]"'
	check "it reloads, the keywords kept" eval \
		'devlink dev reload ncsim/ncsim6 &&
		 ethtool -k "${p[0]}" | grep -qx "tx-udp-segmentation: off \[fixed\]"'
	check "new_device with bad keywords refused" eval \
		'! write new_device "7 full keywords=*UsoIPv4=9" > /dev/null'
	check "unload with three devices" ncsim_unload
}

case $run in
devices) devices_run ;;
keywords) keywords_run ;;
*) echo "unknown run $run"; exit 1 ;;
esac
check_end ncsim_devlink
