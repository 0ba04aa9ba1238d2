/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-chart-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "qd-chart-view.h"

/* Shows a trend chart drawn by the charts layer. The widget only adds
 * what a screen needs: a palette from the style (light, dark, high
 * contrast), the hover read-out, and the accessible description. */

struct _QdChartView
{
  GtkWidget      parent_instance;

  /* A deep copy of the chart given, so callers may free theirs. */
  QdChartLine    chart;
  QdChartSeries *series;
  GPtrArray     *strings;
  GPtrArray     *point_arrays;

  gboolean       has_hit;
  QdChartHit     hit;
  char          *readout;
  char          *description;
};

G_DEFINE_FINAL_TYPE (QdChartView, qd_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_READOUT,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
color_from_rgba (QdChartColor  *color,
                 const GdkRGBA *rgba)
{
  color->red = rgba->red;
  color->green = rgba->green;
  color->blue = rgba->blue;
  color->alpha = rgba->alpha;
}

static gboolean
lookup (GtkStyleContext *context,
        const char      *name,
        QdChartColor    *color)
{
  GdkRGBA rgba;

  if (!gtk_style_context_lookup_color (context, name, &rgba))
    return FALSE;
  color_from_rgba (color, &rgba);
  return TRUE;
}

/**
 * qd_chart_palette_from_widget:
 *
 * Builds a chart palette from @widget's style: the view background and
 * text colours, the accent colour for the target line, and series colours
 * from the style's palette, picked for the light or dark scheme and for
 * high contrast.
 */
void
qd_chart_palette_from_widget (QdChartPalette *palette,
                              GtkWidget      *widget)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  G_GNUC_END_IGNORE_DEPRECATIONS
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  gboolean high_contrast = adw_style_manager_get_high_contrast (manager);
  PangoContext *pango = gtk_widget_get_pango_context (widget);
  PangoFontDescription *font = pango_context_get_font_description (pango);
  GdkRGBA fg;

  if (high_contrast)
    qd_chart_palette_init_high_contrast (palette, dark);
  else if (dark)
    qd_chart_palette_init_dark (palette);
  else
    qd_chart_palette_init_light (palette);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  lookup (context, "view_bg_color", &palette->background);
  if (lookup (context, "view_fg_color", &palette->foreground))
    {
      palette->dim_foreground = palette->foreground;
      palette->dim_foreground.alpha *= high_contrast ? 0.9 : 0.65;
      palette->grid = palette->foreground;
      palette->grid.alpha *= high_contrast ? 0.35 : 0.12;
      palette->axis = palette->foreground;
      palette->axis.alpha *= high_contrast ? 0.8 : 0.4;
    }
  else
    {
      gtk_style_context_get_color (context, &fg);
      color_from_rgba (&palette->foreground, &fg);
    }
  /* The target keeps the palette's neutral colour: the accent is the
   * first series' colour and the two must not be confused. */
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (font != NULL && pango_font_description_get_family (font) != NULL)
    qd_chart_palette_set_font (palette, pango_font_description_get_family (font),
                               pango_font_description_get_size (font) / (double) PANGO_SCALE);
}

static void
clear_chart (QdChartView *self)
{
  g_clear_pointer (&self->series, g_free);
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_clear_pointer (&self->point_arrays, g_ptr_array_unref);
  memset (&self->chart, 0, sizeof self->chart);
  self->has_hit = FALSE;
}

static void
set_readout (QdChartView *self,
             char        *readout)
{
  if (g_strcmp0 (self->readout, readout) == 0)
    {
      g_free (readout);
      return;
    }
  g_free (self->readout);
  self->readout = readout;
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), readout);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READOUT]);
}

static void
current_layout (QdChartView   *self,
                QdChartLayout *layout)
{
  QdChartPalette palette;

  qd_chart_palette_from_widget (&palette, GTK_WIDGET (self));
  qd_chart_line_layout (&self->chart, &palette,
                        gtk_widget_get_width (GTK_WIDGET (self)),
                        gtk_widget_get_height (GTK_WIDGET (self)),
                        layout);
}

