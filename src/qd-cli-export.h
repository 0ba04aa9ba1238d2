/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "qd-charts.h"
#include "qd-store.h"

G_BEGIN_DECLS

#define QD_EXPORT_DEFAULT_WIDTH  960
#define QD_EXPORT_DEFAULT_HEIGHT 540

typedef enum
{
  QD_EXPORT_PNG,
  QD_EXPORT_SVG,
  QD_EXPORT_PDF,
} QdExportFormat;

gboolean qd_export_format_for_path (const char         *path,
                                    QdExportFormat     *format);
gboolean qd_export_chart_write     (const QdChartLine  *chart,
                                    QdExportFormat      format,
                                    const char         *path,
                                    int                 width,
                                    int                 height,
                                    GError            **error);

/* The export-chart command; @args follow the command name. */
int      qd_cli_export_chart       (QdStore            *store,
                                    const char * const *args);

G_END_DECLS
