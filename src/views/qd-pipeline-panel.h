/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qd-roster.h"

G_BEGIN_DECLS

#define QD_TYPE_PIPELINE_PANEL (qd_pipeline_panel_get_type ())

G_DECLARE_FINAL_TYPE (QdPipelinePanel, qd_pipeline_panel, QD, PIPELINE_PANEL, GtkWidget)

void qd_pipeline_panel_set_roster (QdPipelinePanel *self,
                                   QdRoster        *roster);
void qd_pipeline_panel_refresh    (QdPipelinePanel *self);

G_END_DECLS