static void
motion_cb (QdChartView *self,
           double       x,
           double       y)
{
  QdChartLayout layout;
  QdChartHit hit;

  if (self->chart.n_series == 0)
    return;

  current_layout (self, &layout);
  if (qd_chart_line_hit_test (&self->chart, &layout, x, y, &hit))
    {
      if (!self->has_hit || hit.series != self->hit.series || hit.index != self->hit.index)
        {
          self->hit = hit;
          self->has_hit = TRUE;
          set_readout (self, qd_chart_line_format_readout (&self->chart, hit.series, hit.index));
          gtk_widget_queue_draw (GTK_WIDGET (self));
        }
    }
  else if (self->has_hit)
    {
      self->has_hit = FALSE;
      set_readout (self, NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (QdChartView *self)
{
  if (self->has_hit)
    {
      self->has_hit = FALSE;
      set_readout (self, NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
qd_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  QdChartView *self = QD_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  QdChartPalette palette;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  qd_chart_palette_from_widget (&palette, widget);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  qd_chart_line_draw (cr, &self->chart, &palette, width, height);
  if (self->has_hit)
    {
      QdChartLayout layout;

      qd_chart_line_layout (&self->chart, &palette, width, height, &layout);
      qd_chart_line_draw_highlight (cr, &self->chart, &palette, &layout, &self->hit);
    }
  cairo_destroy (cr);
}

static void
style_changed_cb (QdChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
qd_chart_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (qd_chart_view_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
qd_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 720;
    }
  else
    {
      *minimum = 180;
      *natural = 400;
    }
}

static void
qd_chart_view_finalize (GObject *object)
{
  QdChartView *self = (QdChartView *) object;

  clear_chart (self);
  g_free (self->readout);
  g_free (self->description);

  G_OBJECT_CLASS (qd_chart_view_parent_class)->finalize (object);
}

static void
qd_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  QdChartView *self = QD_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_READOUT:
      g_value_set_string (value, self->readout);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qd_chart_view_class_init (QdChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = qd_chart_view_finalize;
  object_class->get_property = qd_chart_view_get_property;
  widget_class->snapshot = qd_chart_view_snapshot;
  widget_class->measure = qd_chart_view_measure;
  widget_class->css_changed = qd_chart_view_css_changed;

  properties[PROP_READOUT] =
    g_param_spec_string ("readout", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
qd_chart_view_init (QdChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

GtkWidget *
qd_chart_view_new (void)
{
  return g_object_new (QD_TYPE_CHART_VIEW, NULL);
}

static const char *
keep_string (QdChartView *self,
             const char  *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strdup (text);
  g_ptr_array_add (self->strings, copy);
  return copy;
}

/**
 * qd_chart_view_set_chart:
 * @chart: (nullable): the chart; copied
 */
void
qd_chart_view_set_chart (QdChartView       *self,
                         const QdChartLine *chart)
{
  g_autofree char *description = NULL;

  g_return_if_fail (QD_IS_CHART_VIEW (self));

  clear_chart (self);
  self->strings = g_ptr_array_new_with_free_func (g_free);
  self->point_arrays = g_ptr_array_new_with_free_func (g_free);

  if (chart != NULL)
    {
      self->chart = *chart;
      self->chart.title = keep_string (self, chart->title);
      self->series = g_new0 (QdChartSeries, MAX (chart->n_series, 1));
      for (guint i = 0; i < chart->n_series; i++)
        {
          QdChartPoint *points = g_memdup2 (chart->series[i].points,
                                            chart->series[i].n_points * sizeof (QdChartPoint));
          g_ptr_array_add (self->point_arrays, points);
          self->series[i].label = keep_string (self, chart->series[i].label);
          self->series[i].points = points;
          self->series[i].n_points = chart->series[i].n_points;
        }
      self->chart.series = self->series;
    }

  description = qd_chart_line_describe (&self->chart);
  g_free (self->description);
  self->description = g_steal_pointer (&description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->chart.title != NULL ? self->chart.title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
  set_readout (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
qd_chart_view_get_readout (QdChartView *self)
{
  g_return_val_if_fail (QD_IS_CHART_VIEW (self), NULL);
  return self->readout;
}

const char *
qd_chart_view_get_description (QdChartView *self)
{
  g_return_val_if_fail (QD_IS_CHART_VIEW (self), NULL);
  return self->description;
}

void
qd_chart_view_get_palette (QdChartView    *self,
                           QdChartPalette *palette)
{
  g_return_if_fail (QD_IS_CHART_VIEW (self));
  qd_chart_palette_from_widget (palette, GTK_WIDGET (self));
}
