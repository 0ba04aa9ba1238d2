/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-chart-reduce"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "qd-chart-reduce.h"

#define NONE G_MAXSIZE

typedef struct
{
  gsize min_index;
  gsize max_index;
  gsize gap_index;
} Column;

/**
 * qd_chart_reduce_column:
 * @time_min: time at the left edge of the first column
 * @time_max: time at the right edge of the last column
 *
 * Returns: the column, from 0 to @n_columns - 1, that @time falls in;
 *   times outside the range go to the first or last column
 */
gsize
qd_chart_reduce_column (gint64 time,
                        gint64 time_min,
                        gint64 time_max,
                        guint  n_columns)
{
  double f;

  if (n_columns == 0)
    return 0;
  if (time_max <= time_min || time <= time_min)
    return 0;
  if (time >= time_max)
    return n_columns - 1;

  f = ((double) time - (double) time_min) / ((double) time_max - (double) time_min);

  return MIN ((gsize) (f * n_columns), (gsize) n_columns - 1);
}

static int
compare_size (const void *a,
              const void *b)
{
  gsize x = *(const gsize *) a;
  gsize y = *(const gsize *) b;

  return (x > y) - (x < y);
}

/**
 * qd_chart_reduce_minmax:
 * @points: points, normally sorted by time
 * @n_points: how many
 * @time_min: time at the left edge of the first column
 * @time_max: time at the right edge of the last column
 * @n_columns: how many columns, usually the plot width in device pixels
 * @n_out: (out): how many points the result holds
 *
 * Reduces a long series for drawing: for every column it keeps the point
 * with the smallest value and the one with the largest value (one point
 * when they are the same), and one NaN point when the column has a
 * period without a value, so the line still breaks there. Kept points
 * stay in their original order within a column, and columns come out
 * left to right, so a line through the result covers exactly the pixels
 * the full series would.
 *
 * The result never holds more than %QD_CHART_REDUCE_MAX_PER_COLUMN
 * points per column, whatever the input.
 *
 * Returns: (transfer full) (nullable): the kept points, free with
 *   g_free(); %NULL when there is nothing to keep
 */
QdChartPoint *
qd_chart_reduce_minmax (const QdChartPoint *points,
                        gsize               n_points,
                        gint64              time_min,
                        gint64              time_max,
                        guint               n_columns,
                        gsize              *n_out)
{
  g_autofree Column *columns = NULL;
  QdChartPoint *out;
  gsize n = 0;

  g_return_val_if_fail (n_out != NULL, NULL);

  *n_out = 0;

  if (points == NULL || n_points == 0 || n_columns == 0)
    return NULL;

  columns = g_new (Column, n_columns);
  for (guint c = 0; c < n_columns; c++)
    columns[c] = (Column) { NONE, NONE, NONE };

  for (gsize i = 0; i < n_points; i++)
    {
      Column *col = &columns[qd_chart_reduce_column (points[i].time, time_min,
                                                     time_max, n_columns)];
      double v = points[i].value;

      if (!isfinite (v))
        {
          if (col->gap_index == NONE)
            col->gap_index = i;
          continue;
        }

      if (col->min_index == NONE || v < points[col->min_index].value)
        col->min_index = i;
      if (col->max_index == NONE || v > points[col->max_index].value)
        col->max_index = i;
    }

  out = g_new (QdChartPoint, (gsize) n_columns * QD_CHART_REDUCE_MAX_PER_COLUMN);

  for (guint c = 0; c < n_columns; c++)
    {
      gsize kept[QD_CHART_REDUCE_MAX_PER_COLUMN];
      guint n_kept = 0;

      if (columns[c].min_index != NONE)
        kept[n_kept++] = columns[c].min_index;
      if (columns[c].max_index != NONE && columns[c].max_index != columns[c].min_index)
        kept[n_kept++] = columns[c].max_index;
      if (columns[c].gap_index != NONE)
        kept[n_kept++] = columns[c].gap_index;

      qsort (kept, n_kept, sizeof kept[0], compare_size);

      for (guint k = 0; k < n_kept; k++)
        {
          out[n] = points[kept[k]];
          if (!isfinite (out[n].value))
            out[n].value = NAN;
          n++;
        }
    }

  if (n == 0)
    {
      g_free (out);
      return NULL;
    }

  *n_out = n;

  return out;
}
