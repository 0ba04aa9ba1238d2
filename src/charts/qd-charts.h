/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The charts layer: pure Cairo + Pango renderers. Include this one. */

#include "qd-chart-types.h"
#include "qd-chart-palette.h"
#include "qd-chart-format.h"
#include "qd-chart-axis.h"
#include "qd-chart-reduce.h"
#include "qd-chart-line.h"
#include "qd-chart-sparkline.h"
#include "qd-chart-bar.h"
